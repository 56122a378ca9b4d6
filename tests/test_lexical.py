from assistant.lexical import BM25Index, terms


def test_terms_are_stemmed_without_stopwords_and_percent_is_a_word():
    assert terms("De mantelzorgers in de wijk") == ["mantelzorger", "wijk"]
    assert "procent" in terms("10%")


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
