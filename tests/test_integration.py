"""The real model and a real Chroma on disk, over the sample corpus: what a user gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.wiring import build_assistant, build_store
from ingest.indexing import ingest
from tests.conftest import ROOT

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def real(e5_model_dir: Path, e5_embedder, tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    settings = Settings(data_dir=data, embedding_model=str(e5_model_dir), corpus_dir=ROOT / "corpus")
    report = ingest(
        settings.corpus_dir,
        e5_embedder,
        build_store(settings),
        data / "texts",
        sentence_store=build_store(settings, "sentences"),
        progress=False,
    )
    assert len(report.added) == 5 and not report.errors
    return build_assistant(settings, embedder=e5_embedder), settings


@pytest.fixture(scope="module")
def assistant(real):
    return real[0]


def test_carer_in_leiderdorp_is_sent_to_incluzio(assistant):
    answer = assistant.ask("Ik zorg voor mijn zieke moeder in Leiderdorp, bij wie kan ik terecht?")
    assert not answer.refused and "Incluzio Leiderdorp" in answer.text
    assert {c.passage.municipality for c in answer.citations} == {"Leiderdorp"}


def test_unknown_amount_is_declined_without_inventing_one(assistant):
    answer = assistant.ask("Wat is de eigen bijdrage voor huishoudelijke hulp in Leiderdorp?")
    assert answer.refused and "€" not in answer.text and "Leiderdorp" in answer.text


def test_a_fact_with_its_number(assistant):
    answer = assistant.ask(
        "Hoeveel Oekraïense vluchtelingen vangt Leidschendam-Voorburg volgens de begroting 2026 op?", audience="staff"
    )
    assert "225" in answer.text


def test_reopening_the_store_finds_the_same_index(real, e5_embedder):
    first, settings = real
    again = build_assistant(settings, embedder=e5_embedder)
    assert again.stats() == first.stats() and first.stats()["documents"] == 5
