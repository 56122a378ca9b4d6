"""The age groups a sentence names ("jongeren tot 27 jaar", "tussen de 18 en 21 jaar", "55+", "65-plussers"), and
whether a resident's stated age ("ik ben 22", "mijn zoon van 19") falls in one.

A story that gives an age is about someone of that age: of two sentences about work for young people, the one
whose age group holds them is the more likely answer ("Project JA ondersteunt jongeren tot 27 jaar" for a
22-year-old), and one whose group leaves them out the less.
"""

from __future__ import annotations

import re

OLDEST = 120
_YEARS = r"\s*(?:jaar|years?)\b"
_NO_UNIT = r"\b(?!\s*(?:%|procent|percent|euro|maanden|months|weken|weeks|dagen|days))"
# Each with how its one number bounds the group: (low, None) a lower bound plus `low`, (None, high) an upper bound
# plus `high`; a range has two numbers. The first that matches a stretch of text claims it.
_GROUPS = (
    # "tussen de 18 en 21 jaar", "van 4 tot en met 17 jaar", "18-27 jaar"
    (re.compile(rf"\b(\d{{1,2}})\s*(?:tot en met|t/m|tot|en|to|and|-|–)\s*(\d{{1,2}}){_YEARS}", re.I), 0, 0),
    # "tot 27 jaar", "jonger dan 21 jaar", "onder de 18", "under 18"
    (re.compile(rf"\b(?:tot en met|t/m|tot|up to)\s+(\d{{1,2}}){_YEARS}", re.I), None, 0),
    (re.compile(rf"\b(?:jonger dan|onder de|younger than|under)\s+(\d{{1,2}}){_NO_UNIT}", re.I), None, -1),
    # "21 jaar of ouder", "vanaf 18 jaar", "ouder dan 65", "over 65 years", "55+", "65-plussers"
    (re.compile(rf"\b(\d{{1,3}}){_YEARS}\s+(?:en|of|and|or)\s+(?:ouder|older)\b", re.I), 0, None),
    (re.compile(rf"\b(?:vanaf|from|aged)\s+(\d{{1,3}}){_YEARS}", re.I), 0, None),
    (re.compile(rf"\b(?:ouder dan|boven de|older than)\s+(\d{{1,3}}){_NO_UNIT}", re.I), 1, None),
    (re.compile(rf"\bover\s+(\d{{1,3}}){_YEARS}", re.I), 1, None),
    (re.compile(r"\b(\d{2,3})(?:\+|-?plussers?\b)", re.I), 0, None),
)


# The forms of an age that never give a stretch of time. Not the groups' "tot 27 jaar" or "over 65 years": "tot 3
# jaar" and "over 2 jaar" are as often how long something lasts or when it comes.
_AGE = re.compile(
    r"\b(jonger|ouder|younger|older)\s+(dan|than)\s+\d{1,3}|\b(leeftijd\s+van|onder\s+de|boven\s+de|age\s+of)\s+\d{1,3}|"
    r"\b\d{1,3}\s*(jaar|years?)\s+(en|of|and|or)\s+(ouder|older)\b|\btussen\s+de\s+\d{1,3}\s+en\s+\d{1,3}\s+jaar\b|"
    r"\b\d{1,3}\s+(jaar\s+oud|years?\s+old)\b",
    re.I,
)


def without_ages(text: str) -> str:
    """`text` without the ages it names ("jonger dan 23 jaar", "de leeftijd van 23 jaar")."""
    return _AGE.sub(" ", text)


def groups(text: str) -> list[tuple[int, int]]:
    """The age groups `text` names, as inclusive (youngest, oldest) ranges."""
    found: list[tuple[int, int]] = []
    for pattern, low, high in _GROUPS:
        for m in pattern.finditer(text):
            numbers = [int(n) for n in m.groups()]
            if len(numbers) == 2:
                found.append((numbers[0], numbers[1]))
            elif low is None:  # an upper bound: "tot 27 jaar" (0), "jonger dan 21" (-1)
                found.append((0, numbers[0] + (high or 0)))
            else:
                found.append((numbers[0] + low, OLDEST))
        text = pattern.sub(" ", text)  # "van 4 tot en met 17 jaar" is one group, not also "tot en met 17 jaar"
    return [(low, high) for low, high in found if low <= high]


def fits(ages: frozenset[int], text: str) -> float:
    """1 when `text` names an age group one of `ages` falls in, -1 when it names only groups they all fall outside,
    0 when it names none or no age is known."""
    named = groups(text) if ages else []
    if not named:
        return 0.0
    return 1.0 if any(low <= age <= high for age in ages for low, high in named) else -1.0
