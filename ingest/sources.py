"""Document metadata from the corpus's `sources.json`, with defaults from the file name.

Two shapes are accepted, as municipalities naturally write them:

    [{"file": "nota.pdf", "title": "...", "municipality": "...", "year": 2024, "kind": "...", "aliases": ["..."]}]
    {"nota.pdf": {"title": "...", "municipality": "...", "year": 2024, "kind": "..."}}

Anything else stops ingest with one message that names the file, the problem and the expected shape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assistant.domain import DocumentMeta
from assistant.municipalities import dutch_places, slug

SOURCES_FILE = "sources.json"
UNKNOWN_MUNICIPALITY = "Onbekend"
_FIELDS: dict[str, type | tuple[type, ...]] = {"title": str, "municipality": str, "kind": str, "note": str}
EXPECTED = (
    'een lijst [{"file": "nota.pdf", "title": "...", "municipality": "...", "year": 2024, "kind": "..."}] '
    'of een object {"nota.pdf": {"title": "...", "municipality": "...", "year": 2024, "kind": "..."}}'
)


class SourcesError(ValueError):
    """`sources.json` cannot be used; the message says which file, what is wrong and what is expected."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}. Verwacht: {EXPECTED}.")


def municipality_from_name(file: str) -> str:
    """The Dutch municipality a file name starts with ('rotterdam_beleidsregels-2024.md' -> 'Rotterdam')."""
    stem = slug(Path(file).stem.split("_")[0])
    municipalities = {slug(p.municipality): p.municipality for p in dutch_places()}
    if stem in municipalities:
        return municipalities[stem]
    prefixes = [s for s in municipalities if stem.startswith(f"{s}-")]
    return municipalities[max(prefixes, key=len)] if prefixes else UNKNOWN_MUNICIPALITY


def _from_name(file: str) -> DocumentMeta:
    """Sensible metadata for a file nobody described: municipality and year from its name."""
    stem = Path(file).stem
    year = re.search(r"(19|20)\d\d", stem)
    title = re.sub(r"[_-]+", " ", stem).strip().capitalize()
    return DocumentMeta(file, title, municipality_from_name(file), int(year.group(0)) if year else None, "document")


def _entries(path: Path, data: object) -> list[tuple[str, dict[str, Any]]]:
    """(file, fields) pairs from either accepted shape."""
    if isinstance(data, dict):
        pairs = list(data.items())
        for file, fields in pairs:
            if not isinstance(fields, dict):
                raise SourcesError(path, f"de waarde bij '{file}' is geen object maar {type(fields).__name__}")
        return pairs
    if not isinstance(data, list):
        raise SourcesError(path, f"de inhoud is een {type(data).__name__}, geen lijst of object")
    pairs = []
    for n, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise SourcesError(path, f"item {n} is geen object maar {type(entry).__name__}")
        file = entry.get("file")
        if not isinstance(file, str) or not file.strip():
            raise SourcesError(path, f'item {n} heeft geen "file" met een bestandsnaam')
        pairs.append((file, entry))
    return pairs


def _meta(path: Path, file: str, fields: dict[str, Any]) -> DocumentMeta:
    for key, kind in _FIELDS.items():
        if fields.get(key) is not None and not isinstance(fields[key], kind):
            raise SourcesError(path, f'"{key}" van {file} moet tekst zijn, niet {json.dumps(fields[key])}')
    year = fields.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year)
    if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1000 <= year <= 2999):
        raise SourcesError(path, f'"year" van {file} moet een jaartal zijn (zoals 2024), niet {json.dumps(year)}')
    aliases = fields.get("aliases", [])
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise SourcesError(path, f'"aliases" van {file} moet een lijst met namen zijn, niet {json.dumps(aliases)}')
    default = _from_name(file)
    return DocumentMeta(
        file,
        fields.get("title") or default.title,
        fields.get("municipality") or default.municipality,
        year if year is not None else default.year,
        fields.get("kind") or default.kind,
        tuple(a.strip() for a in aliases if a.strip()),
    )


def read_sources(corpus: Path, check_files: bool = True) -> dict[str, DocumentMeta]:
    """Metadata per file name, as the municipality wrote it in sources.json.

    Raises `SourcesError` for invalid JSON, another shape, a wrong type, or (with `check_files`)
    an entry for a file that is not in the folder.
    """
    path = corpus / SOURCES_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise SourcesError(path, "het bestand is geen UTF-8-tekst") from None
    except json.JSONDecodeError as exc:
        raise SourcesError(path, f"geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}: {exc.msg})") from None
    out: dict[str, DocumentMeta] = {}
    for file, fields in _entries(path, data):
        if check_files and not (corpus / file).is_file():
            raise SourcesError(path, f"er staat een beschrijving in voor {file}, maar dat bestand is er niet")
        out[file] = _meta(path, file, fields)
    return out


def metadata(file: str, sources: dict[str, DocumentMeta]) -> DocumentMeta:
    return sources.get(file) or _from_name(file)


def write_entry(corpus: Path, file: str, entry: Mapping[str, object] | None) -> bytes:
    """The new `sources.json` with `file`'s entry replaced (None: removed), in the shape it already had."""
    path = corpus / SOURCES_FILE
    read_sources(corpus, check_files=False)  # refuse to rewrite a file we could not read
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    if isinstance(data, dict):
        data.pop(file, None)
        if entry:
            data[file] = {k: v for k, v in entry.items() if k != "file"}
    else:
        data = [e for e in data if e.get("file") != file] + ([entry] if entry else [])
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
