"""Which version of each document is served, so an interrupted ingest never shows a half-built index.

Ingest writes a document's new version beside the old one (every row carries `version`, the
number of passages of its version in `parts`, and `indexed_at`), and removes the old version only
when the new one is complete. Whenever it is stopped, even by SIGKILL, each document's newest
complete version is what readers see; rows of an unfinished version stay hidden until the next
ingest completes or removes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from assistant.domain import Chunk
from assistant.protocols import INDEXED_AT_KEY, PARTS_KEY, Meta

Row = tuple[Chunk, Meta]


def by_version(rows: Iterable[Row]) -> dict[str, dict[str, list[Row]]]:
    """Rows grouped per document, then per version."""
    out: dict[str, dict[str, list[Row]]] = {}
    for chunk, meta in rows:
        out.setdefault(chunk.document, {}).setdefault(chunk.version, []).append((chunk, meta))
    return out


def is_complete(rows: list[Row]) -> bool:
    # Rows from before versions existed carry no `parts`: they were written in one go.
    return len(rows) >= int(rows[0][1].get(PARTS_KEY, len(rows)))


def newest_complete(versions: dict[str, list[Row]]) -> str | None:
    """The version to serve among one document's versions, if any is complete."""
    complete = {v: rows for v, rows in versions.items() if is_complete(rows)}
    if not complete:
        return None
    return max(complete, key=lambda v: max(float(m.get(INDEXED_AT_KEY, 0)) for _, m in complete[v]))


def served(rows: Iterable[Row]) -> list[Row]:
    """The rows readers should see: per document, its newest complete version."""
    out: list[Row] = []
    for versions in by_version(rows).values():
        chosen = newest_complete(versions)
        if chosen is not None:
            out.extend(versions[chosen])
    return out


TEXTS = "texts"  # the folder in the data folder that holds the ingested texts


def text_path(texts_dir: Path, document: str, version: str) -> Path:
    """Where the ingested text of one version of a document is kept (chunk offsets point into it)."""
    return texts_dir / (f"{document}.{version}.txt" if version else f"{document}.txt")
