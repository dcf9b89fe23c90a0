"""The place data compiled from the shared gazetteer extracts, shipped with geowire.

``geowire gazetteer import`` reads the four TSV extracts of ``../shared/gazetteer/``
(Who's On First localities, admin units, Natural Earth and GeoNames features, airports)
and writes one compact archive into the package (:data:`ARCHIVE`). The index build reads
that archive; nothing reads ``../shared`` at run time.

Only what the geoparser can use is kept: rows with a Latin-script name, their
Latin-script names (one per normalised spelling), no undersea features, no airport
codes. A row already in the packaged GeoNames cities keeps only the names those lack.
Each row names its source (``wof``, ``geonames``, ``naturalearth``) and, where it has no
GeoNames id, its id in that source.

The archive is an ``.npz`` (numpy arrays, no pickled objects) compressed with xz:
columns of numbers, the strings of small code tables, and the names as one UTF-8 blob.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import lzma
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from streams.gazetteer.normalize import is_latin, normalize

#: The shipped archive, next to this module.
ARCHIVE = Path(__file__).with_name("data") / "extracts.npz.xz"
#: The extract files, in the order rows are kept.
FILES = ("localities", "admin", "features", "airports")
SOURCES = ("geonames", "naturalearth", "wof")
#: Coordinates are stored as integers of this many decimal degrees (the extracts' 5).
SCALE = 100_000
#: Feature classes left out: undersea features are never news places.
SKIPPED_CLASSES = frozenset({"U"})
#: Words an airport's English names carry; other alternates are foreign-language forms.
_AIRPORT_WORDS = ("airport", "airfield", "air base", "airbase", "international", "heliport")
_NAME_SEP, _ROW_SEP = "|", "\n"


@dataclass(frozen=True)
class Extracts:
    """The shipped rows, column by column (see the module docstring)."""

    gid: np.ndarray
    part: np.ndarray
    source: np.ndarray
    source_id: list[str]
    lat: np.ndarray
    lon: np.ndarray
    feature_class: list[str]
    feature_code: list[str]
    country_code: list[str]
    admin1: list[str]
    population: np.ndarray
    names: list[list[str]]

    def __len__(self) -> int:
        return len(self.gid)

    def has_point(self, row: int) -> bool:
        """Whether a row is a place of its own (else it only adds names to ``gid``)."""
        return bool(self.part[row] != 255)


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def latin_names(names: Iterable[str], file: str) -> list[str]:
    """The names worth indexing for English text: Latin script, one per spelling.

    Airports keep only their English names (the extract lists each in many languages)
    and no codes: "ORD" or "HOD" in a story is rarely the airport.
    """
    kept: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(names):
        name = name.strip()
        if len(name) < 2 or not is_latin(name):
            continue
        if file == "airports" and (
            (i > 0 and not any(w in name.lower() for w in _AIRPORT_WORDS))
            or (name.isupper() and len(name) <= 4)
        ):
            continue
        key = normalize(name)
        if key and key not in seen and not key.isdigit():
            seen.add(key)
            kept.append(name)
    return kept


def import_extracts(
    folder: Path, known: dict[int, set[str]], out: Path = ARCHIVE
) -> dict[str, dict[str, int]]:
    """Read the shared extracts and write the archive (``geowire gazetteer import``).

    Args:
        folder: the folder of the ``*.tsv.gz`` extracts (``../shared/gazetteer``).
        known: normalised names of the places the packaged sources already hold, by
            GeoNames id; such rows keep only names those lack.
        out: the archive to write.

    Returns:
        Rows read, kept as places, kept as extra names and skipped, per file.
    """
    cols: dict[str, list[object]] = {k: [] for k in _COLUMNS}
    counts: dict[str, dict[str, int]] = {}
    for file_no, file in enumerate(FILES):
        tally = {"read": 0, "places": 0, "names": 0, "skipped": 0}
        for row in _read_tsv(folder / f"{file}.tsv.gz"):
            tally["read"] += 1
            kind = _add_row(cols, row, file_no, known)
            tally[kind] += 1
        counts[file] = tally
    write_archive(cols, out)
    return counts


_COLUMNS = (
    "gid", "part", "source", "source_id", "lat", "lon", "feature_class", "feature_code",
    "country_code", "admin1", "population", "names",
)  # fmt: skip


def _add_row(
    cols: dict[str, list[object]], row: dict[str, str], file_no: int, known: dict[int, set[str]]
) -> str:
    file = FILES[file_no]
    if row["feature_class"] in SKIPPED_CLASSES:
        return "skipped"
    names = latin_names([row["name"], *row["alternate_names"].split("|")], file)
    gid = int(row["geonameid"]) if row["geonameid"] else 0
    if gid in known:
        names = [n for n in names if normalize(n) not in known[gid]]
        if not names:
            return "skipped"
        values: dict[str, object] = dict.fromkeys(_COLUMNS, "")
        values.update(gid=gid, part=255, source=SOURCES.index(row["source"]), lat=0, lon=0,
                      population=0, names=names)  # fmt: skip
        for key, value in values.items():
            cols[key].append(value)
        return "names"
    if not names:
        return "skipped"
    source_id = "" if gid and row["source"] != "naturalearth" else row["source_id"]
    values = {
        "gid": gid, "part": file_no, "source": SOURCES.index(row["source"]),
        "source_id": source_id.split(";")[0] if gid else source_id,
        "lat": round(float(row["lat"]) * SCALE), "lon": round(float(row["lon"]) * SCALE),
        "feature_class": row["feature_class"], "feature_code": row["feature_code"],
        "country_code": row["country_code"], "admin1": row["admin1_code"],
        "population": int(row["population"] or 0), "names": names,
    }  # fmt: skip
    for key, value in values.items():
        cols[key].append(value)
    return "places"


def write_archive(cols: dict[str, list[object]], out: Path) -> Path:
    """Write the columns as an xz-compressed ``.npz`` of plain arrays.

    Rows are sorted by file, country and GeoNames id: neighbouring rows then share
    codes and have close ids, which compresses best.
    """
    order = sorted(
        range(len(cols["gid"])),
        key=lambda i: (
            int(cols["part"][i]),  # type: ignore[call-overload]
            str(cols["country_code"][i]),
            int(cols["gid"][i]),  # type: ignore[call-overload]
            str(cols["source_id"][i]),
        ),
    )
    cols = {key: [values[i] for i in order] for key, values in cols.items()}
    arrays: dict[str, np.ndarray] = {
        "gid": np.array(cols["gid"], dtype=np.uint32),
        "part": np.array(cols["part"], dtype=np.uint8),
        "source": np.array(cols["source"], dtype=np.uint8),
        "lat": np.array(cols["lat"], dtype=np.int32),
        "lon": np.array(cols["lon"], dtype=np.int32),
        "population": np.array(cols["population"], dtype=np.uint32),
    }
    tables: dict[str, list[str]] = {}
    for key in ("feature_class", "feature_code", "country_code", "admin1"):
        values = [str(v) for v in cols[key]]
        table = sorted(set(values))
        lookup = {v: i for i, v in enumerate(table)}
        arrays[key] = np.array([lookup[v] for v in values], dtype=np.uint16)
        tables[key] = table
    arrays["names"] = _blob(_ROW_SEP.join(_NAME_SEP.join(n) for n in cols["names"]))  # type: ignore[arg-type]
    arrays["source_id"] = _blob(_ROW_SEP.join(str(s) for s in cols["source_id"]))
    arrays["tables"] = _blob(json.dumps(tables))
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)  # type: ignore[arg-type]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(lzma.compress(buffer.getvalue(), preset=9 | lzma.PRESET_EXTREME))
    return out


def _blob(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def read_archive(path: Path = ARCHIVE) -> Extracts | None:
    """Read the shipped archive (None when it is absent: the packaged sources only).

    ``allow_pickle=False``: the archive holds plain arrays, never code.
    """
    if not path.exists():
        return None
    data = np.load(io.BytesIO(lzma.decompress(path.read_bytes())), allow_pickle=False)
    tables = json.loads(bytes(data["tables"]).decode("utf-8"))

    def column(key: str) -> list[str]:
        table = tables[key]
        return [table[i] for i in data[key].tolist()]

    names = bytes(data["names"]).decode("utf-8").split(_ROW_SEP)
    return Extracts(
        gid=data["gid"].astype(np.int64),
        part=data["part"],
        source=data["source"],
        source_id=bytes(data["source_id"]).decode("utf-8").split(_ROW_SEP),
        lat=data["lat"].astype(np.float64) / SCALE,
        lon=data["lon"].astype(np.float64) / SCALE,
        feature_class=column("feature_class"),
        feature_code=column("feature_code"),
        country_code=column("country_code"),
        admin1=column("admin1"),
        population=data["population"].astype(np.int64),
        names=[n.split(_NAME_SEP) for n in names],
    )
