"""sources.json in either natural shape, and one clear message for anything else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.sources import SourcesError, read_sources, write_entry


def _corpus(tmp_path: Path, sources: object | str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nota.md").write_text("# Nota\n\nBijzondere bijstand voor een wasmachine.\n", encoding="utf-8")
    text = sources if isinstance(sources, str) else json.dumps(sources)
    (corpus / "sources.json").write_text(text, encoding="utf-8")
    return corpus


ENTRY = {"title": "Nota", "municipality": "Rotterdam", "year": 2024, "kind": "beleidsregels", "aliases": ["R'dam"]}


@pytest.mark.parametrize("shape", [[{"file": "nota.md", **ENTRY}], {"nota.md": ENTRY}], ids=["list", "object"])
def test_both_shapes_give_the_same_metadata(tmp_path: Path, shape: object):
    meta = read_sources(_corpus(tmp_path, shape))["nota.md"]
    assert (meta.title, meta.municipality, meta.year, meta.kind, meta.aliases) == (
        "Nota", "Rotterdam", 2024, "beleidsregels", ("R'dam",)
    )  # fmt: skip


@pytest.mark.parametrize("shape", [[{"file": "nota.md", **ENTRY}], {"nota.md": ENTRY}], ids=["list", "object"])
def test_a_rewrite_keeps_the_shape_it_found(tmp_path: Path, shape: object):
    corpus = _corpus(tmp_path, shape)
    data = json.loads(write_entry(corpus, "nieuw.md", {"file": "nieuw.md", "title": "Nieuw"}))
    assert type(data) is type(shape)
    assert ("nieuw.md" in data) if isinstance(data, dict) else (data[-1]["file"] == "nieuw.md")


BAD = [
    ('[{"file": "nota.md",', "geen geldige JSON (regel 1"),
    ('"nota.md"', "de inhoud is een str, geen lijst of object"),
    ('["nota.md"]', "item 1 is geen object maar str"),
    ('[{"title": "Nota"}]', 'item 1 heeft geen "file"'),
    ('{"nota.md": "Nota"}', "de waarde bij 'nota.md' is geen object"),
    ('[{"file": "weg.md"}]', "er staat een beschrijving in voor weg.md, maar dat bestand is er niet"),
    ('[{"file": "nota.md", "year": "twee"}]', '"year" van nota.md moet een jaartal zijn (zoals 2024), niet "twee"'),
    ('[{"file": "nota.md", "title": 12}]', '"title" van nota.md moet tekst zijn, niet 12'),
    ('[{"file": "nota.md", "aliases": [1]}]', '"aliases" van nota.md moet een lijst met namen zijn'),
]


@pytest.mark.parametrize(("text", "problem"), BAD)
def test_each_bad_shape_gets_one_message_with_file_problem_and_expected_shape(tmp_path: Path, text: str, problem: str):
    with pytest.raises(SourcesError) as caught:
        read_sources(_corpus(tmp_path, text))
    message = str(caught.value)
    assert "sources.json" in message and problem in message and "Verwacht: een lijst [" in message


def test_ingest_stops_with_status_2_and_the_message_before_touching_the_index(tmp_path: Path):
    corpus = _corpus(tmp_path, '[{"file": "nota.md", "year": "twee"}]')
    data = tmp_path / "data"
    env = {"WEGWIJZER_DATA_DIR": str(data), "WEGWIJZER_CORPUS_DIR": str(corpus), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "ingest", "--quiet"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "sources.json" in done.stderr and '"twee"' in done.stderr and "Traceback" not in done.stderr
    assert not data.exists()  # nothing prepared, loaded or indexed
