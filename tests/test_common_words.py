from assistant.common_words import is_common, is_verb_form, is_word, verb_of


def test_story_words_are_everyday_and_subjects_are_not():
    assert all(is_common(w) for w in ("straks", "overleden", "vrienden", "Daarnaast"))
    assert not any(is_common(w) for w in ("wethouder", "beschikking", "stempas", "boodschapen"))
    assert is_common("tomorrow", "en") and not is_common("respite", "en")


def test_a_word_of_the_language_is_not_a_misspelling():
    assert all(is_word(w) for w in ("dochter", "bezwaar", "wethouder", "Overleden"))
    assert not any(is_word(w) for w in ("bijzondre", "instalatiekosten", "boodschapen"))
    assert is_word("regional", "en") and not is_word("bezwaar", "en")


def test_the_past_of_an_everyday_verb_is_a_story_word():
    assert verb_of("snapte") == "snappen" and verb_of("woonde") == "wonen" and verb_of("groeide") == "groeien"
    assert is_common("snapte") and is_common("Klopte")
    assert verb_of("opzetten") is None  # an infinitive is no past of itself
    # 't kofschip keeps nouns out ("rente" is no past of "rennen"); a subject's verb is rare ("aanrekenen"), and a
    # participle or present may be the subject itself ("Ben ik verzekerd?").
    assert not any(is_common(w) for w in ("rente", "buurten", "aangerekend", "verzekerd", "toegekend"))


def test_participles_and_present_forms_are_verb_forms():
    forms = ("doorgegeven", "gereserveerd", "opgehaald", "gelopen", "ondertekend", "verloopt", "meedoet", "oplegt")
    assert all(is_verb_form(w) for w in forms)
    # Nouns, infinitives (a subject may be one: "parkeren") and words used far more than their verb ("verband").
    others = ("grofvuil", "parkeren", "uitkering", "bezwaar", "woning", "kosten", "verband", "dienst", "markt")
    assert not any(is_verb_form(w) for w in others)
