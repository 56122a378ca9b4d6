"""Bring the index in line with the corpus folder: embed what changed, drop what was removed."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.domain import Chunk, DocumentMeta
from assistant.protocols import Embedder, VectorStore
from assistant.retrieval import indexed_text
from assistant.sentences import sentence_chunks
from ingest import chunking
from ingest.loaders import LoadError, kind_of, load
from ingest.sources import SOURCES_FILE, metadata, read_sources

# Bump when chunking or cleaning changes, so every document is chunked again.
PIPELINE_VERSION = "5"
BATCH = 128  # large batches let sentence-transformers sort by length: less padding


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    chunks: int = 0


def corpus_files(corpus: Path) -> list[Path]:
    """Documents in the folder: known types, and other files that hold text."""
    return sorted(
        p
        for p in corpus.rglob("*")
        if p.is_file() and p.name != SOURCES_FILE and not p.name.startswith(".") and kind_of(p) != "skip"
    )


def fingerprint(data: bytes, meta: DocumentMeta, model: str) -> str:
    """Changes when the file, its metadata, the pipeline or the embedding model changes."""
    key = f"{PIPELINE_VERSION}\x00{model}\x00{meta}".encode() + data
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
    fields: dict[str, str | int] = {
        "title": meta.title,
        "municipality": meta.municipality,
        "kind": meta.kind,
        "fingerprint": fp,
    }
    if meta.year is not None:
        fields["year"] = meta.year
    return fields


def ingest(
    corpus: Path,
    embedder: Embedder,
    store: VectorStore,
    texts_dir: Path,
    sentence_store: VectorStore | None = None,
    progress: bool = True,
    splitter: Callable[[str, str], list[Chunk]] = chunking.split,
) -> Report:
    """Index new and changed files of `corpus`, remove vanished ones; report what happened."""
    report = Report()
    sources = read_sources(corpus)
    existing = _indexed(store)
    existing_sentences = _indexed(sentence_store) if sentence_store is not None else {}
    todo: list[tuple[str, list[Chunk], dict[str, str | int]]] = []
    seen: set[str] = set()
    for path in corpus_files(corpus):
        document = path.relative_to(corpus).as_posix()
        seen.add(document)
        meta = metadata(document, sources)
        data = path.read_bytes()
        fp = fingerprint(data, meta, embedder.name)
        stores_current = existing.get(document, ("",))[0] == fp and (
            sentence_store is None or existing_sentences.get(document, ("",))[0] == fp
        )
        if stores_current:
            report.unchanged.append(document)
            continue
        try:
            text = load(path)
        except LoadError as exc:
            report.errors[document] = str(exc)
            continue
        chunks = splitter(document, text)
        if not chunks:
            report.errors[document] = f"{document}: bevat geen tekst"
            continue
        _write_atomically(text_path(texts_dir, document), text)
        todo.append((document, chunks, _meta_fields(meta, fp)))
    rows = [(chunk, meta) for _, chunks, meta in todo for chunk in chunks]
    # New chunks are added before old ones are removed, so a document never vanishes meanwhile.
    _embed_and_store(
        rows, embedder, store, progress, "Passages", lambda c, m: indexed_text(c, {**m, "section": c.section})
    )
    if sentence_store is not None:
        sentence_rows = [(s, {**meta, "chunk": c.id, "pos": pos}) for c, meta in rows for s, pos in sentence_chunks(c)]
        _embed_and_store(sentence_rows, embedder, sentence_store, progress, "Zinnen", lambda c, m: c.text)
    for document, chunks, _ in todo:
        _drop_old(store, existing, document, {c.id for c in chunks})
        if sentence_store is not None:
            _drop_old(
                sentence_store, existing_sentences, document, {s.id for c in chunks for s, _ in sentence_chunks(c)}
            )
        (report.updated if document in existing else report.added).append(document)
    for document in sorted(set(existing) - seen):
        _drop_old(store, existing, document, set())
        if sentence_store is not None:
            _drop_old(sentence_store, existing_sentences, document, set())
        text_path(texts_dir, document).unlink(missing_ok=True)
        report.removed.append(document)
    report.chunks = store.count()
    return report


def _drop_old(store: VectorStore, existing: dict[str, tuple[str, set[str]]], document: str, keep: set[str]) -> None:
    old = existing.get(document, ("", set()))[1]
    store.delete(sorted(old - keep))


def _embed_and_store(
    rows: Sequence[tuple[Chunk, dict]],
    embedder: Embedder,
    store: VectorStore,
    progress: bool,
    label: str,
    text_of: Callable[[Chunk, dict], str],
) -> None:
    rows = list({c.id: (c, m) for c, m in rows}.values())  # a sentence may occur twice in a chunk
    if not rows:
        return
    from tqdm import tqdm

    with tqdm(total=len(rows), unit="tekst", desc=label, disable=not progress) as bar:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            vectors = embedder.embed_documents([text_of(c, m) for c, m in batch])
            store.add([c for c, _ in batch], vectors, [m for _, m in batch])
            bar.update(len(batch))
