"""Checks on a generated answer, in code, after generation: small models and big ones both slip.

Every sentence must cite passages that were given; every number, amount, date, phone number,
e-mail address or URL in it must occur in a passage it cites; most of its content words must too
(a model that paraphrases keeps most words, one that makes things up does not). Questions and
echoes of the prompt are not answers. Other sentences are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import guard
from assistant.domain import Citation, Passage
from assistant.lexical import terms
from assistant.sentences import WRITTEN, split

_CITE = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# "Zin. [1]" and "Zin.[1][2]" become "Zin [1][2]." so the marker stays with its sentence.
_CITE_AFTER_END = re.compile(r"([.!?])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)")
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>]+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?")
_LIST_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+")
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})\s+({guard.MONTHS}|january|february|march|may|june|july|august|october)\b", re.I
)
_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 4  # fewer words than this left over is not an answer
MIN_SUPPORT = 0.5  # share of a sentence's content words that its cited passages must contain
# The prompt's own scaffolding, repeated by a model instead of an answer.
_ECHO = re.compile(r"^\s*\[\d+\]|\b(vraag|bronnen|antwoord|question|sources|answer)\s*:", re.I)


@dataclass(frozen=True, slots=True)
class Verified:
    """What survived: the text with citations renumbered 1..n, those citations, and what was dropped."""

    text: str
    citations: tuple[Citation, ...]
    dropped: tuple[str, ...]

    @property
    def substantial(self) -> bool:
        return len(_WORD.findall(_CITE.sub(" ", self.text))) >= MIN_WORDS


def sentences(text: str) -> list[str]:
    text = _CITE_AFTER_END.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)
    return split(text, WRITTEN, min_words=1)


def cited(sentence: str) -> list[int]:
    return [int(n) for group in _CITE.findall(sentence) for n in re.split(r"[,;]", group)]


def _number_key(number: str) -> str:
    """A number as digits only, without a decimal tail of zeros: '€ 1.200,00' and '1200' agree."""
    number = re.sub(r"[.,]0+$|[.,]-$", "", number.strip())
    return re.sub(r"\D", "", number)


def facts(text: str) -> set[str]:
    """The checkable literals of a text: URLs, e-mail addresses, day-month dates and numbers."""
    found = {u.rstrip(".,;:").lower() for u in _URL.findall(text)}
    found |= {e.lower() for e in _EMAIL.findall(text)}
    rest = _EMAIL.sub(" ", _URL.sub(" ", text))
    found |= {f"{int(d)} {m.lower()}" for d, m in _DAY_MONTH.findall(rest)}
    found |= {f"#{_number_key(n)}" for n in _NUMBER.findall(rest) if _number_key(n)}
    return found


def unsupported(sentence: str, sources: Sequence[Passage]) -> set[str]:
    """The literals of `sentence` that none of its cited passages contains."""
    wanted = facts(_CITE.sub(" ", _LIST_NUMBER.sub("", sentence)))
    if not wanted:
        return set()
    available: set[str] = set()
    for p in sources:
        available |= facts(p.text)
    return wanted - available


def support(sentence: str, sources: Sequence[Passage]) -> float:
    """The share of the sentence's content words (stemmed) found in its cited passages and their titles."""
    words = terms(_CITE.sub(" ", sentence))
    if not words:
        return 0.0
    vocabulary = {t for p in sources for t in terms(f"{p.municipality} {p.title} {p.section} {p.text}")}
    return sum(w in vocabulary for w in words) / len(words)


def _acceptable(sentence: str, numbers: list[int], passages: Sequence[Passage]) -> bool:
    if not numbers or not all(1 <= n <= len(passages) for n in numbers):
        return False
    if _ECHO.search(sentence) or _CITE.sub("", sentence).rstrip().endswith("?"):
        return False  # the prompt repeated, or a question back: not an answer
    sources = [passages[n - 1] for n in numbers]
    return not unsupported(sentence, sources) and support(sentence, sources) >= MIN_SUPPORT


def verify(text: str, passages: Sequence[Passage]) -> Verified:
    """Keep the sentences whose citations are valid and whose facts and words their cited passages hold."""
    kept: list[str] = []
    dropped: list[str] = []
    for sentence in sentences(text):
        if not _acceptable(sentence, cited(sentence), passages):
            dropped.append(sentence)
        else:
            kept.append(sentence)
    order: dict[int, int] = {}
    for sentence in kept:
        for n in cited(sentence):
            order.setdefault(n, len(order) + 1)

    def renumber(m: re.Match[str]) -> str:
        return "".join(f"[{order[int(n)]}]" for n in dict.fromkeys(re.split(r"\s*[,;]\s*", m.group(1))))

    lines = [_CITE.sub(renumber, s) for s in kept]
    body = "\n".join(lines) if any(s.startswith(("-", "*", "•")) for s in lines) else " ".join(lines)
    citations = tuple(Citation(new, passages[old - 1]) for old, new in order.items())
    return Verified(body, citations, tuple(dropped))
