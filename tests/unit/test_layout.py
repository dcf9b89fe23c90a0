"""The layout is the architecture: stage folders stay pure, imports run one way, no circles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from streams.paths import ROOT

STREAMS = ROOT / "streams"
#: The enrichment core: plain Python with typed inputs and outputs.
CORE = ("core", "lexicon", "split", "tag", "geocode", "gazetteer")
#: What the core may never import: the Kafka shell, the settings, the CLI, evaluation.
SHELL = (
    "streams.service",
    "streams.cli",
    "streams.settings",
    "streams.broker",
    "streams.evaluate",
    "streams.bench",
    "faust",
    "aiokafka",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from streams.split import rarity` imports the module streams.split.rarity
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _package_link(a: str, b: str) -> bool:
    # A package's __init__ re-exporting its own modules is not a circle of design.
    return b.startswith(a + ".") or a.startswith(b + ".")


MODULES = {module_name(p): p for p in sorted(STREAMS.rglob("*.py"))}
GRAPH = {
    name: {m for m in imports(path) if m in MODULES and m != name and not _package_link(name, m)}
    for name, path in MODULES.items()
}


def _cycle_from(start: str) -> list[str] | None:
    """A path start -> ... -> start through the import graph, if there is one."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in GRAPH[node]:
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_import_circle(name: str) -> None:
    cycle = _cycle_from(name)
    assert cycle is None, " -> ".join(cycle or [])


@pytest.mark.parametrize("folder", CORE)
def test_the_core_imports_nothing_from_the_shell(folder: str) -> None:
    for path in sorted((STREAMS / folder).rglob("*.py")):
        bad = {m for m in imports(path) for s in SHELL if m == s or m.startswith(s + ".")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_the_service_imports_no_evaluation() -> None:
    for path in sorted((STREAMS / "service").rglob("*.py")):
        bad = {m for m in imports(path) if m.startswith(("streams.evaluate", "streams.bench"))}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_modules_and_folders_stay_small() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in MODULES.values()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, f"modules over 400 lines: {long}"
    for folder in {p.parent for p in MODULES.values()}:
        count = len([p for p in folder.glob("*.py") if p.name != "__init__.py"])
        assert count <= 15, f"{folder.relative_to(ROOT)} holds {count} modules"


def test_every_stage_folder_says_what_goes_in_and_out() -> None:
    for folder in ("split", "tag", "geocode", "gazetteer", "core", "service"):
        init = STREAMS / folder / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"streams/{folder}/__init__.py has no docstring"
