"""Which words people use every day, from the word lists the `wordfreq` package ships (no download).

A question's word that no document uses, or that the best passages lack, says what the documents do not
cover when it is rare in the language ("stempas", "wethouder"), and little when it is a word of any story
("straks", "netjes", "overleden", "daarnaast"): such a word is neither weighed as a missing subject nor
named as one. The documents' own vocabulary cannot tell these apart: to a set of budgets and regulations
"overleden" is as rare as "stempas".
"""

from __future__ import annotations

from functools import lru_cache

# Zipf frequency (log10 of occurrences per billion words) from which a word is everyday: about 30 per
# million. Of the words refusals named as missing, the everyday ones ("straks" 4.9, "regelmatig" 4.9,
# "onmogelijk" 4.7) lie above it and the subjects ("wethouder" 4.3, "schulden" 4.2, "beschikking" 4.3) below.
COMMON = 4.5
# From which a word is a word of the language at all (one per million): "dochter" 4.6, "bezwaar" 3.9,
# "overleden" 4.5 are; misspellings ("bijzondre", "instalatie") and the documents' compounds are not.
KNOWN = 3.0


def is_common(word: str, language: str = "nl") -> bool:
    """Whether `word` is an everyday word of `language` ('nl' or 'en')."""
    return _zipf(word.lower(), language) >= COMMON


def is_word(word: str, language: str = "nl") -> bool:
    """Whether `word` is a word of `language` as people write it, however seldom in everyday talk."""
    return _zipf(word.lower(), language) >= KNOWN


def is_listed(word: str) -> bool:
    """Whether `word` is in the Dutch or English lists at all, however rare: "leefgeld" is (1.3), a typo such as
    "eenzaamhied" is not."""
    return _zipf(word.lower(), "nl") > 0 or _zipf(word.lower(), "en") > 0


@lru_cache(maxsize=50_000)
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency  # loads its lists on first use (0.1 s)

    return float(zipf_frequency(word, language))
