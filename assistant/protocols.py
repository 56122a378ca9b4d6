"""The pluggable parts of the core, each with a real and an offline implementation."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

from assistant.domain import Chunk, Turn

# A chunk's metadata as the store keeps it: the document's fields, the chunk's offsets and, for
# sentences, their passage. Values are str, int or float; readers convert them to what they need.
Meta = dict[str, Any]

# Metadata keys that ingest writes and the core reads; besides title, municipality, year and kind.
CHUNK_KEY = "chunk"  # a sentence row: the id of its passage
POSITION_KEY = "pos"  # a sentence row: its place in the passage
PARTS_KEY = "parts"  # how many rows the document's version has (see `versions`)
INDEXED_AT_KEY = "indexed_at"  # when the version was written
ALIASES_KEY = "aliases"  # other names of the municipality, joined (see `municipalities`)
# A filter in Chroma's `where` form: {key: value} or {key: {"$in": [...]}}.
Where = Mapping[str, Any]
# A piece of a text by character offsets [start, end): a sentence within its passage.
Span = tuple[int, int]


class Embedder(Protocol):
    """Turns text into vectors; queries and passages are embedded differently (e5 prompts)."""

    name: str

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...

    def embed_passages(
        self, texts: Sequence[str], spans: Sequence[Sequence[Span]]
    ) -> list[tuple[list[float], list[list[float]]]]:
        """Each text's vector, and a vector for each of its spans (its sentences), as documents."""
        ...


class VectorStore(Protocol):
    """Keeps chunks with their vectors and finds the nearest ones."""

    def add(
        self,
        chunks: Sequence[Chunk],
        vectors: Sequence[Sequence[float]],
        metas: Sequence[Mapping[str, str | int | float]],
    ) -> None: ...

    def delete(self, ids: Sequence[str]) -> None: ...

    def query(self, vector: Sequence[float], k: int, where: Where | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) pairs, best first."""
        ...

    def vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored vector of each of `ids` that is in the store."""
        ...

    def all(self) -> list[tuple[Chunk, Meta]]:
        """Every stored chunk with its metadata (to rebuild the lexical index)."""
        ...

    def count(self) -> int: ...


class ChatModel(Protocol):
    """A language model that writes a reply to chat messages (roles system/user/assistant), piece by piece."""

    name: str

    def stream(self, messages: Sequence[Turn]) -> Iterator[str]: ...
