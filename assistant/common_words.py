"""Which words people use every day, from the word lists the `wordfreq` package ships (no download).

A question's word that no document uses, or that the best passages lack, says what the documents do not
cover when it is rare in the language ("stempas", "wethouder"), and little when it is a word of any story
("straks", "netjes", "overleden", "daarnaast"): such a word is neither weighed as a missing subject nor
named as one. The documents' own vocabulary cannot tell these apart: to a set of budgets and regulations
"overleden" is as rare as "stempas".
"""

from __future__ import annotations

import re
from functools import lru_cache

# Zipf frequency (log10 of occurrences per billion words) from which a word is everyday: about 30 per
# million. Of the words refusals named as missing, the everyday ones ("straks" 4.9, "regelmatig" 4.9,
# "onmogelijk" 4.7) lie above it and the subjects ("wethouder" 4.3, "schulden" 4.2, "beschikking" 4.3) below.
COMMON = 4.5
# From which a word is a word of the language at all (one per million): "dochter" 4.6, "bezwaar" 3.9,
# "overleden" 4.5 are; misspellings ("bijzondre", "instalatie") and the documents' compounds are not.
KNOWN = 3.0
# A verb's uses are spread over its forms, so a form of an everyday verb is rarer than the verb: "snapte" (3.4)
# is the past of "snappen" (4.0), "groeide" (4.2) of "groeien" (4.6). From this frequency of its infinitive, its
# weak past is an everyday word too: a story's past ("het klopte niet", "hij woonde") is what happened, not what
# the documents lack. Not its participle or present: "Ben ik verzekerd?" asks about insurance.
EVERYDAY_VERB = 4.0
# The weak past takes -te after these sounds and -de after the others ('t kofschip): "snapte", "woonde". It
# keeps nouns out: "rente" is no past of "rennen", nor "buurten" of "buren".
_VOICELESS = ("t", "k", "f", "s", "ch", "p", "x")


def is_common(word: str, language: str = "nl") -> bool:
    """Whether `word` is an everyday word of `language` ('nl' or 'en'), or the weak past of an everyday Dutch verb."""
    lower = word.lower()
    return _zipf(lower, language) >= COMMON or (language == "nl" and verb_of(lower) is not None)


def is_word(word: str, language: str = "nl") -> bool:
    """Whether `word` is a word of `language` as people write it, however seldom in everyday talk."""
    return _zipf(word.lower(), language) >= KNOWN


def is_listed(word: str) -> bool:
    """Whether `word` is in the Dutch or English lists at all, however rare: "leefgeld" is (1.3), a typo such as
    "eenzaamhied" is not."""
    return _zipf(word.lower(), "nl") > 0 or _zipf(word.lower(), "en") > 0


@lru_cache(maxsize=50_000)
def verb_of(word: str) -> str | None:
    """The everyday verb (its infinitive) whose weak past `word` is, if any: "snapte" -> "snappen"."""
    for ending in ("te", "ten", "de", "den"):
        stem = word.removesuffix(ending)
        if stem != word and len(stem) >= 3 and (ending[0] == "t") == stem.endswith(_VOICELESS):
            verb = everyday_verb(stem)
            if verb is not None and verb != word:  # "opzetten" is no past of itself
                return verb
    return None


# Separable particles, which go before a participle's "ge" ("aangevraagd", "doorgegeven", "meedoet")
PARTICLES = tuple("aan af bij door in mee na om onder op over samen tegen terug toe uit vast voor weg".split())
# and the rarer ones a verb form may still begin with ("dichtgaat", "kwijtgeraakt"); inseparable prefixes take no
# "ge" ("ondertekend").
_PARTICLES = (*PARTICLES, *"binnen dicht goed kwijt langs mis open thuis".split())
_INSEPARABLE = ("be", "ver", "ont", "her", "er", "onder", "over", "door", "mis")
# How much more (in Zipf) a form may be used than its verb and still be the verb's form.
OWN_WORD = 0.5


def is_verb_form(word: str) -> bool:
    """Whether `word` is a Dutch verb's participle or present singular ("doorgegeven", "gereserveerd", "ondertekend",
    "verloopt", "meedoet"): what a story says happened, never a subject a refusal can name as missing ("Over
    'doorgegeven' staat niets"). Infinitives are not: "parkeren" may well be the subject. A word used far more than its
    verb is a word of its own ("verband", "gezond"), not the verb's form."""
    lower = word.lower()
    used = _zipf(lower, "nl")

    def of_verb(particle: str, stem: str) -> bool:
        verb = max(_zipf(particle + v, "nl") for v in (*_infinitives(stem), f"{stem}n"))
        return verb >= KNOWN and used <= verb + OWN_WORD

    for particle in ("", *_PARTICLES):
        rest = lower.removeprefix(particle)
        if particle and rest == lower:
            continue
        core = rest.removeprefix("ge") if len(rest) > 5 else rest
        if core != rest:  # ge- participles: weak ("geraamd", "gemeld"), strong ("gelopen")
            if core.endswith(("d", "t")) and (of_verb(particle, core[:-1]) or of_verb(particle, core)):
                return True
            if core.endswith("en") and used >= KNOWN and of_verb(particle, core[:-2]):
                return True
        elif particle and rest.endswith("t") and of_verb(particle, rest[:-1]):
            return True
    # Without a particle only a prefixed present or participle ("verloopt", "ondertekend"): as many nouns as verbs
    # end in -t alone ("markt", "dienst").
    return lower.startswith(_INSEPARABLE) and lower.endswith(("d", "t")) and used >= KNOWN and of_verb("", lower[:-1])


def everyday_verb(stem: str, particle: str = "") -> str | None:
    """The everyday verb a verb stem (with a separable particle) is of, if any: "vraag" with "aan" -> "aanvragen"."""
    return next((v for v in (particle + i for i in _infinitives(stem)) if _zipf(v, "nl") >= EVERYDAY_VERB), None)


def _infinitives(stem: str) -> list[str]:
    """The infinitives a stem may have: "reken" -> "rekenen", "haal" -> "halen", "snap" -> "snappen"."""
    forms = [f"{stem}en"]
    if long_vowel := re.fullmatch(r"(.*[^aeiou])([aeou])\2([^aeiou])", stem):
        forms.append(f"{long_vowel[1]}{long_vowel[2]}{long_vowel[3]}en")
    if re.search(r"(^|[^aeiou])[aeiou][bdfgklmnprst]$", stem):
        forms.append(f"{stem}{stem[-1]}en")
    return forms


@lru_cache(maxsize=50_000)
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency  # loads its lists on first use (0.1 s)

    return float(zipf_frequency(word, language))


def frequency(word: str, language: str = "nl") -> float:
    """How often `word` is used in `language`: its Zipf frequency (0 for a word in no list)."""
    return _zipf(word.lower(), language)
