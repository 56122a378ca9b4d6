from ingest.cleaning import segments


def test_noise_lines_are_left_out_and_offsets_point_into_the_text():
    text = (
        "Inhoudsopgave\nWoord vooraf.....\t3\nKoers 1.1 Veilig opgroeien\t8\n"
        "tabele11\ntableCell11\n|---|---|\nU bent hier: HomeBeleidsbegroting\nDownload als pdf\n"
        "Echte <i>inhoud</i> van de gemeente. |\n"
    )
    segs = segments(text)
    assert [s.text for s in segs] == ["Inhoudsopgave", "Echte inhoud van de gemeente."]
    last = segs[-1]
    assert text[last.start : last.end].startswith("Echte <i>inhoud</i>")


def test_table_bars_become_separators():
    (seg,) = segments("| Doel | Streefwaarde |\n")
    assert seg.text == "Doel · Streefwaarde"


def test_a_footnote_list_loses_the_number_glued_to_its_note():
    text = "  4. 4Het percentage geeft de verhouding weer.\n  3. 3D-printers staan in de bibliotheek.\n"
    assert [s.text for s in segments(text)] == [
        "4. Het percentage geeft de verhouding weer.",
        "3. 3D-printers staan in de bibliotheek.",
    ]
