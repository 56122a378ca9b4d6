from evals.metrics import citation_support, gold_hit, gold_rank, key_facts, key_in, percentile, quote_in


def test_quote_matching_whole_or_sixty_percent_of_words():
    passage = "Mantelzorgers kunnen ondersteuning krijgen van Incluzio Leiderdorp."
    assert quote_in("mantelzorgers  KUNNEN ondersteuning", passage)
    # Chunk borders cut quotes: 3 of 5 words (60%) still count.
    assert quote_in("ondersteuning krijgen van iets anders", passage)
    assert not quote_in("ondersteuning door heel iets anders", passage)


def test_key_matching_rules():
    assert key_in("7.260", "in totaal 7260 mensen")
    assert key_in("7260", "in totaal 7.260 mensen")
    assert not key_in("Leiden", "begeleiden van jongeren")
    assert not key_in("23", "in 2023")
    assert not key_in("20", "in 2022")
    assert key_in("verzekering", "de vrijwilligersverzekering")
    assert key_in("10%", "stijgt met 10% tussen 2025 en 2027")
    assert key_in("1 juli 2026", "vóór 1\u00a0juli 2026")


def test_key_facts_with_forbidden_strings():
    assert key_facts("Incluzio helpt", ["incluzio"], ["€"])
    assert not key_facts("Incluzio helpt voor € 5", ["incluzio"], ["€"])


def test_hits_ranks_and_citations():
    passages = ["a b c d e", "f g h i j", "k l m n o"]
    assert gold_hit(["f g h"], passages, 2) and not gold_hit(["k l m"], passages, 2)
    assert gold_rank(["f g h", "k l m"], passages) == 3
    assert gold_rank(["x y z"], passages) is None
    assert citation_support(["a b c", "x y z"], ["a b c d"]) and not citation_support(
        ["a b c", "x y z"], ["a b c d"], strict=True
    )


def test_percentile_nearest_rank():
    assert percentile([10, 20, 30, 40], 50) == 20
    assert percentile([10, 20, 30, 40], 95) == 40
    assert percentile([], 50) == 0.0


def test_invented_numbers_are_those_no_cited_passage_holds():
    from evals.metrics import invented_numbers

    cited = ["De bijdrage is € 21,80 per maand; bel 071 516 5000.", "Er zijn 619 plekken in 2025."]
    assert invented_numbers("U betaalt € 21,80 [1] en er zijn 619 plekken [2].", cited) == []
    assert invented_numbers("U krijgt € 500 extra [1].", cited) == ["500"]
    assert invented_numbers("Bel 071 516 5000 [1].", cited) == []
    assert invented_numbers("Het is 1.200,00 euro.", ["1200 euro"]) == []
