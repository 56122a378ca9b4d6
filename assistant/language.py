"""Whether a question is in English or Dutch, by counting each language's function words."""

from __future__ import annotations

import re

_EN = frozenset(
    "the a an is are do does did how what which who where when why can could i my me you your to of for in and have has with need pay myself it this that there".split()
)
_NL = frozenset(
    "de het een is zijn hoe wat welke wie waar wanneer waarom kan kunnen ik mijn me je jij u uw van voor in en heb hebben met moet bij ons we wij niet er dat die".split()
)
_WORD = re.compile(r"[a-zA-Z']+")


def detect(text: str) -> str:
    """'en' or 'nl' (the default when unsure)."""
    tokens = [w.lower() for w in _WORD.findall(text)]
    en = sum(w in _EN for w in tokens)
    nl = sum(w in _NL for w in tokens)
    return "en" if en > nl else "nl"
