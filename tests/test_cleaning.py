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
