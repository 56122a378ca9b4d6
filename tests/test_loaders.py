from pathlib import Path

import pytest

from ingest.indexing import corpus_files
from ingest.loaders import LoadError, load


def test_html_loses_navigation_and_scripts_and_keeps_headings(tmp_path: Path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><body><nav>Home | Menu</nav><h2>Mantelzorg</h2><p>Steun voor <i>mantelzorgers</i>.</p>"
        "<script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    assert load(page) == "## Mantelzorg\n\nSteun voor mantelzorgers."


def test_docx_headings_and_tables(tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_heading("Schuldhulp", level=1)
    document.add_paragraph("Hulp bij schulden.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Doel", "10%"
    path = tmp_path / "nota.docx"
    document.save(path)
    assert load(path).split("\n\n") == ["# Schuldhulp", "Hulp bij schulden.", "Doel | 10%"]


def test_text_encodings_and_files_without_suffix(tmp_path: Path):
    (tmp_path / "latin.txt").write_bytes("Café".encode("cp1252"))
    (tmp_path / "UP001").write_text("Uitgangspunt: een regel zonder extensie.", encoding="utf-8")
    (tmp_path / "plaatje").write_bytes(b"\x89PNG\x00\x00binary")
    (tmp_path / "nota v2.1 (def)").write_text("Een nota met een rare naam.", encoding="utf-8")
    assert load(tmp_path / "latin.txt") == "Café"
    assert load(tmp_path / "UP001").startswith("Uitgangspunt")
    with pytest.raises(LoadError):
        load(tmp_path / "plaatje")
    (tmp_path / "vragen-iwmo-3.2").write_text("Veelgestelde vragen over iWmo 3.2.", encoding="utf-8")
    (tmp_path / "bericht.xml").write_text("<bericht/>", encoding="utf-8")
    assert [p.name for p in corpus_files(tmp_path)] == ["UP001", "latin.txt", "nota v2.1 (def)", "vragen-iwmo-3.2"]


def test_corrupt_files_raise_load_error(tmp_path: Path):
    (tmp_path / "kapot.docx").write_bytes(b"PK not a zip")
    (tmp_path / "x.xyz").write_bytes(b"\x00\x01 binary")
    (tmp_path / "data.json").write_text("{}")
    for name in ("kapot.docx", "x.xyz", "data.json"):
        with pytest.raises(LoadError):
            load(tmp_path / name)
    (tmp_path / "notitie.v2").write_text("Een tekst met een onbekende extensie.")
    assert load(tmp_path / "notitie.v2").startswith("Een tekst")
