from assistant.municipalities import Gazetteer, derived_forms, dutch_places

SAMPLE = {
    "Leidschendam-Voorburg": ("LV", "L-V", "Leidschendam", "Stompwijk"),
    "Leiden": ("Leidenaar", "Merenwijk"),
    "Leiderdorp": (),
}


def test_places_and_aliases_map_to_their_indexed_municipality():
    places = Gazetteer(SAMPLE)
    assert places.detect("Ik woon in Voorburg") == ["Leidschendam-Voorburg"]  # from the place list
    assert places.detect("Stompwijk en Leiderdorp") == ["Leidschendam-Voorburg", "Leiderdorp"]  # an alias
    assert places.detect("Wat doet LV hieraan?") == ["Leidschendam-Voorburg"]
    assert places.detect("de Leidse regio") == ["Leiden"]  # a derived form


def test_without_places_leaves_the_names_of_other_things():
    # A station or district goes with its place's name; what is left are names of schemes and organisations.
    text = Gazetteer(SAMPLE).without_places("Ik woon bij Leiden Centraal, werk in Den Haag en wil een Ooievaarspas.")
    assert "Centraal" not in text and "Haag" not in text and "Leiden" not in text
    assert "een Ooievaarspas" in text and text.startswith("Ik woon bij ")
    # Where to look, not what about: "Centraal" is no subject of the question.
    assert Gazetteer(SAMPLE).places_in("Ik woon bij Leiden Centraal en doe mijn best.") == {"leiden centraal"}


def test_a_long_name_with_one_typo_is_recognised_a_short_one_or_another_word_is_not():
    places = Gazetteer(SAMPLE)
    assert places.detect("ik woon in leiderdrop") == ["Leiderdorp"]  # two letters swapped
    assert places.detect("verschil in leidschendam-voorbrug?") == ["Leidschendam-Voorburg"]
    assert places.detect("Stompwjk") == ["Leidschendam-Voorburg"]  # an alias, one letter dropped
    assert places.detect("Leidn") == [] and places.detect("de leiders van de wijk") == []
    # Another municipality one letter away is that municipality, not a typo of the indexed one.
    own = Gazetteer({"Heusden": ()})
    assert own.detect("ik woon in Leusden") == [] and own.detect_others("ik woon in Leusden") == ["Leusden"]


def test_a_district_named_by_compass_point_is_its_municipality():
    places = Gazetteer({"Zwolle": ()})
    assert places.detect("Ik woon in Zwolle-Zuid") == ["Zwolle"]
    assert places.detect("zwolle-noordoost en Zwolle-Centrum") == ["Zwolle"]
    assert Gazetteer(SAMPLE).detect("Wat gebeurt er in Leidschendam-Noord?") == ["Leidschendam-Voorburg"]
    # Another word joined to it makes another name.
    assert places.detect("de Zwolle-Kampen lijn") == []


def test_no_false_matches_inside_words_or_in_lower_case_nicknames():
    places = Gazetteer(SAMPLE)
    assert places.detect("begeleiden van jongeren") == []
    assert places.detect("lv") == []


def test_every_other_dutch_municipality_and_place_is_outside_the_index():
    places = Gazetteer(SAMPLE)
    assert places.detect_others("Hoe werkt het in Zoetermeer?") == ["Zoetermeer"]
    assert places.detect_others("ik woon in hoek van holland") == ["Rotterdam"]
    assert places.detect_others("Ik woon in Den Haag") == ["'s-Gravenhage"]
    # Names that are also ordinary words count only when written as a name.
    assert places.detect_others("wat is het best voor mij?") == []
    assert places.detect_others("Best regelt dat anders, zegt mijn buurvrouw uit Best.") == ["Best"]


def test_a_corpus_of_another_municipality_knows_only_that_one():
    places = Gazetteer({"Rotterdam": ()})
    assert places.indexed == ("Rotterdam",)
    assert places.detect("Ik woon in Hoek van Holland") == ["Rotterdam"]
    assert places.detect("een Rotterdamse moeder") == ["Rotterdam"]
    assert places.detect_others("Wat krijg ik in Leiden?") == ["Leiden"]
    assert places.canonical("rotterdam") == "Rotterdam" and places.canonical("Leiden") is None


def test_a_corpus_may_call_its_municipality_by_an_everyday_name():
    places = Gazetteer({"Den Haag": ()})
    assert places.detect("Ik woon in Scheveningen") == ["Den Haag"]
    assert places.detect("in 's-Gravenhage") == ["Den Haag"]


def test_the_place_list_holds_every_municipality_of_2025():
    rows = dutch_places()
    assert len({p.municipality for p in rows}) == 342
    assert derived_forms("Rotterdam")[:2] == ("Rotterdamse", "Rotterdams")


def test_no_sample_municipality_is_named_in_code_or_templates():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    names = re.compile(r"\b(leiden|leiderdorp|leidschendam|voorburg|stompwijk)\b", re.I)
    found = [
        f"{path.relative_to(root)}:{n}"
        for folder in ("assistant", "ingest", "web")
        for path in (root / folder).rglob("*")
        if path.suffix in (".py", ".html")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if names.search(line)
    ]
    assert found == []


def test_a_place_name_that_goes_on_as_another_name_is_not_the_place():
    places = Gazetteer(SAMPLE)
    assert places.detect_others("Wat doen de Huizen van de Buurt?") == []  # community centres, not Huizen
    assert places.detect_others("Ik woon in Huizen.") == ["Huizen"]
    assert places.detect_others("Geldt dit ook in Huizen van de week af?") == ["Huizen"]
