from assistant.common_words import is_common


def test_story_words_are_everyday_and_subjects_are_not():
    assert all(is_common(w) for w in ("straks", "overleden", "vrienden", "Daarnaast"))
    assert not any(is_common(w) for w in ("wethouder", "beschikking", "stempas", "boodschapen"))
    assert is_common("tomorrow", "en") and not is_common("respite", "en")
