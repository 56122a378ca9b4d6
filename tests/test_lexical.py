from assistant.lexical import BM25Index, terms


def test_terms_are_stemmed_without_stopwords_and_percent_is_a_word():
    assert terms("De mantelzorgers in de wijk") == ["mantelzorger", "wijk"]
    assert "procent" in terms("10%")
    # A word whose stem is a stop word is one too ("alles" stems to "al"), and so are a resident's fillers.
    assert terms("Moet ik alles ofzo echt terugbetalen?") == terms("terugbetalen")


def test_ge_is_taken_off_a_participle_only():
    # A participle of an everyday verb meets its verb's other forms ...
    assert terms("aangevraagd") == terms("aanvraag") and terms("gevraagd") == terms("vragen")
    # ... but a word that begins with "ge" keeps it: "geweld" is no "wel" (a stop word, so the word was lost),
    # "gezin" no "zin", "begeleiding" no "beleid", "gewoon" no "woon".
    assert terms("huiselijk geweld") == ["huiselijk", terms("geweld")[0]]
    assert terms("gezin") == terms("gezinnen") != terms("zin")
    assert terms("begeleiding") == terms("begeleidt") != terms("beleid")
    assert terms("gewoon") != terms("wonen") and terms("gebruikt") == terms("gebruik")


def test_bm25_ranks_the_matching_text_first_and_finds_compounds():
    index = BM25Index(
        ["Buurtbemiddeling helpt bij een burenruzie.", "De Wmo regelt hulp thuis.", "Jeugdhulp voor kinderen."]
    )
    assert index.top("ruzie met de buren", 3)[0][0] == 0
    assert index.top("hulp thuis", 3)[0][0] == 1
    assert "burenruzie" in index.compounds("ruzie")
    assert "terechtkomen" not in BM25Index(["terechtkomen"]).compounds("terecht")


def test_allowed_restricts_results():
    index = BM25Index(["zorg in leiden", "zorg in leiderdorp"])
    assert [i for i, _ in index.top("zorg", 5, allowed={1})] == [1]


def test_a_number_with_separators_is_one_term():
    # "1.200" is twelve hundred, as "1200"; "RV 17.0077" is a reference, not the 17 of someone's age.
    assert "1200" in terms("een bijdrage van € 1.200 per jaar") and "200" not in terms("€ 1.200")
    assert "17" not in terms("Kader sociale wijkteams (RV 17.0077)")
    assert "3,5" in terms("een rente van 3,5%")


def test_a_compound_s_head_words_are_found():
    index = BM25Index(["De regeling gaat in oktober in.", "Een aanpassing van de woning."])
    assert index.heads(terms("subsidieregeling")[0]) == terms("regeling")
    assert index.heads(terms("woningaanpassing")[0]) == terms("aanpassing")
    assert index.heads(terms("regeling")[0]) == []  # no modifier left


def test_a_compound_the_documents_never_use_splits_into_words_they_do():
    index = BM25Index(["De bijstand en de uitkering.", "Opvang voor daklozen.", "Het welzijn."])
    assert index.parts(terms("bijstandsuitkering")[0]) == [terms("bijstand")[0], terms("uitkering")[0]]
    assert index.parts(terms("daklozenopvang")[0]) == [terms("daklozen")[0], terms("opvang")[0]]
    assert index.parts(terms("welzijnswerk")[0]) == []  # "werk" is not in these documents
    assert index.parts(terms("opvang")[0]) == []  # a word they use is no compound to split


def test_a_word_s_family_shares_its_first_letters():
    index = BM25Index(["De opgave voor het huisvesten van Oekraïners stijgt.", "Bijstandsgerechtigden doen mee."])
    assert terms("Oekraïners")[0] in index.kin(terms("Oekraïense")[0])
    assert terms("bijstandsgerechtigden")[0] in index.kin(terms("bijstandsuitkering")[0])
    assert index.kin(terms("huis")[0]) == []  # too short to say
    assert index.kin(terms("huisarts")[0]) == []  # "huisvesten" shares four letters only
    debts = BM25Index(["De schuldeisers worden benaderd."])
    assert debts.kin(terms("schuldhulpverlening")[0]) == []  # six shared letters, not most of "schuldeiser"


def test_threads_that_stem_side_by_side_get_the_same_stems():
    # The web app answers requests in several threads, and a snowball stemmer keeps the word it works on in itself.
    from concurrent.futures import ThreadPoolExecutor

    from assistant.lexical import _stemmer

    words = [f"{w}{ending}" for w in ("aanvraag", "gezondheid", "betaling", "uitkering") for ending in ("", "en", "s")]
    expected = [_stemmer().stemWord(w) for w in words] * 300

    def stems(_: int) -> list[str]:
        return [_stemmer().stemWord(w) for _ in range(300) for w in words]

    with ThreadPoolExecutor(8) as pool:
        assert all(result == expected for result in pool.map(stems, range(16)))
