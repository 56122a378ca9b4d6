"""Pure scoring functions, as evals/FORMAT.md defines them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_SPACE = re.compile(r"[\s\u00a0\u2009\u202f]+")
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Lower case, white space (non-breaking too) collapsed, thousands separators removed."""
    return _THOUSANDS.sub("", _SPACE.sub(" ", text).strip().lower())


def quote_in(quote: str, passage: str) -> bool:
    """A gold quote is in a passage: whole, or at least 60% of its words (chunk borders cut quotes)."""
    q, p = normalise(quote), normalise(passage)
    if q in p:
        return True
    words = _WORD.findall(q)
    if not words:
        return False
    present = set(_WORD.findall(p))
    return sum(w in present for w in words) / len(words) >= 0.6


def key_in(key: str, answer: str) -> bool:
    """A key fact string occurs in an answer, with the word-boundary rules of FORMAT.md."""
    k, a = normalise(key), normalise(answer)
    if not k:
        return True
    start = r"(?<!\w)" if (k[0].isdigit() or len(k) <= 6) and k[0].isalnum() else ""
    end = r"(?!\d)" if k[-1].isdigit() else ""
    return re.search(start + re.escape(k) + end, a) is not None


def gold_hit(golds: Sequence[str], passages: Sequence[str], k: int) -> bool:
    """Every gold quote appears in one of the top-k passages."""
    top = passages[:k]
    return all(any(quote_in(g, p) for p in top) for g in golds)


def gold_rank(golds: Sequence[str], passages: Sequence[str]) -> int | None:
    """The smallest k at which all gold quotes are retrieved (None: not within the list)."""
    ranks = []
    for g in golds:
        rank = next((i + 1 for i, p in enumerate(passages) if quote_in(g, p)), None)
        if rank is None:
            return None
        ranks.append(rank)
    return max(ranks) if ranks else None


def citation_support(golds: Sequence[str], cited: Sequence[str], strict: bool = False) -> bool:
    """The cited passages contain the gold evidence: one quote (or, strict, every quote)."""
    found = [any(quote_in(g, c) for c in cited) for g in golds]
    return bool(found) and (all(found) if strict else any(found))


def key_facts(answer: str, must_include: Iterable[str], must_not_include: Iterable[str] = ()) -> bool:
    return all(key_in(k, answer) for k in must_include) and not any(key_in(k, answer) for k in must_not_include)


def forbidden_hit(answer: str, must_not_include: Iterable[str]) -> bool:
    return any(key_in(k, answer) for k in must_not_include)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, int(round(q / 100 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def mean(flags: Iterable[bool | float]) -> float:
    items = [float(f) for f in flags]
    return sum(items) / len(items) if items else 0.0


_CITATION = re.compile(r"\[\d+\]")
_DIGITS = re.compile(r"\d(?:[\d.,]*\d)?")


def _number_forms(text: str) -> set[str]:
    return {re.sub(r"[.,]", "", re.sub(r"[.,]0+$", "", n)) for n in _DIGITS.findall(_CITATION.sub(" ", text))}


def invented_numbers(answer: str, cited_texts: Sequence[str]) -> list[str]:
    """Numbers (amounts, dates, counts, phone numbers) in the answer that no cited passage contains."""
    available = set().union(*(_number_forms(t) for t in cited_texts)) if cited_texts else set()
    return sorted(_number_forms(answer) - available)
