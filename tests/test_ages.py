from assistant import ages


def test_age_groups_are_read_with_their_bounds():
    assert ages.groups("Project JA ondersteunt jongeren tot 27 jaar bij het vinden van werk.") == [(0, 27)]
    assert ages.groups("jongeren tussen de 18 en 21 jaar die dakloos zijn") == [(18, 21)]
    assert ages.groups("kinderen van 4 tot en met 17 jaar") == [(4, 17)]  # one group, not also "tot en met 17"
    assert ages.groups("jonger dan 21 jaar") == [(0, 20)]
    assert ages.groups("21 jaar of ouder") == [(21, ages.OLDEST)]
    assert ages.groups("huurders van 55+ en 65-plussers") == [(55, ages.OLDEST), (65, ages.OLDEST)]
    # Years, durations and shares are no ages.
    assert ages.groups("tussen 2025 en 2027, over 3 maanden, onder de 3 procent, tot 6 maanden") == []


def test_an_age_fits_a_group_that_holds_it_and_not_one_that_leaves_it_out():
    assert ages.fits(frozenset({22}), "jongeren tot 27 jaar") == 1.0
    assert ages.fits(frozenset({22}), "jongeren tussen de 18 en 21 jaar") == -1.0
    assert ages.fits(frozenset({19, 45}), "jongeren tussen de 18 en 21 jaar") == 1.0
    assert ages.fits(frozenset({22}), "Het wijkteam helpt jongeren.") == 0.0  # names no group
    assert ages.fits(frozenset(), "jongeren tot 27 jaar") == 0.0  # the story gives no age
