"""Bring the index in line with the corpus folder: embed what changed, drop what was removed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.domain import Chunk, DocumentMeta
from assistant.protocols import Embedder, VectorStore
from assistant.retrieval import indexed_text
from ingest import chunking
from ingest.loaders import SUFFIXES, LoadError, load
from ingest.sources import SOURCES_FILE, metadata, read_sources

# Bump when chunking or cleaning changes, so every document is chunked again.
PIPELINE_VERSION = "2"
BATCH = 32


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    chunks: int = 0


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(
        p for p in corpus.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and p.name != SOURCES_FILE and not p.name.startswith(".")
    )


def fingerprint(data: bytes, meta: DocumentMeta) -> str:
    key = f"{PIPELINE_VERSION}\x00{meta}".encode() + data
    return hashlib.sha256(key).hexdigest()


def text_path(texts_dir: Path, document: str) -> Path:
    return texts_dir / f"{document}.txt"


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _indexed(store: VectorStore) -> dict[str, tuple[str, set[str]]]:
    """Per document already in the store: its fingerprint and chunk ids."""
    out: dict[str, tuple[str, set[str]]] = {}
    for chunk, meta in store.all():
        fp, ids = out.setdefault(chunk.document, (str(meta.get("fingerprint", "")), set()))
        ids.add(chunk.id)
    return out


def _meta_fields(meta: DocumentMeta, fp: str) -> dict[str, str | int]:
    fields: dict[str, str | int] = {"title": meta.title, "municipality": meta.municipality, "kind": meta.kind, "fingerprint": fp}
    if meta.year is not None:
        fields["year"] = meta.year
    return fields


def ingest(corpus: Path, embedder: Embedder, store: VectorStore, texts_dir: Path, progress: bool = True) -> Report:
    """Index new and changed files of `corpus`, remove vanished ones; report what happened."""
    report = Report()
    sources = read_sources(corpus)
    existing = _indexed(store)
    todo: list[tuple[str, list[Chunk], dict[str, str | int]]] = []
    seen: set[str] = set()
    for path in corpus_files(corpus):
        document = path.relative_to(corpus).as_posix()
        seen.add(document)
        meta = metadata(document, sources)
        data = path.read_bytes()
        fp = fingerprint(data, meta)
        if document in existing and existing[document][0] == fp:
            report.unchanged.append(document)
            continue
        try:
            text = load(path)
        except LoadError as exc:
            report.errors[document] = str(exc)
            continue
        chunks = chunking.split(document, text)
        if not chunks:
            report.errors[document] = f"{document}: bevat geen tekst"
            continue
        _write_atomically(text_path(texts_dir, document), text)
        todo.append((document, chunks, _meta_fields(meta, fp)))
    _embed_and_store(todo, embedder, store, progress)
    for document, chunks, _ in todo:
        old = existing.get(document, ("", set()))[1]
        store.delete(sorted(old - {c.id for c in chunks}))
        (report.updated if document in existing else report.added).append(document)
    for document in sorted(set(existing) - seen):
        store.delete(sorted(existing[document][1]))
        text_path(texts_dir, document).unlink(missing_ok=True)
        report.removed.append(document)
    report.chunks = store.count()
    return report


def _embed_and_store(todo: Iterable[tuple[str, list[Chunk], dict]], embedder: Embedder, store: VectorStore, progress: bool) -> None:
    rows = [(chunk, meta) for _, chunks, meta in todo for chunk in chunks]
    if not rows:
        return
    from tqdm import tqdm

    with tqdm(total=len(rows), unit="chunk", desc="Indexeren", disable=not progress) as bar:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            vectors = embedder.embed_documents([indexed_text(c, {**m, "section": c.section}) for c, m in batch])
            store.add([c for c, _ in batch], vectors, [m for _, m in batch])
            bar.update(len(batch))
