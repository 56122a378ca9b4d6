from assistant.common_words import is_common, is_word


def test_story_words_are_everyday_and_subjects_are_not():
    assert all(is_common(w) for w in ("straks", "overleden", "vrienden", "Daarnaast"))
    assert not any(is_common(w) for w in ("wethouder", "beschikking", "stempas", "boodschapen"))
    assert is_common("tomorrow", "en") and not is_common("respite", "en")


def test_a_word_of_the_language_is_not_a_misspelling():
    assert all(is_word(w) for w in ("dochter", "bezwaar", "wethouder", "Overleden"))
    assert not any(is_word(w) for w in ("bijzondre", "instalatiekosten", "boodschapen"))
    assert is_word("regional", "en") and not is_word("bezwaar", "en")
