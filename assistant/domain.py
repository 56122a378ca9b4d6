"""Domain data: documents, chunks, passages, citations and answers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What we know about a source document besides its text."""

    file: str
    title: str
    municipality: str
    year: int | None
    kind: str
    # Other names for the municipality (places, nicknames) that its documents' sources.json gives.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of a document, with character offsets into the document text as ingested."""

    document: str
    section: str
    text: str
    start: int
    end: int
    # Which ingest of the document this chunk belongs to (a fingerprint prefix); see `versions`.
    version: str = ""

    @property
    def id(self) -> str:
        # A hash of (document, version, offsets, text): re-ingesting the same file is idempotent,
        # and two versions of a document never share a row. Rows from before versions existed
        # keep their old ids, so an upgrade can find and replace them.
        version = f"{self.version}\x00" if self.version else ""
        key = f"{self.document}\x00{version}{self.start}\x00{self.end}\x00{self.text}"
        return hashlib.sha256(key.encode()).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Passage:
    """A retrieved chunk with its document metadata and retrieval score."""

    chunk_id: str
    document: str
    title: str
    municipality: str
    year: int | None
    section: str
    text: str
    start: int
    end: int
    score: float

    @property
    def url(self) -> str:
        return f"/documents/{self.document}#c-{self.chunk_id}"


@dataclass(frozen=True, slots=True)
class Citation:
    """A passage referred to as `[n]` in an answer."""

    n: int
    passage: Passage


@dataclass(frozen=True, slots=True)
class Turn:
    """One earlier message of a conversation."""

    role: str
    content: str


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer with its citations and every passage retrieved for it."""

    text: str
    refused: bool
    language: str
    citations: tuple[Citation, ...]
    passages: tuple[Passage, ...]
    mode: str
    timings_ms: dict[str, float] = field(default_factory=dict, compare=False)
    # After a refusal: passages near the question, offered as related reading, never as an answer.
    related: tuple[Passage, ...] = ()
