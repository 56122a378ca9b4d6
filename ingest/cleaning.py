"""Cleaning that keeps offsets: the text is never rewritten, noise is left out of segments.

A segment is a run of text that belongs to the document's content, with its offsets into the
stored text, so a chunk built from segments can still be highlighted in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import tables


@dataclass(frozen=True, slots=True)
class Segment:
    """One line of content: its cleaned text and where it sits in the stored text."""

    text: str
    start: int
    end: int


# Whole lines that are layout or export remnants, never content.
_NOISE_LINE = re.compile(
    r"""^(
        \|?\s*(-{3,}\s*\|\s*)+-*\s*        # markdown table rules: |---|---|
      | tab(?:le|ele)\w*\d+                # 'tabele11', 'tableCell11' export remnants
      | u\ bent\ hier:.*                   # breadcrumb navigation
      | download\ als\ pdf
      | zelf\ je\ pdf\ samenstellen
      | geselecteerde\ pagina'?s:\s*\d*
      | terug\ naar\ boven | naar\ boven | menu | zoeken | printen | delen
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Table-of-contents entries: a title followed by dot leaders or a tab and a page number.
_TOC_LINE = re.compile(r"(\.{3,}|…|\t)\s*\d{1,4}\s*$")
# Inline remnants: HTML tags such as <i>, and table-cell bars at the line's ends.
_INLINE_NOISE = re.compile(r"</?(?:i|b|em|strong|u|span|br|p|sup|sub)\s*/?>", re.IGNORECASE)
_EDGE_BARS = re.compile(r"^\s*\|\s*|\s*\|\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
# A PDF's footnotes exported as a list repeat their number, glued to the note: "4. 4Het percentage ...".
# Left as it is, an answer quotes "4Het percentage ..." and the search indexes "4het".
_GLUED_NOTE_NUMBER = re.compile(r"^(\s*(\d{1,2})\.\s+)\2(?=[A-Z][a-z])")


def clean_line(line: str) -> str:
    """The content of one line without inline remnants, with white space folded."""
    line = _INLINE_NOISE.sub("", line)
    line = _GLUED_NOTE_NUMBER.sub(r"\1", line)
    line = _EDGE_BARS.sub("", line)
    line = line.replace(" | ", tables.CELL)
    return _SPACES.sub(" ", line).strip()


def is_noise(line: str) -> bool:
    stripped = line.strip()
    return bool(_NOISE_LINE.match(stripped) or _TOC_LINE.search(stripped))


def segments(text: str) -> list[Segment]:
    """The content lines of a document, in order, with offsets into `text`."""
    out: list[Segment] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, pos = pos, pos + len(raw)
        line = raw.rstrip("\r\n")
        if not line.strip() or is_noise(line):
            continue
        cleaned = clean_line(line)
        if not cleaned or cleaned in {"|", "·", "-"}:
            continue
        lead = len(line) - len(line.lstrip())
        out.append(Segment(cleaned, start + lead, start + len(line.rstrip())))
    return out
