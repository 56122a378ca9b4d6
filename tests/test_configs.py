"""`wegwijzer eval --configs`: configurations side by side on one question set, each over its own index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.settings import Settings
from tests.conftest import write_corpus
from wegwijzer.configs import compare_configs

pytestmark = pytest.mark.integration


def test_two_configurations_give_a_table_with_both_rows(tmp_path: Path, e5_model_dir: Path, capsys, caplog):
    corpus = write_corpus(tmp_path / "corpus")
    questions = tmp_path / "questions.jsonl"
    item = {
        "id": "q1", "question": "Hoeveel opvangplekken organiseert Leiden?", "lang": "nl", "audience": "staff",
        "municipality": "Leiden", "answerable": True, "kind": "number/target",
        "gold": [{"doc": "leiden_jeugd.md", "quote": "Leiden 619 reguliere opvangplekken"}],
        "answer": "619", "must_include": ["619"],
    }  # fmt: skip
    questions.write_text(json.dumps(item) + "\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data", embedding_model=str(e5_model_dir))
    assert compare_configs(["default", "bm25"], [questions], settings, tmp_path / "runs") == 0
    table = capsys.readouterr().out
    assert "| default |" in table and "| bm25 |" in table
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]


def test_lexical_retrieval_is_decided_by_the_lexical_variant(tmp_path: Path):
    from assistant.core import Assistant
    from assistant.embedders import HashingEmbedder
    from assistant.retrieval import Retriever
    from assistant.stores import MemoryStore

    model = Assistant(Retriever(HashingEmbedder(), MemoryStore(), MemoryStore())).model
    same = type("Named", (), {"name": model.embedding_model})()
    for mode, variant in (("hybrid", model.dense), ("bm25", model.lexical)):
        retriever = Retriever(HashingEmbedder(), MemoryStore(), MemoryStore(), mode=mode)
        retriever.embedder = same  # as if indexed with the model the answer model was fitted with
        assert Assistant(retriever).variant() is variant
