"""Export the JSON Schema of every released model into ``schemas/json/``."""

from __future__ import annotations

from pathlib import Path

import orjson

from schemas import EXPORTED

JSON_DIR = Path(__file__).parent / "json"


def render() -> dict[str, bytes]:
    """Return the JSON Schema documents by file name, as bytes ready to write."""
    docs: dict[str, bytes] = {}
    for name, model in EXPORTED.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$id"] = f"https://geowire.dev/schemas/{name}.json"
        docs[f"{name}.json"] = orjson.dumps(
            schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
        )
    return docs


def stale(directory: Path = JSON_DIR) -> list[str]:
    """Return the files in ``directory`` that differ from what ``render`` gives."""
    out = []
    for name, body in render().items():
        path = directory / name
        if not path.exists() or path.read_bytes() != body + b"\n":
            out.append(name)
    return out


def export(directory: Path = JSON_DIR) -> list[Path]:
    """Write every schema file into ``directory`` and return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, body in render().items():
        path = directory / name
        path.write_bytes(body + b"\n")
        paths.append(path)
    return paths
