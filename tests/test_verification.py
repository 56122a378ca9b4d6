from assistant.domain import Passage
from assistant.verification import facts, sentences, verify


def _p(text: str, doc: str = "a.md") -> Passage:
    return Passage("id-" + text[:8], doc, "T", "Leiden", 2025, "", text, 0, len(text), 1.0)


PASSAGES = [
    _p("Leiden organiseert 619 opvangplekken, waarvan 52 voor alleenstaande minderjarigen."),
    _p("Bel het Wmo-loket op 071 516 5000 of kijk op www.leiden.nl/wmo. De eigen bijdrage is € 21,80 per maand."),
    _p("De regeling loopt tot 1 januari 2026."),
]


def test_sentences_keep_their_citations_and_do_not_split_numbers_or_abbreviations():
    text = "Leiden heeft 1.200 plekken. [1] Er is o.a. hulp bij schulden [2].\n- Tweede punt [3]"
    assert sentences(text) == [
        "Leiden heeft 1.200 plekken [1].",
        "Er is o.a. hulp bij schulden [2].",
        "- Tweede punt [3]",
    ]


def test_facts_normalise_numbers_but_keep_urls_and_dates_exact():
    assert facts("€ 1.200,00 en 1200 euro") == {"#1200"}
    assert "1 januari" in facts("per 1 januari 2026")
    assert "www.leiden.nl/wmo" in facts("kijk op www.leiden.nl/wmo.")


def test_valid_sentences_are_kept_and_citations_renumbered_in_order():
    v = verify("De eigen bijdrage is € 21,80 per maand [2]. Leiden heeft 619 plekken [1].", PASSAGES)
    assert v.text == "De eigen bijdrage is € 21,80 per maand [1]. Leiden heeft 619 plekken [2]."
    assert [c.passage.text for c in v.citations] == [PASSAGES[1].text, PASSAGES[0].text]
    assert v.dropped == () and v.substantial


def test_an_invented_amount_is_removed():
    v = verify("Leiden heeft 619 plekken [1]. Iedereen krijgt € 500 extra per maand [1].", PASSAGES)
    assert "500" not in v.text and v.text == "Leiden heeft 619 plekken [1]."
    assert v.dropped == ("Iedereen krijgt € 500 extra per maand [1].",)


def test_a_number_from_an_uncited_passage_is_not_enough():
    assert verify("Het Wmo-loket heeft nummer 071 516 5000 [1].", PASSAGES).text == ""


def test_sentences_without_or_with_invalid_citations_are_dropped():
    v = verify("Neem contact op met de gemeente. Zie ook bron [7]. Kijk op www.leiden.nl/wmo [2].", PASSAGES)
    assert v.text == "Kijk op www.leiden.nl/wmo [1]."
    assert len(v.dropped) == 2


def test_an_invented_url_date_or_phone_number_is_removed():
    for claim in ("Kijk op www.leiden-hulp.nl [2].", "De regeling loopt tot 1 juli 2026 [3].", "Bel 071 123 4567 [2]."):
        assert verify(claim, PASSAGES).text == "", claim


def test_nothing_substantial_left_is_reported():
    assert not verify("Ja [1].", PASSAGES).substantial
    assert not verify("Dat staat niet in de documenten.", PASSAGES).substantial


def test_grouped_citations_are_split_and_checked():
    v = verify("Er zijn 619 plekken en de bijdrage is € 21,80 [1, 2].", PASSAGES)
    assert v.text == "Er zijn 619 plekken en de bijdrage is € 21,80 [1][2]."
