"""Vector stores: Chroma (embedded on disk, or a server) and an in-memory store for tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from assistant.domain import Chunk
from assistant.protocols import Meta, Where

if TYPE_CHECKING:  # chromadb is imported lazily: it is slow to import and a server needs none of it
    from chromadb.api import ClientAPI

# Chunk fields kept in the store beside the vector; the rest of the metadata is the document's.
_CHUNK_KEYS = ("document", "section", "start", "end")
T = TypeVar("T")


def _meta(chunk: Chunk, meta: Mapping[str, str | int | float]) -> Meta:
    return {
        **meta,
        "document": chunk.document,
        "section": chunk.section,
        "start": chunk.start,
        "end": chunk.end,
        "version": chunk.version,
    }


def _chunk(text: str, meta: Mapping[str, Any]) -> Chunk:
    return Chunk(meta["document"], meta["section"], text, int(meta["start"]), int(meta["end"]), meta.get("version", ""))


def _matches(meta: Mapping[str, Any], where: Where | None) -> bool:
    """Chroma's `where` semantics for the two forms we use: {key: value} and {key: {"$in": [...]}}."""
    if not where:
        return True
    for key, wanted in where.items():
        allowed = wanted["$in"] if isinstance(wanted, Mapping) else [wanted]
        if meta.get(key) not in allowed:
            return False
    return True


def cosines(query: Sequence[float], rows: Sequence[Sequence[float]]) -> list[float]:
    """The cosine similarity of the query with each row (0 for a zero vector), as one matrix product: a
    question's ~80 candidate sentences in pure Python took about a tenth of answering time."""
    import numpy as np

    if not rows:
        return []
    m, q = np.asarray(rows, dtype=np.float64), np.asarray(query, dtype=np.float64)
    norms = np.linalg.norm(m, axis=1) * np.linalg.norm(q)
    similarities: list[float] = np.divide(m @ q, norms, out=np.zeros(len(m)), where=norms > 0).tolist()
    return similarities


def _included(field: T | None) -> T:
    """A field of a Chroma result that was asked for in `include` (Chroma types every field as optional)."""
    if field is None:
        raise ValueError("Chroma left out a field that was asked for")
    return field


class MemoryStore:
    """A brute-force in-memory store with the same behaviour as the Chroma one."""

    def __init__(self) -> None:
        self._rows: dict[str, tuple[Chunk, list[float], Meta]] = {}

    def add(
        self,
        chunks: Sequence[Chunk],
        vectors: Sequence[Sequence[float]],
        metas: Sequence[Mapping[str, str | int | float]],
    ) -> None:
        for chunk, vector, meta in zip(chunks, vectors, metas, strict=True):
            self._rows[chunk.id] = (chunk, list(vector), _meta(chunk, meta))

    def delete(self, ids: Sequence[str]) -> None:
        for cid in ids:
            self._rows.pop(cid, None)

    def query(self, vector: Sequence[float], k: int, where: Where | None = None) -> list[tuple[str, float]]:
        kept = [(cid, v) for cid, (_, v, meta) in self._rows.items() if _matches(meta, where)]
        scored = zip((cid for cid, _ in kept), cosines(vector, [v for _, v in kept]), strict=True)
        return sorted(scored, key=lambda item: -item[1])[:k]

    def vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        return {cid: list(self._rows[cid][1]) for cid in ids if cid in self._rows}

    def all(self) -> list[tuple[Chunk, Meta]]:
        return [(chunk, dict(meta)) for chunk, _, meta in self._rows.values()]

    def count(self) -> int:
        return len(self._rows)


class ChromaStore:
    """Chroma with our own vectors: no embedding function, so chroma never downloads a model."""

    def __init__(self, client: ClientAPI, name: str) -> None:
        self._client = client
        self._name = name
        self._collection = client.get_or_create_collection(
            name, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )

    @classmethod
    def persistent(cls, path: Path, name: str) -> ChromaStore:
        import chromadb
        from chromadb.config import Settings

        path.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=str(path), settings=Settings(anonymized_telemetry=False))
        return cls(client, name)

    @classmethod
    def http(cls, url: str, name: str) -> ChromaStore:
        from urllib.parse import urlparse

        import chromadb
        from chromadb.config import Settings

        parts = urlparse(url)
        client = chromadb.HttpClient(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 8000,
            ssl=parts.scheme == "https",
            settings=Settings(anonymized_telemetry=False),
        )
        return cls(client, name)

    def add(
        self,
        chunks: Sequence[Chunk],
        vectors: Sequence[Sequence[float]],
        metas: Sequence[Mapping[str, str | int | float]],
    ) -> None:
        if not chunks:
            return
        embeddings: list[Sequence[float]] = [list(v) for v in vectors]
        self._collection.upsert(
            ids=[c.id for c in chunks],
            embeddings=embeddings,
            documents=[c.text for c in chunks],
            metadatas=[_meta(c, m) for c, m in zip(chunks, metas, strict=True)],
        )

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), 5000):
            self._collection.delete(ids=list(ids[start : start + 5000]))

    def query(self, vector: Sequence[float], k: int, where: Where | None = None) -> list[tuple[str, float]]:
        n = min(k, self.count())
        if n == 0:
            return []
        query: list[Sequence[float]] = [list(vector)]
        result = self._collection.query(
            query_embeddings=query, n_results=n, where=dict(where) if where else None, include=["distances"]
        )
        distances = _included(result["distances"])
        return [(cid, 1.0 - dist) for cid, dist in zip(result["ids"][0], distances[0], strict=True)]

    def vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        if not ids:
            return {}
        got = self._collection.get(ids=list(ids), include=["embeddings"])
        import numpy as np

        # One conversion of the whole array: float() per element took longer than the comparison itself.
        vectors = np.asarray(_included(got["embeddings"]), dtype=np.float64).tolist()
        return {cid: vectors[i] for i, cid in enumerate(got["ids"])}

    def all(self) -> list[tuple[Chunk, Meta]]:
        # Every id in one query, then the rows by id: paging by offset rescans the collection from its
        # start for every page, so reading laws-2015-wet's 302,419 sentence rows took 53-56 s, not 34-36 s.
        ids = self._collection.get(include=[])["ids"]
        out: list[tuple[Chunk, Meta]] = []
        for start in range(0, len(ids), 5000):
            got = self._collection.get(ids=ids[start : start + 5000], include=["documents", "metadatas"])
            for text, meta in zip(_included(got["documents"]), _included(got["metadatas"]), strict=True):
                out.append((_chunk(text, meta), dict(meta)))
        return out

    def count(self) -> int:
        return self._collection.count()
