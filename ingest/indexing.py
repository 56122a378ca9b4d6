"""Bring the index in line with the corpus folder: embed what changed, drop what was removed."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.domain import Chunk, DocumentMeta
from assistant.municipalities import ALIAS_SEPARATOR
from assistant.protocols import (
    ALIASES_KEY,
    CHUNK_KEY,
    INDEXED_AT_KEY,
    PARTS_KEY,
    POSITION_KEY,
    Embedder,
    Meta,
    VectorStore,
)
from assistant.retrieval import indexed_text
from assistant.sentences import sentence_chunks
from assistant.versions import by_version, is_complete, newest_complete, text_path
from ingest import chunking
from ingest.loaders import LoadError, kind_of, load
from ingest.sources import SOURCES_FILE, metadata, read_sources

# Bump when chunking or cleaning changes, so every document is chunked again.
PIPELINE_VERSION = "7"
BATCH = 128  # large batches let sentence-transformers sort by length: less padding
VERSION_CHARS = 16  # of the fingerprint, to name a document's version
MAX_FILE_BYTES = 100 * 2**20  # larger files are reported, not read: no policy document is this big


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


def write_atomically(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one (a unique temporary name: workers may race)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _meta_fields(meta: DocumentMeta, parts: int) -> dict[str, str | int | float]:
    fields: dict[str, str | int | float] = {
        "title": meta.title,
        "municipality": meta.municipality,
        "kind": meta.kind,
        PARTS_KEY: parts,
        INDEXED_AT_KEY: time.time(),
    }
    if meta.year is not None:
        fields["year"] = meta.year
    if meta.aliases:
        fields[ALIASES_KEY] = ALIAS_SEPARATOR.join(meta.aliases)
    return fields


@dataclass
class _Plan:
    """A document whose current version is not (completely) in the stores yet."""

    document: str
    version: str
    chunks: list[Chunk]
    fields: dict[str, str | int | float]
    update: bool


def ingest(
    corpus: Path,
    embedder: Embedder,
    store: VectorStore,
    texts_dir: Path,
    sentence_store: VectorStore | None = None,
    progress: bool = True,
    splitter: Callable[[str, str], list[Chunk]] = chunking.split,
    batch_size: int = BATCH,
    on_progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Index new and changed files of `corpus`, remove vanished ones; report what happened.

    Safe to kill at any moment, and resumable: see `assistant.versions`. A document's new version
    is committed (its old version deleted) as soon as all its passages are stored, and a later run
    embeds only what an interrupted one did not store.
    """
    report = Report()
    sources = read_sources(corpus)
    held = by_version(store.all())
    held_sentences = by_version(sentence_store.all()) if sentence_store is not None else {}
    stores = [(store, held)] + ([(sentence_store, held_sentences)] if sentence_store is not None else [])

    def commit(document: str, version: str | None) -> None:
        """Delete every version of `document` but `version` (None: all of them)."""
        for target, versions in stores:
            target.delete([c.id for v, rows in versions.get(document, {}).items() if v != version for c, _ in rows])

    plans: list[_Plan] = []
    seen: set[str] = set()
    for path in corpus_files(corpus):
        document = path.relative_to(corpus).as_posix()
        seen.add(document)
        meta = metadata(document, sources)
        if path.stat().st_size > MAX_FILE_BYTES:
            report.errors[document] = f"{document}: groter dan {MAX_FILE_BYTES // 2**20} MB, overgeslagen"
            continue
        version = fingerprint(path.read_bytes(), meta, embedder.name)[:VERSION_CHARS]
        versions = held.get(document, {})
        if (
            version in versions
            and is_complete(versions[version])
            and (sentence_store is None or version in held_sentences.get(document, {}))
        ):
            report.unchanged.append(document)
            commit(document, version)  # leftovers of an interrupted run
            continue
        try:
            text = load(path)
        except LoadError as exc:
            report.errors[document] = str(exc)
            continue
        chunks = [replace(c, version=version) for c in splitter(document, text)]
        if not chunks:
            report.errors[document] = f"{document}: bevat geen tekst"
            continue
        write_atomically(text_path(texts_dir, document, version), text.encode("utf-8"))
        update = newest_complete(versions) is not None
        plans.append(_Plan(document, version, chunks, _meta_fields(meta, len(chunks)), update))

    # Per plan, its sentences first and its passages last: complete passages imply complete sentences.
    rows: dict[tuple[int, str], tuple[VectorStore, Chunk, Meta, str]] = {}
    ends: list[int] = []
    for plan in plans:
        have = {c.id for c, _ in held.get(plan.document, {}).get(plan.version, [])}
        if sentence_store is not None:
            have_sentences = {c.id for c, _ in held_sentences.get(plan.document, {}).get(plan.version, [])}
            for chunk in plan.chunks:
                for sentence, pos in sentence_chunks(chunk):
                    if sentence.id not in have_sentences:
                        sentence_meta = {**plan.fields, CHUNK_KEY: chunk.id, POSITION_KEY: pos}
                        rows[(1, sentence.id)] = (sentence_store, sentence, sentence_meta, sentence.text)
        for chunk in plan.chunks:
            if chunk.id not in have:
                text = indexed_text(chunk, {**plan.fields, "section": chunk.section})
                rows[(0, chunk.id)] = (store, chunk, plan.fields, text)
        ends.append(len(rows))

    queue = list(rows.values())
    committed = 0
    from tqdm import tqdm

    with tqdm(total=len(queue), unit="tekst", desc="Indexeren", disable=not progress or not queue) as bar:
        for start in range(0, len(queue) + 1, batch_size):
            batch = queue[start : start + batch_size]
            if batch:
                vectors = embedder.embed_documents([text for *_, text in batch])
                for target, _ in reversed(stores):  # sentences before passages
                    mine = [(c, v, m) for (t, c, m, _), v in zip(batch, vectors, strict=True) if t is target]
                    target.add([c for c, _, _ in mine], [v for _, v, _ in mine], [m for _, _, m in mine])
                bar.update(len(batch))
                if on_progress is not None:
                    on_progress(start + len(batch), len(queue))
            while committed < len(plans) and ends[committed] <= start + len(batch):
                plan = plans[committed]
                commit(plan.document, plan.version)
                (report.updated if plan.update else report.added).append(plan.document)
                committed += 1

    for document in sorted(set(held) - seen):
        commit(document, None)
        report.removed.append(document)
    _keep_only_served_texts(store, texts_dir)
    report.chunks = store.count()
    return report


def _keep_only_served_texts(store: VectorStore, texts_dir: Path) -> None:
    """Delete texts of versions nobody can see any more (old, removed, or from a killed run)."""
    if not texts_dir.is_dir():
        return
    keep = {
        text_path(texts_dir, document, version)
        for document, versions in by_version(store.all()).items()
        if (version := newest_complete(versions)) is not None
    }
    for path in texts_dir.rglob("*.txt"):
        if path not in keep:
            path.unlink()
