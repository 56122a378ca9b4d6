"""The pluggable parts of the core, each with a real and an offline implementation."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

from assistant.domain import Chunk, Turn


class Embedder(Protocol):
    """Turns text into vectors; queries and passages are embedded differently (e5 prompts)."""

    name: str

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class VectorStore(Protocol):
    """Keeps chunks with their vectors and finds the nearest ones."""

    def add(
        self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], metas: Sequence[Mapping[str, str | int]]
    ) -> None: ...

    def delete(self, ids: Sequence[str]) -> None: ...

    def query(self, vector: Sequence[float], k: int, where: Mapping | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) pairs, best first."""
        ...

    def all(self) -> list[tuple[Chunk, dict]]:
        """Every stored chunk with its metadata (to rebuild the lexical index)."""
        ...

    def count(self) -> int: ...


class ChatModel(Protocol):
    """A language model that writes a reply to chat messages (roles system/user/assistant), piece by piece."""

    name: str

    def stream(self, messages: Sequence[Turn]) -> Iterator[str]: ...
