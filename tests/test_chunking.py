from ingest.chunking import split, units
from ingest.cleaning import clean_line


def test_chunks_follow_headings_and_keep_their_section_path():
    body = "Dit is een zin over mantelzorg en ondersteuning in de wijk voor inwoners. " * 6
    text = f"Hoofddoel 2. Zelfstandig functioneren\n\nKoers 2.1 Meer mensen redden zich\n\n{body}\n\nKoers 2.2 Financieel redden\n\n{body}\n"
    chunks = split("doc.txt", text)
    assert [c.section for c in chunks] == [
        "Hoofddoel 2. Zelfstandig functioneren > Koers 2.1 Meer mensen redden zich",
        "Hoofddoel 2. Zelfstandig functioneren > Koers 2.2 Financieel redden",
    ]
    assert chunks[1].text.startswith("Koers 2.2")


def test_every_chunk_line_comes_from_its_offsets():
    text = "Inleiding\n\nEerste alinea met genoeg woorden om echte tekst te zijn voor de test hier.\n\n" * 40
    for chunk in split("doc.txt", text):
        raw = text[chunk.start : chunk.end]
        for line in chunk.text.split("\n"):
            assert line in clean_line(raw) or line in raw


def test_flattened_table_cells_rejoin_their_row():
    text = "9C1.a Percentage inwoners dat weet waar ze terechtkunnen\n\n74% (2023)\n\n90%\n\nStads- en wijkenquête\n"
    (row,) = units(text)
    assert (
        row.text
        == "9C1.a Percentage inwoners dat weet waar ze terechtkunnen · 74% (2023) · 90% · Stads- en wijkenquête"
    )


def test_chunk_ids_are_stable_and_sizes_bounded():
    text = ("Een zin met precies tien woorden over zorg en welzijn. " * 100).strip()
    first, second = split("d.txt", text), split("d.txt", text)
    assert [c.id for c in first] == [c.id for c in second]
    assert all(len(c.text.split()) <= 300 for c in first)


def test_in_markdown_only_markdown_headings_make_sections():
    text = (
        "# Beleidsregels\n\n## Artikel 1 Verhuiskosten\n\n1. Als verhuiskosten worden aangemerkt:\n"
        "a. de kosten van een verhuisbedrijf of van een huurauto die voor de verhuizing nodig is;\n"
        "b. de kosten van het overzetten van de aansluitingen.\n\n## Artikel 2 Reiskosten\n\n"
        "Het college kan bijzondere bijstand verlenen voor reiskosten om een gezinslid te bezoeken dat "
        "langdurig in een ziekenhuis verblijft.\n"
    )
    sections = [c.section for c in split("regels.md", text, target=20, maximum=60)]
    assert sections[-1] == "Beleidsregels > Artikel 2 Reiskosten"
    assert not any("verhuiskosten worden aangemerkt" in s for s in sections)


def _indicator_table(rows: int) -> str:
    header = "Omschrijving\n\n2021 (w)\n\n2022 (b)\n\n2023 (b)\n\n"
    row = "% inwoners in Zwolle dat weet waar ze terechtkunnen met hun vragen over geld\n\n{0}%\n\n{1}%\n\n{2}%\n\n"
    return "Prestatie-indicatoren\n\n" + header + "".join(row.format(i, i + 1, i + 2) for i in range(rows))


def test_a_chunk_that_starts_among_a_tables_rows_repeats_its_year_header():
    text = _indicator_table(40)
    chunks = split("doc.txt", text)
    assert len(chunks) > 1
    header = "Prestatie-indicatoren · Omschrijving · 2021 (w) · 2022 (b) · 2023 (b)"
    for chunk in chunks:
        first, second = chunk.text.split("\n")[:2]
        assert first == header and second.startswith("% inwoners in Zwolle")
        # The header is not part of the later chunks' offsets: they still begin at their first row.
        assert text[chunk.start :].startswith(("Prestatie", "% inwoners"))


def test_prose_ends_a_table_and_its_header_is_not_repeated_above_a_later_table_without_one():
    prose = "Daarna volgt gewone tekst over schuldhulpverlening en minimaregelingen voor inwoners. " * 30
    later = "Aantal aanvragen voor schuldhulp in de wijk Noord\n\n12\n\n14\n\n"
    chunks = split("doc.txt", _indicator_table(3) + prose + "\n\n" + later)
    assert any(c.text.startswith("Aantal aanvragen") or "\nAantal aanvragen" in c.text for c in chunks)
    assert sum("2021 (w)" in c.text for c in chunks) == 1
