"""Sentences of a passage: the units an extractive answer is made of, and that get own vectors."""

from __future__ import annotations

import re

from assistant.domain import Chunk

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9‘'\"(•-])|\n+")


def split(text: str) -> list[str]:
    """The sentences (and table rows) of a passage, in order; fragments under three words dropped."""
    return [s.strip() for s in _SPLIT.split(text) if len(s.split()) >= 3]


def sentence_chunks(chunk: Chunk) -> list[tuple[Chunk, int]]:
    """Each sentence of a chunk as a row for the sentence store, with its position in the chunk."""
    return [
        (Chunk(chunk.document, chunk.section, s, chunk.start, chunk.end, chunk.version), pos)
        for pos, s in enumerate(split(chunk.text))
    ]
