"""Which municipality a question is about: corpus municipalities with their places, and others."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Places and nicknames that stand for a corpus municipality. Nootdorp is deliberately absent:
# it belongs to Pijnacker-Nootdorp, not to Leidschendam-Voorburg.
ALIASES: dict[str, tuple[str, ...]] = {
    "Leidschendam-Voorburg": (
        "leidschendam-voorburg",
        "leidschendam voorburg",
        "leidschendam",
        "voorburg",
        "stompwijk",
        "lv",
        "l-v",
        "prinsenhof",
        "de heuvel",
        "damsigt",
        "essesteijn",
        "bovenveen",
        "sijtwende",
    ),
    "Leiden": (
        "leiden",
        "leidse",
        "leids",
        "leidenaar",
        "leidenaars",
        "leidenaren",
        "merenwijk",
        "stevenshof",
        "roomburg",
        "boerhaavewijk",
        "morsdistrict",
        "professorenwijk",
    ),
    "Leiderdorp": ("leiderdorp", "leiderdorpse", "leiderdorper", "leiderdorpers"),
}

# Other Dutch municipalities people ask about; a question about one of them is outside the corpus.
OTHERS = (
    "Den Haag",
    "'s-Gravenhage",
    "Zoetermeer",
    "Delft",
    "Rijswijk",
    "Wassenaar",
    "Voorschoten",
    "Oegstgeest",
    "Zoeterwoude",
    "Katwijk",
    "Noordwijk",
    "Teylingen",
    "Lisse",
    "Hillegom",
    "Kaag en Braassem",
    "Alphen aan den Rijn",
    "Nieuwkoop",
    "Pijnacker-Nootdorp",
    "Nootdorp",
    "Pijnacker",
    "Westland",
    "Midden-Delfland",
    "Gouda",
    "Waddinxveen",
    "Bodegraven",
    "Woerden",
    "Amsterdam",
    "Rotterdam",
    "Utrecht",
    "Eindhoven",
    "Groningen",
    "Tilburg",
    "Almere",
    "Breda",
    "Nijmegen",
    "Apeldoorn",
    "Haarlem",
    "Arnhem",
    "Enschede",
    "Amersfoort",
    "Zaanstad",
    "Haarlemmermeer",
    "'s-Hertogenbosch",
    "Den Bosch",
    "Zwolle",
    "Maastricht",
    "Dordrecht",
    "Ede",
    "Leeuwarden",
    "Alkmaar",
    "Emmen",
    "Venlo",
    "Deventer",
    "Helmond",
    "Oss",
    "Amstelveen",
    "Hilversum",
    "Sittard-Geleen",
    "Heerlen",
    "Hengelo",
    "Purmerend",
    "Roosendaal",
    "Schiedam",
    "Lelystad",
    "Vlaardingen",
    "Hoorn",
    "Capelle aan den IJssel",
    "Spijkenisse",
    "Nieuwegein",
    "Veenendaal",
    "Assen",
    "Bergen op Zoom",
    "Middelburg",
    "Vlissingen",
    "Den Helder",
    "Almelo",
    "Kampen",
    "Zeist",
    "Gooise Meren",
    "Barendrecht",
    "Ridderkerk",
    "Hoeksche Waard",
    "Meppel",
)


def _pattern(names: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(n) for n in names), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


_CORPUS = _pattern(a for aliases in ALIASES.values() for a in aliases)
_OTHER = _pattern(OTHERS)
_CANONICAL = {alias: name for name, aliases in ALIASES.items() for alias in aliases}


def detect(text: str) -> list[str]:
    """Corpus municipalities named in `text`, in order of first mention."""
    found: list[str] = []
    for m in _CORPUS.finditer(text):
        word = m.group(1)
        # 'LV' only counts in capitals; 'lv' in lower case is too often something else.
        if word.lower() in {"lv", "l-v"} and not word.isupper():
            continue
        name = _CANONICAL[word.lower()]
        if name not in found:
            found.append(name)
    return found


def detect_others(text: str) -> list[str]:
    """Municipalities outside the corpus named in `text`."""
    out: list[str] = []
    for m in _OTHER.finditer(text):
        name = next(n for n in OTHERS if n.lower() == m.group(1).lower())
        if name not in out:
            out.append(name)
    return out


def canonical(name: str, known: Iterable[str]) -> str | None:
    """The known municipality a filter value means (case and aliases forgiven), if any."""
    lowered = name.strip().lower()
    for k in known:
        if k.lower() == lowered:
            return k
    alias = _CANONICAL.get(lowered)
    return alias if alias in set(known) else None


def slug(name: str) -> str:
    """A municipality's name for use in identifiers: 'Leidschendam-Voorburg' -> 'leidschendam-voorburg'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
