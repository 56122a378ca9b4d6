"""Hybrid retrieval: dense vectors from the store and BM25, fused by reciprocal rank."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.domain import Chunk, Passage
from assistant.lexical import BM25Index
from assistant.protocols import Embedder, VectorStore

RRF_K = 60
MODES = ("hybrid", "dense", "bm25")


def context_line(meta: dict) -> str:
    """What a chunk is about beyond its own words: municipality, title and section."""
    return " — ".join(str(p) for p in (meta.get("municipality"), meta.get("title"), meta.get("section")) if p)


def indexed_text(chunk: Chunk, meta: dict) -> str:
    """The text that is embedded and searched for a chunk."""
    return f"{context_line(meta)}\n{chunk.text}"


@dataclass(frozen=True, slots=True)
class Hit:
    """A retrieved passage with the signals that ranked it."""

    passage: Passage
    dense: float
    lexical: float


class Retriever:
    """Finds passages for a query; the lexical index is rebuilt from the store when it changes."""

    def __init__(self, embedder: Embedder, store: VectorStore, mode: str = "hybrid", candidates: int = 50) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        self.embedder, self.store, self.mode, self.candidates = embedder, store, mode, candidates
        self._lock = threading.Lock()
        self._loaded_count = -1
        self._chunks: list[Chunk] = []
        self._metas: list[dict] = []
        self._by_id: dict[str, int] = {}
        self._index = BM25Index([])

    def refresh(self) -> None:
        """Reload chunks from the store (after an ingest); cheap when nothing changed."""
        with self._lock:
            count = self.store.count()
            if count == self._loaded_count:
                return
            rows = sorted(self.store.all(), key=lambda r: (r[0].document, r[0].start))
            self._chunks = [c for c, _ in rows]
            self._metas = [m for _, m in rows]
            self._by_id = {c.id: i for i, c in enumerate(self._chunks)}
            self._index = BM25Index([indexed_text(c, m) for c, m in rows])
            self._loaded_count = count

    @property
    def index(self) -> BM25Index:
        return self._index

    def municipalities(self) -> list[str]:
        self.refresh()
        return sorted({str(m.get("municipality")) for m in self._metas if m.get("municipality")})

    def documents(self) -> dict[str, dict]:
        """Each indexed document's metadata with its chunk count."""
        self.refresh()
        docs: dict[str, dict] = {}
        for chunk, meta in zip(self._chunks, self._metas):
            entry = docs.setdefault(chunk.document, {k: meta.get(k) for k in ("title", "municipality", "year", "kind")})
            entry["chunks"] = entry.get("chunks", 0) + 1
        return docs

    def chunks_of(self, document: str) -> list[Passage]:
        self.refresh()
        return [self._passage(i, 0.0) for i, c in enumerate(self._chunks) if c.document == document]

    def _passage(self, i: int, score: float) -> Passage:
        c, m = self._chunks[i], self._metas[i]
        year = m.get("year")
        return Passage(
            chunk_id=c.id, document=c.document, title=str(m.get("title", c.document)),
            municipality=str(m.get("municipality", "")), year=int(year) if year else None,
            section=c.section, text=c.text, start=c.start, end=c.end, score=round(score, 4),
        )

    def search(self, query: str, k: int = 10, municipalities: Sequence[str] = ()) -> list[Hit]:
        """The k best passages for `query`, only from `municipalities` when given."""
        self.refresh()
        if not self._chunks:
            return []
        allowed = {i for i, m in enumerate(self._metas) if m.get("municipality") in municipalities} if municipalities else None
        dense: dict[int, float] = {}
        if self.mode != "bm25":
            where = {"municipality": {"$in": list(municipalities)}} if municipalities else None
            for cid, sim in self.store.query(self.embedder.embed_query(query), self.candidates, where):
                if cid in self._by_id:
                    dense[self._by_id[cid]] = sim
        lexical = dict(self._index.top(query, self.candidates, allowed)) if self.mode != "dense" else {}
        fused: dict[int, float] = {}
        for ranking in (sorted(dense, key=lambda i: -dense[i]), sorted(lexical, key=lambda i: -lexical[i])):
            for rank, i in enumerate(ranking):
                fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = sorted(fused, key=lambda i: -fused[i])[:k]
        top = 2.0 / (RRF_K + 1)  # both rankings put it first
        return [Hit(self._passage(i, fused[i] / top), dense.get(i, 0.0), lexical.get(i, 0.0)) for i in best]
