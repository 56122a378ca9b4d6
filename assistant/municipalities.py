"""Which municipality a question is about: the ones in the index, and the rest of the Netherlands.

Nothing here knows a municipality. The indexed municipalities (and their aliases from
`sources.json`) come from the index; every other Dutch municipality and place comes from
`data/nl_places.tsv` (CBS municipalities of 2025 and GeoNames places, see its header).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.lexical import one_typo

ALIAS_SEPARATOR = "|"  # aliases are stored in one metadata string per passage
MIN_MISSPELT = 7  # names this long are recognised with one typo
_TOKEN = re.compile(r"[\w'-]+")


@dataclass(frozen=True, slots=True)
class Place:
    """A name people use for a place, the municipality it lies in, and whether only `Capitalised` counts."""

    name: str
    municipality: str
    capital_only: bool = False


@lru_cache(maxsize=1)
def dutch_places() -> tuple[Place, ...]:
    """The shipped list of Dutch municipalities and places (read once, on first use), with the parts
    of joined municipality names that are places of their own ("Nootdorp" of Pijnacker-Nootdorp)."""
    text = resources.files("assistant").joinpath("data/nl_places.tsv").read_text(encoding="utf-8")
    places: list[Place] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        name, municipality, match = (line.split("\t") + ["any"])[:3]
        places.append(Place(name.strip(), municipality.strip(), match.strip() == "cap"))
    return tuple(places) + _parts_of_joined_names(places)


_NOT_A_PLACE = {"sint", "midden", "oost", "west", "noord", "zuid", "nieuw", "oud", "noardeast", "súdwest", "gemeente"}


def _parts_of_joined_names(places: Sequence[Place]) -> tuple[Place, ...]:
    """'Pijnacker' and 'Nootdorp' from 'Pijnacker-Nootdorp': a part that names no other municipality,
    begins none, and is no compass word or particle. Parts count only when written as a name
    ('Ouder' of Ouder-Amstel is also a word)."""
    known = {p.name.lower() for p in places}
    municipalities = sorted({p.municipality for p in places})
    parts: dict[str, list[str]] = {}
    for m in municipalities:
        for part in m.split("-") if m.count("-") == 1 and " " not in m and not m.startswith("'") else ():
            parts.setdefault(part, []).append(m)
    return tuple(
        Place(part, owners[0], capital_only=True)
        for part, owners in parts.items()
        if len(owners) == 1
        and len(part) >= 4
        and part.lower() not in known
        and part.lower() not in _NOT_A_PLACE
        and not any(m.lower().startswith(f"{part.lower()} ") for m in municipalities)
    )


def slug(name: str) -> str:
    """A municipality's name for use in identifiers: "'s-Hertogenbosch" -> "s-hertogenbosch"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "")).strip("-")


def derived_forms(name: str) -> tuple[str, ...]:
    """How Dutch writes 'of <place>': the adjective and the inhabitants ('Rotterdamse', 'Rotterdammer').

    Regular forms only; irregular ones ('Leidenaar') are aliases in `sources.json`.
    """
    if " " in name or not name[-1:].isalpha():
        return ()
    stem = name[:-2] if name.endswith("en") else name
    doubled = name + name[-1] if re.search(r"[^aeiou][aeiou][bdfgklmnprst]$", name) else name
    return tuple(dict.fromkeys((f"{stem}se", f"{stem}s", f"{doubled}er", f"{doubled}ers", f"{name}er", f"{name}ers")))


def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = sorted({re.escape(n) for n in names if n}, key=len, reverse=True)
    if not alternatives:
        return None
    # A name joined to a compass point or "centrum" is a part of that place ("Zwolle-Zuid"); joined to another
    # word it is another name ("Alphen-Chaam" is not Alphen alone).
    return re.compile(
        r"(?<![\w-])("
        + "|".join(alternatives)
        + r")(?!\w)(?!-(?!((noord|zuid)?(oost|west)|noord|zuid|centrum|midden)\b)\w)",
        re.IGNORECASE,
    )


# A place name that is also a word, followed by "van de" and a capital, is part of another name: "Huizen van de
# Buurt" are community centres, not the municipality Huizen.
_NAME_GOES_ON = re.compile(r"\s+(?:van|voor)\s+(?:de|het|der|den)\s+[A-Z]")


_STATION_OR_QUARTER = r"(?-i:\s+(Centraal|CS|Centrum|Noord|Oost|Zuid|West|Midden|Noordoost|Noordwest|Zuidoost|Zuidwest)\b)?"


def _sentence_start(text: str, at: int) -> bool:
    """Whether the word at `at` opens a sentence, where every word is capitalised anyway."""
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:\"'(“‘"


class Gazetteer:
    """Finds the municipalities a text names: indexed ones (`detect`) and others (`detect_others`)."""

    def __init__(self, indexed: Mapping[str, Sequence[str]], places: Sequence[Place] | None = None) -> None:
        """`indexed`: each municipality in the index with the aliases its documents give."""
        places = dutch_places() if places is None else places
        self.indexed = tuple(sorted(indexed))
        # Whatever a corpus calls its municipality ("Den Haag") is matched to the list's name ("'s-Gravenhage").
        official = {p.name.lower(): p.municipality for p in places}
        local = {official.get(m.lower(), m): m for m in self.indexed}
        self._names: dict[str, str] = {}  # lower-cased name -> municipality
        self._upper_only: set[str] = set()  # aliases written in capitals ("LV") count only in capitals
        self._capital_only: set[str] = set()
        for p in places:
            home = local.get(p.municipality)
            if home is None and p.name.lower() in {m.lower() for m in self.indexed}:
                continue  # a place elsewhere that shares a name with an indexed municipality
            self._names.setdefault(p.name.lower(), home or p.municipality)
            if p.capital_only:
                self._capital_only.add(p.name.lower())
        for municipality, aliases in indexed.items():
            for name in (municipality, *derived_forms(municipality), *aliases):
                key = name.strip().lower()
                if not key:
                    continue
                self._names[key] = municipality
                if name in aliases:
                    self._capital_only.discard(key)  # the corpus says this name is theirs, in any case
                if name.isupper() and len(name) <= 4:
                    self._upper_only.add(key)
        pattern = _pattern(self._names)
        # A place's name with a station's or a compass point's word that goes on it: "Utrecht Centraal", "Rotterdam
        # Zuid". (Not any capitalised word: "Leidse Wmo-cliënten", "de Leiderdorpers DZB" name something else.)
        self._place_names = re.compile(pattern.pattern + _STATION_OR_QUARTER, re.IGNORECASE) if pattern else None
        self._indexed_set = set(self.indexed)
        self._long_names = [(n, m) for n, m in self._names.items() if m in self._indexed_set and len(n) >= MIN_MISSPELT]

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        """Where `text` names a place: group 1 is the name, the whole match with the word that goes on it."""
        if self._place_names is None:
            return
        for m in self._place_names.finditer(text):
            word, key = m.group(1), m.group(1).lower()
            if key in self._upper_only and not word.isupper():
                continue
            if key in self._capital_only and (
                not word[0].isupper() or _sentence_start(text, m.start()) or _NAME_GOES_ON.match(text, m.end(1))
            ):
                continue
            yield m

    def _found(self, text: str) -> Iterable[str]:
        return (self._names[m.group(1).lower()] for m in self._matches(text))

    def places_in(self, text: str) -> set[str]:
        """The places `text` names (lower case), each with the word that goes on its name ("utrecht centraal"):
        where to look, not what about."""
        return {m.group(0).lower() for m in self._matches(text)}

    def without_places(self, text: str) -> str:
        """`text` with the places it names put out of the way: the names it has left are of something else (a
        scheme, an organisation). Each goes for a lower-case word, so that the word after it still stands inside a
        sentence."""
        for m in reversed(list(self._matches(text))):
            text = f"{text[: m.start()]}plaats{text[m.end() :]}"
        return text

    def detect(self, text: str) -> list[str]:
        """Indexed municipalities named in `text` (by name, place or alias), in order of first mention;
        a misspelt long name ("leiderdrop") counts too."""
        found = [m for m in self._found(text) if m in self._indexed_set]
        return list(dict.fromkeys([*found, *self._misspelt(text)]))

    def _misspelt(self, text: str) -> Iterable[str]:
        """Indexed municipalities whose name (seven letters or more) a word of `text` misses by one typo.

        Residents type fast; a short name is left out, since one letter turns it into another word.
        """
        for word in _TOKEN.findall(text.lower()):
            if len(word) < MIN_MISSPELT or word in self._names:
                continue
            yield from (municipality for name, municipality in self._long_names if one_typo(word, name))

    def detect_others(self, text: str) -> list[str]:
        """Dutch municipalities named in `text` that are not in the index."""
        return list(dict.fromkeys(m for m in self._found(text) if m not in self._indexed_set))

    def canonical(self, name: str) -> str | None:
        """The indexed municipality a filter value means (case and aliases forgiven), if any."""
        found = self._names.get(name.strip().lower())
        return found if found in self._indexed_set else None

    def names_of(self, municipalities: Iterable[str]) -> set[str]:
        """Every name (lower case) that stands for one of `municipalities`."""
        wanted = set(municipalities)
        return {name for name, m in self._names.items() if m in wanted}


def parse_aliases(value: object) -> tuple[str, ...]:
    """Aliases as stored in passage metadata ('LV|Charlois')."""
    return tuple(a for a in str(value or "").split(ALIAS_SEPARATOR) if a.strip())
