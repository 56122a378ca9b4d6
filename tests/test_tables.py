from assistant.tables import asked_years, labelled, year_columns

_TEXT = "\n".join(
    [
        "Prestatie-indicatoren · Omschrijving · 2019 (w) · 2020 (w) · 2021 (b) · 2022 (b)",
        "Doel 3 Iedereen doet mee",
        "3.1 Aantal inwoners van Zwolle op een garantiebaan 2 · 8 · 7 · 16 · 18",
        "3.2 % jongeren dat weet waar ze terechtkunnen · 14% · ntb · 35% · 40%",
        "3.3 % statushouders met begeleiding · 90% · 95% · 100%",
    ]
)
_ROWS = _TEXT.split("\n")


def test_a_header_names_at_least_three_years():
    assert year_columns(_ROWS[0]) == ("2019 (w)", "2020 (w)", "2021 (b)", "2022 (b)")
    assert year_columns("Looptijd · 2021 · 2022") == ()
    assert year_columns(_ROWS[2]) == ()


def test_a_rows_figures_are_labelled_with_the_years_of_the_header_above_it():
    # A footnote number glued to the description ("garantiebaan 2") is not taken for a figure.
    assert labelled(_ROWS[2], _TEXT) == (
        "3.1 Aantal inwoners van Zwolle op een garantiebaan 2 · 2019 (w): 8 · 2020 (w): 7 · 2021 (b): 16 · 2022 (b): 18"
    )
    assert labelled(_ROWS[3], _TEXT, ["2019", "2021"]) == (
        "3.2 % jongeren dat weet waar ze terechtkunnen · 2019 (w): 14% · 2021 (b): 35%"
    )


def test_a_row_whose_figures_do_not_line_up_with_the_header_is_quoted_as_it_is():
    assert labelled(_ROWS[4], _TEXT, ["2021"]) == _ROWS[4]


def test_a_year_the_header_lacks_keeps_the_whole_row_and_cells_with_their_own_year_stay_as_they_are():
    text = "Indicator · Realisatie · Bron · 2025 · 2026 · 2027\n9A.1 Aantal huisuitzettingen · 23 (2023) · 12 · 12 · 11 · GGD"
    row = text.split("\n")[1]
    assert (
        labelled(row, text, ["2023"])
        == "9A.1 Aantal huisuitzettingen · 23 (2023) · 2025: 12 · 2026: 12 · 2027: 11 · GGD"
    )
    assert labelled(row, text, ["2027"]) == "9A.1 Aantal huisuitzettingen · 2027: 11 · GGD"


def test_prose_between_a_header_and_a_row_ends_the_table():
    text = "Omschrijving · 2021 · 2022 · 2023\nDe tabel is hiermee af.\nAantal jongeren · 4 · 5 · 6"
    assert labelled("Aantal jongeren · 4 · 5 · 6", text) == "Aantal jongeren · 4 · 5 · 6"


def test_a_cell_with_its_own_year_stays_when_that_year_is_asked_and_a_range_asks_for_every_year_in_it():
    text = "Indicator · Realisatie · Bron · 2025 · 2026 · 2027\n9A.1 Aantal huisuitzettingen · 23 (2023) · 12 · 12 · 11 · GGD"
    row = text.split("\n")[1]
    assert labelled(row, text, asked_years("Hoeveel waren het er in 2023, en wat is het doel voor 2027?")) == (
        "9A.1 Aantal huisuitzettingen · 23 (2023) · 2027: 11 · GGD"
    )
    assert asked_years("de streefwaarde voor 2025 tot en met 2027") == {"2025", "2026", "2027"}
    assert asked_years("in 2025-2026 of in 2030") == {"2025", "2026", "2030"}
