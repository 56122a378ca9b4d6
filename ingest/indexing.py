"""Bring the index in line with the corpus folder: embed what changed, drop what was removed."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections import deque
from collections.abc import Callable, Collection
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

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
    Span,
    VectorStore,
)
from assistant.retrieval import indexed_text
from assistant.sentences import sentence_chunks
from assistant.versions import by_version, is_complete, newest_complete, text_path
from ingest import chunking
from ingest.loaders import LoadError, kind_of, load
from ingest.sources import SOURCES_FILE, metadata, read_sources

# Bump when chunking, cleaning or what a vector means changes, so every document is embedded again.
# 8: sentence vectors pooled from their passage (late chunking) instead of embedded alone.
# 10: a table's year header repeated above the rows a chunk cut off from it.
# 11: a sentence no longer ends at an abbreviation ("St. Leergeld").
PIPELINE_VERSION = "11"
BATCH = 128  # passages per call: the embedder sorts them by length (less padding); each call is then stored
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


def meta_fields(meta: DocumentMeta, parts: int) -> dict[str, str | int | float]:
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


@dataclass(frozen=True)
class Row:
    """A passage to embed: its text as indexed, and its sentences with their spans in that text."""

    chunk: Chunk
    fields: dict[str, str | int | float]
    text: str
    sentences: list[tuple[Chunk, int, Span]]

    @property
    def spans(self) -> list[Span]:
        return [span for *_, span in self.sentences]


def row(chunk: Chunk, fields: dict[str, str | int | float], sentences: bool = True) -> Row:
    """What is embedded for `chunk`: the indexed text and (with `sentences`) where each sentence lies in it."""
    text = indexed_text(chunk, {**fields, "section": chunk.section})
    offset, cursor, found = len(text) - len(chunk.text), 0, []
    for sentence, pos in sentence_chunks(chunk) if sentences else []:
        start = chunk.text.find(sentence.text, cursor)  # found: sentences are stripped pieces of the text
        cursor = start + len(sentence.text)
        found.append((sentence, pos, (offset + start, offset + cursor)))
    return Row(chunk, fields, text, found)


def rows_of(corpus: Path) -> list[Row]:
    """Everything in `corpus` that a fresh index embeds (for benchmarks; `ingest` plans its own)."""
    sources, out = read_sources(corpus), []
    for path in corpus_files(corpus):
        document = path.relative_to(corpus).as_posix()
        try:
            chunks = chunking.split(document, load(path))
        except LoadError:
            continue  # `ingest` reports these
        fields = meta_fields(metadata(document, sources), len(chunks))
        out += [row(c, fields) for c in chunks]
    return out


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
        plans.append(_Plan(document, version, chunks, meta_fields(meta, len(chunks)), update))

    # One row per passage still missing, with its sentences: they are embedded in the same pass.
    rows: list[Row] = []
    ends: list[int] = []
    for plan in plans:
        have = {c.id for c, _ in held.get(plan.document, {}).get(plan.version, [])}
        if sentence_store is not None and plan.version not in held_sentences.get(plan.document, {}):
            have = set()  # sentence vectors were switched on: every passage is embedded again, for its sentences
        for chunk in plan.chunks:
            if chunk.id not in have:
                rows.append(row(chunk, plan.fields, sentences=sentence_store is not None))
        ends.append(len(rows))

    def write(batch: list[Row], embedded: list[tuple[list[float], list[list[float]]]]) -> int:
        """Store one embedded batch, sentences before passages: a stored passage implies its sentences."""
        if sentence_store is None:
            sentence_rows: Collection[tuple[Chunk, list[float], Meta]] = ()
        else:  # keyed by id: a sentence repeated in one passage is one row (as a set of rows, the last wins)
            sentence_rows = {
                sentence.id: (sentence, vector, {**r.fields, CHUNK_KEY: r.chunk.id, POSITION_KEY: pos})
                for r, (_, vectors) in zip(batch, embedded, strict=True)
                for (sentence, pos, _), vector in zip(r.sentences, vectors, strict=True)
            }.values()
            sentence_store.add(
                [c for c, _, _ in sentence_rows], [v for _, v, _ in sentence_rows], [m for *_, m in sentence_rows]
            )
        store.add([r.chunk for r in batch], [v for v, _ in embedded], [r.fields for r in batch])
        return len(sentence_rows)

    from tqdm import tqdm

    done = {"passages": 0, "sentences": 0, "committed": 0}
    started = time.perf_counter()

    def settle(passages: int, sentences: int, bar: tqdm[Any]) -> None:
        """Count a batch once it is stored, and commit the documents it completed."""
        done["sentences"] += sentences
        done["passages"] += passages
        bar.update(passages)
        bar.set_postfix_str(f"{done['sentences'] / (time.perf_counter() - started):.0f} zinnen/s", refresh=False)
        if on_progress is not None:
            on_progress(done["passages"], len(rows))
        while done["committed"] < len(plans) and ends[done["committed"]] <= done["passages"]:
            plan = plans[done["committed"]]
            commit(plan.document, plan.version)
            (report.updated if plan.update else report.added).append(plan.document)
            done["committed"] += 1

    # One batch is written while the next is embedded: the model leaves room for the store's work.
    with (
        tqdm(total=len(rows), unit="passage", desc="Indexeren", disable=not progress or not rows) as bar,
        ThreadPoolExecutor(max_workers=1) as writer,
    ):
        pending: deque[tuple[Future[int], int]] = deque()
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            embedded = embedder.embed_passages([r.text for r in batch], [r.spans for r in batch])
            pending.append((writer.submit(write, batch, embedded), len(batch)))
            while len(pending) > 1:
                written, passages = pending.popleft()
                settle(passages, written.result(), bar)
        for written, passages in pending:
            settle(passages, written.result(), bar)
        settle(0, 0, bar)  # documents with nothing left to embed

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
