"""Document metadata from the corpus's `sources.json`, with defaults from the file name."""

from __future__ import annotations

import json
import re
from pathlib import Path

from assistant.domain import DocumentMeta
from assistant.municipalities import ALIASES

SOURCES_FILE = "sources.json"


def _from_name(file: str) -> DocumentMeta:
    """Sensible metadata for a file nobody described: municipality and year from its name."""
    stem = Path(file).stem
    lowered = stem.lower()
    municipality = next(
        (name for name in sorted(ALIASES, key=len, reverse=True) if lowered.startswith(name.lower())), "Onbekend"
    )
    year = re.search(r"(19|20)\d\d", stem)
    title = re.sub(r"[_-]+", " ", stem).strip().capitalize()
    return DocumentMeta(file, title, municipality, int(year.group(0)) if year else None, "document")


def read_sources(corpus: Path) -> dict[str, DocumentMeta]:
    """Metadata per file name, as the municipality wrote it in sources.json."""
    path = corpus / SOURCES_FILE
    if not path.exists():
        return {}
    entries = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, DocumentMeta] = {}
    for e in entries:
        default = _from_name(e["file"])
        out[e["file"]] = DocumentMeta(
            e["file"],
            e.get("title") or default.title,
            e.get("municipality") or default.municipality,
            e.get("year", default.year),
            e.get("kind") or default.kind,
        )
    return out


def metadata(file: str, sources: dict[str, DocumentMeta]) -> DocumentMeta:
    return sources.get(file) or _from_name(file)
