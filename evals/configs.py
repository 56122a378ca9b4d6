"""Configurations side by side in one run: every claim of improvement is a ratio on the same machine."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from assistant.answering import calibration_for
from assistant.core import Assistant
from assistant.protocols import Embedder
from assistant.retrieval import Retriever
from assistant.stores import ChromaStore
from ingest import chunking
from ingest.indexing import ingest

# name -> (chunker, retrieval mode, sentence vectors, what it shows)
CONFIGS: dict[str, tuple[str, str, bool, str]] = {
    "default": ("structure", "hybrid", True, "structure-aware chunks, dense + BM25, sentence vectors"),
    "dense": ("structure", "dense", True, "dense retrieval only"),
    "bm25": ("structure", "bm25", True, "BM25 with Dutch stemming only"),
    "no-sentence-vectors": ("structure", "hybrid", False, "sentences chosen by shared terms only"),
    "small-chunks": ("small", "hybrid", True, "structure-aware chunks of ~100 words (max 150)"),
    "quickstart": (
        "quickstart",
        "dense",
        False,
        "langchain quick-start: RecursiveCharacterTextSplitter 1000/200, dense",
    ),
}


def _chunker(name: str) -> Callable:
    if name == "small":
        return partial(chunking.split, target=100, maximum=150)
    if name == "quickstart":
        from assistant.langchain_adapter import quickstart_splitter

        return quickstart_splitter(1000, 200)
    return chunking.split


def build(names: list[str], corpus: Path, embedder: Embedder) -> tuple[dict[str, Assistant], Path]:
    """An assistant per configuration, each over its own index in one temporary folder."""
    unknown = set(names) - set(CONFIGS)
    if unknown:
        raise ValueError(f"unknown configurations {sorted(unknown)}; choose from {sorted(CONFIGS)}")
    work = Path(tempfile.mkdtemp(prefix="wegwijzer-configs-"))
    indexes: dict[str, tuple[ChromaStore, ChromaStore | None]] = {}
    assistants = {}
    for name in names:
        chunker, mode, sentence_vectors, _ = CONFIGS[name]
        key = f"{chunker}-{sentence_vectors}"
        if key not in indexes:
            store = ChromaStore.persistent(work / key, "passages")
            sentences = ChromaStore.persistent(work / key, "sentences") if sentence_vectors else None
            ingest(corpus, embedder, store, work / key / "texts", sentence_store=sentences, splitter=_chunker(chunker))
            indexes[key] = (store, sentences)
        store, sentences = indexes[key]
        retriever = Retriever(embedder, store, sentences, mode=mode)
        assistants[name] = Assistant(retriever, f"extractive:{name}", calibration_for(embedder.name))
    return assistants, work


def cleanup(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
