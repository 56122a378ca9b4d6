"""Where sentences end: the one place that splits text into sentences.

Three kinds of text end their sentences differently, so there are three boundaries, all here:

- `DOCUMENT`: a passage of a policy document (the units an extractive answer is made of, and that
  get their own vectors). "o.a. de", "St. Leergeld" and "1.200" do not end a sentence; a line break does.
- `WRITTEN`: text a language model wrote, which may also start a sentence with an accented
  capital or a Markdown '*'.
- `TYPED`: a question as a person types it, often without capitals ("ik woon in delft. waar ...").

`PROSE` is `DOCUMENT` without line breaks, for cutting one long paragraph into pieces by offset.
"""

from __future__ import annotations

import re

from assistant.domain import Chunk

# A full stop that ends an abbreviation ends no sentence: "St. Leergeld", "art. 4", "bijv. De", "o.a. Incluzio".
_ABBREVIATION = r"(?<!\b[Ss]t\.)(?<!\b[Nn]r\.)(?<!\b[Aa]rt\.)(?<!\bbijv\.)(?<!\bca\.)(?<!\b[a-z]\.[a-z]\.)"
DOCUMENT = re.compile(rf"(?<=[.!?]){_ABBREVIATION}\s+(?=[A-Z0-9‘'\"(•-])|\n+")
WRITTEN = re.compile(rf"(?<=[.!?]){_ABBREVIATION}\s+(?=[A-Z0-9À-Ý\"'‘(•*-])|\n+")
TYPED = re.compile(r"""(?:(?<=[.!?])|(?<=[.!?]['"’”]))\s+""")  # "met: 'Ja.' Daarna: ...?" ends after the quote
PROSE = re.compile(rf"(?<=[.!?]){_ABBREVIATION}\s+(?=[A-Z0-9‘'\"(])")


# A sentence that ends in '?', or the last one when it ends in none; "65.000" and "1.200" end no sentence.
_ASKING = re.compile(r"(?:[^.?!]|\.(?=\d))*(?:\?|$)")


def asking(question: str) -> str:
    """The sentences of a question that ask (end in '?'), and its last one: a resident's story before
    them says who asks, they say what ("Mijn dochter moet met de metro naar school. Kan ik ...?")."""
    return " ".join(s for s in (p.strip() for p in _ASKING.findall(question)) if s)


def from_first_question(question: str) -> str:
    """A question from its first sentence that ends in '?' on, the story before it left out ("Graag het
    bedrag." after it asks too); "" when no sentence ends in '?'."""
    parts = split(question, TYPED, min_words=1)
    first = next((i for i, s in enumerate(parts) if s.endswith("?")), None)
    return " ".join(parts[first:]) if first is not None else ""


def split(text: str, boundary: re.Pattern[str] = DOCUMENT, min_words: int = 3) -> list[str]:
    """The sentences (and table rows) of `text`, in order; fragments under `min_words` words dropped."""
    return [s.strip() for s in boundary.split(text) if s and len(s.split()) >= min_words]


def sentence_chunks(chunk: Chunk) -> list[tuple[Chunk, int]]:
    """Each sentence of a chunk as a row for the sentence store, with its position in the chunk."""
    return [
        (Chunk(chunk.document, chunk.section, s, chunk.start, chunk.end, chunk.version), pos)
        for pos, s in enumerate(split(chunk.text))
    ]
