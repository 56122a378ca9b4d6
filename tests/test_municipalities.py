from assistant.municipalities import canonical, detect, detect_others


def test_places_and_nicknames_map_to_their_municipality():
    assert detect("Ik woon in Voorburg") == ["Leidschendam-Voorburg"]
    assert detect("Stompwijk en Leiderdorp") == ["Leidschendam-Voorburg", "Leiderdorp"]
    assert detect("Wat doet LV hieraan?") == ["Leidschendam-Voorburg"]
    assert detect("de Leidse regio") == ["Leiden"]


def test_no_false_matches_inside_words():
    assert detect("begeleiden van jongeren") == []
    assert detect("lv") == []


def test_other_municipalities_and_filter_values():
    assert detect_others("Hoe werkt het in Zoetermeer?") == ["Zoetermeer"]
    known = ["Leiden", "Leiderdorp", "Leidschendam-Voorburg"]
    assert canonical("leiden", known) == "Leiden"
    assert canonical("Voorburg", known) == "Leidschendam-Voorburg"
    assert canonical("Utrecht", known) is None
