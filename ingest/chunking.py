"""Structure-aware chunking: follow the documents' own headings, keep table rows whole.

Pure functions from (document name, text) to chunks with offsets into that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant import tables
from assistant.domain import Chunk
from assistant.sentences import PROSE
from ingest.cleaning import Segment, clean_line, segments

TARGET_WORDS = 200
MAX_WORDS = 300
MIN_WORDS = 40
_CELL_WORDS = 4  # table cells flattened one per line are at most this long
_ROW_WORDS = 60

_MARKDOWN = re.compile(r"^(#{1,6})\s+(.+)$")
_TOP_KEYWORD = re.compile(r"^(hoofddoel|beleidsterrein|programma|hoofdstuk|deel)\b", re.I)
_KEYWORD = re.compile(r"^(koers|kompaskoers|doel|speerpunt|paragraaf|artikel|thema|opgave|prestatie)\b", re.I)
_MULTI_NUMBER = re.compile(r"^(\d+(?:\.\d+)+\.?|\d+[A-Z]\d*(?:\.\d+)?)\s+\S")
_SINGLE_NUMBER = re.compile(r"^\d+\.?\s+[A-Z]")


@dataclass(frozen=True, slots=True)
class _Unit:
    text: str
    start: int
    end: int

    @property
    def words(self) -> int:
        return len(self.text.split())


def _split_long(seg: Segment, text: str, target: int = TARGET_WORDS) -> Iterator[_Unit]:
    """Cut an over-long line at sentence ends so no unit exceeds the chunk size."""
    raw = text[seg.start : seg.end]
    piece_start = 0
    pieces: list[tuple[int, int]] = []
    for m in PROSE.finditer(raw):
        pieces.append((piece_start, m.start()))
        piece_start = m.end()
    pieces.append((piece_start, len(raw)))
    buf: list[tuple[int, int]] = []
    words = 0
    for a, b in pieces:
        n = len(raw[a:b].split())
        if buf and words + n > target:
            yield _Unit(clean_line(raw[buf[0][0] : buf[-1][1]]), seg.start + buf[0][0], seg.start + buf[-1][1])
            buf, words = [], 0
        buf.append((a, b))
        words += n
    if buf:
        yield _Unit(clean_line(raw[buf[0][0] : buf[-1][1]]), seg.start + buf[0][0], seg.start + buf[-1][1])


def _is_cell(seg: Segment) -> bool:
    return len(seg.text.split()) <= _CELL_WORDS


def units(text: str, maximum: int = MAX_WORDS) -> list[_Unit]:
    """Content lines, with flattened table cells joined back onto their row."""
    out: list[_Unit] = []
    for seg in segments(text):
        prev = out[-1] if out else None
        if (
            prev is not None
            and _is_cell(seg)
            and not prev.text.endswith((".", "!", "?", ":"))
            and prev.words + len(seg.text.split()) <= _ROW_WORDS
            and not _MARKDOWN.match(seg.text)
        ):
            out[-1] = _Unit(f"{prev.text}{tables.CELL}{seg.text}", prev.start, seg.end)
        elif len(seg.text.split()) > maximum:
            out.extend(_split_long(seg, text, maximum * 2 // 3))
        else:
            out.append(_Unit(seg.text, seg.start, seg.end))
    return out


def _depth(number: str) -> int:
    """How deep a section number is: '2' is 1, '2.1' and '9A' are 2, '9A1.1' is 4."""
    return len(re.findall(r"\d+|[A-Z]", number))


def heading_level(unit: _Unit, following: _Unit | None, markdown: bool = False) -> int | None:
    """The heading level of a line (1 is highest), or None for body text.

    A Markdown document declares its headings: there a numbered line ("1. Als verhuiskosten worden
    aangemerkt:") is a list item, not a heading above the '##' ones that follow.
    """
    line = unit.text
    if m := _MARKDOWN.match(line):
        return len(m.group(1))
    if markdown:
        return None
    words = unit.words
    next_words = following.words if following else 0
    if words > 20 or "·" in line:
        return None
    if _TOP_KEYWORD.match(line):
        return 1
    if _KEYWORD.match(line) and next_words >= 6:
        number = re.search(r"\d+[\dA-Z.]*", line)
        return 1 + _depth(number.group(0)) if number else 2
    if m := _MULTI_NUMBER.match(line):
        if words <= 14 and next_words >= 8 and not (following and _MULTI_NUMBER.match(following.text)):
            return 1 + _depth(m.group(1))
        return None
    if _SINGLE_NUMBER.match(line):
        return 1 if words <= 8 and not line.endswith(".") and next_words >= 8 else None
    if words <= 8 and line[:1].isupper() and not line.endswith((".", ",", ";", ":", "?", "!")) and next_words >= 12:
        return 9
    return None


def split(document: str, text: str, target: int = TARGET_WORDS, maximum: int = MAX_WORDS) -> list[Chunk]:
    """Chunks of about `target` words (never over `maximum`) that start at headings and carry their section path."""
    us = units(text, maximum)
    markdown = any(_MARKDOWN.match(u.text) for u in us)
    chunks: list[Chunk] = []
    stack: list[tuple[int, str]] = []
    buf: list[_Unit] = []
    section = ""
    only_headings = True  # while a chunk holds nothing but headings, its section follows them
    # The year header of the table the text is in: a chunk that starts among its rows repeats it, or its
    # figures would have no years (see `tables`). Headings inside a table keep it; prose ends it.
    header = ""

    def flush() -> None:
        nonlocal buf, only_headings
        only_headings = True
        if buf:
            body = "\n".join(u.text for u in buf)
            chunks.append(Chunk(document, section, body, buf[0].start, buf[-1].end))
        buf = []

    for i, unit in enumerate(us):
        level = heading_level(unit, us[i + 1] if i + 1 < len(us) else None, markdown)
        words = sum(u.words for u in buf)
        if level is not None:
            if words >= min(MIN_WORDS, target // 2):
                flush()
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, _MARKDOWN.sub(r"\2", unit.text)[:120]))
        elif buf and words + unit.words > maximum:
            flush()
        if only_headings:
            section = " > ".join(title for _, title in stack)
        only_headings = only_headings and level is not None
        if tables.year_columns(unit.text):
            header = unit.text
        elif level is None and not tables.is_row(unit.text):
            header = ""
        elif header and level is None and not any(tables.is_row(u.text) for u in buf):
            buf.append(_Unit(header, unit.start, unit.start))  # where the row starts: offsets stay the row's
        buf.append(unit)
    flush()
    return chunks


def indexed_text(chunk: Chunk, title: str, sections: Sequence[str] = ()) -> str:
    """The text that is embedded and searched: title and section give a chunk its context."""
    head = " — ".join(part for part in (title, chunk.section, *sections) if part)
    return f"{head}\n{chunk.text}" if head else chunk.text
