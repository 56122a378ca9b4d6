"""SIGKILL during ingest, at several points, against real Chroma on disk: nothing half-built is served."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.embedders import HashingEmbedder
from assistant.retrieval import Retriever
from assistant.stores import ChromaStore
from assistant.versions import text_path
from tests.conftest import MINI_CORPUS, ROOT, write_corpus

pytestmark = pytest.mark.integration

SCRIPT = ROOT / "tests" / "helpers" / "slow_ingest.py"


def _paragraphs(topic: str, n: int) -> str:
    return "\n\n".join(
        f"## {topic} {i}\n\nDe gemeente regelt {topic} deel {i} met inwoners en partners. "
        f"Zij betaalt deel {i} uit het budget voor {topic}."
        for i in range(n)
    )


def _corpus_v1(folder: Path) -> Path:
    files = dict(MINI_CORPUS)
    for topic in ("mantelzorg", "armoede", "jeugdhulp", "inburgering"):
        files[f"{topic}.md"] = f"# {topic}\n\n" + _paragraphs(topic, 6)
    return write_corpus(folder, files)


def _change(corpus: Path) -> None:
    (corpus / "armoede.md").write_text("# armoede\n\n" + _paragraphs("minima", 14), encoding="utf-8")
    (corpus / "leiden_jeugd.md").write_text("# Nieuw\n\nDe Leidse tekst is veranderd. Hij gaat over iets anders.\n")
    (corpus / "inburgering.md").unlink()
    (corpus / "wmo.md").write_text("# wmo\n\n" + _paragraphs("huishoudelijke hulp", 10), encoding="utf-8")


def _ingest(data: Path, corpus: Path, kill_after: int | None = None) -> tuple[bool, int]:
    """Run the child; with `kill_after`, SIGKILL it a moment after that many batches.

    Returns whether it finished, and how many batches it embedded.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ANONYMIZED_TELEMETRY": "False"}
    child = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(data), str(corpus)], stdout=subprocess.PIPE, text=True, env=env
    )
    batches = 0
    for line in child.stdout:
        if line.strip() == "done":
            break
        batches += 1
        if kill_after is not None and batches == kill_after:
            time.sleep(random.Random(kill_after).uniform(0, 0.03))  # land inside adds and deletes too
            child.send_signal(signal.SIGKILL)
            break
    return child.wait(timeout=120) == 0, batches


def _served(data: Path) -> dict[str, tuple[str, set[str]]]:
    """What a fresh reader sees, per document: its text and passage ids, each checked against the text."""
    retriever = Retriever(
        HashingEmbedder(),
        ChromaStore.persistent(data / "index", "passages"),
        ChromaStore.persistent(data / "index", "sentences"),
    )
    out = {}
    for document, meta in retriever.documents().items():
        text = text_path(data / "texts", document, meta["version"]).read_text(encoding="utf-8")
        passages = retriever.chunks_of(document)
        for p in passages:
            assert p.text.split("\n")[0] in text[p.start : p.end]
        out[document] = (text, {p.chunk_id for p in passages})
    assert retriever.search("mantelzorg"), "search must still work"
    return out


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:
    """The index of corpus v1, and corpus v2 (two changed, one removed, one new) to ingest over it."""
    base = tmp_path_factory.mktemp("kill")
    corpus = _corpus_v1(base / "corpus")
    assert _ingest(base / "v1", corpus)[0]
    served = _served(base / "v1")
    _change(corpus)
    shutil.copytree(base / "v1", base / "v2")
    finished, batches = _ingest(base / "v2", corpus)
    assert finished and batches >= 10, "make the corpus change bigger"
    return base, corpus, served, batches


def test_sigkill_during_ingest_keeps_the_old_index_and_the_next_ingest_completes(
    before: tuple[Path, Path, dict, int], tmp_path: Path
):
    """Killed after each batch in turn, from the first to the last, the old index stays whole."""
    base, corpus, old, batches = before
    new = _served(base / "v2")
    for kill_after in range(1, batches + 1):
        data = tmp_path / f"killed-after-{kill_after}"
        shutil.copytree(base / "v1", data)
        finished, _ = _ingest(data, corpus, kill_after)
        assert not finished
        during = _served(data)
        assert set(old) - {"inburgering.md"} <= set(during) <= set(old) | set(new)
        for document, served in during.items():
            assert served in (old.get(document), new.get(document)), f"{document} half-built after {kill_after}"

        assert _ingest(data, corpus)[0]
        assert _served(data) == new
