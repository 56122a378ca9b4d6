"""Tests run offline by construction: no hub, no sockets beyond loopback, paths in tmp_path."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answer_model import AnswerModel, Logistic, Variant
from assistant.core import Assistant
from assistant.embedders import HashingEmbedder
from assistant.retrieval import Retriever
from assistant.stores import MemoryStore
from ingest.indexing import ingest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(app) -> Iterator[str]:  # noqa: ANN001
    """The app under real uvicorn on 127.0.0.1, in a thread; yields its address."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_for_port(port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def wait_for_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory) -> Iterator[str]:
    """`chroma run` on 127.0.0.1, as a deployment with several app workers uses it."""
    binary = Path(sys.executable).with_name("chroma")
    if not binary.exists():
        pytest.skip("the chroma command is not installed")
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    server = subprocess.Popen(
        [str(binary), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def e5_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real embedding model, converted once per test session (or reused from the project)."""
    from assistant.e5 import convert

    prepared = ROOT / ".wegwijzer" / "models" / "multilingual-e5-small"
    if (prepared / "model.safetensors").exists() and os.environ.get("CI") != "true":
        return prepared
    return convert(tmp_path_factory.mktemp("models") / "multilingual-e5-small")


@pytest.fixture(scope="session")
def e5_embedder(e5_model_dir: Path):
    from assistant.embedders import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(str(e5_model_dir))


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    for key in list(os.environ):
        if key.startswith("WEGWIJZER_"):
            monkeypatch.delenv(key)


MINI_CORPUS = {
    "leiderdorp_mantelzorg.md": (
        "# Mantelzorg in Leiderdorp\n\n"
        "Mantelzorgers kunnen ondersteuning krijgen van Incluzio Leiderdorp. Incluzio biedt een luisterend oor, "
        "advies en respijtzorg zodat de mantelzorger de zorg langer volhoudt.\n\n"
        "## Schuldhulp\n\n"
        "De schuldhulpverlening is breed toegankelijk en laagdrempelig. Inwoners met schulden kunnen terecht bij "
        "Incluzio Leiderdorp, dat hen zo nodig overdraagt aan de Stadsbank.\n"
    ),
    "leiden_jeugd.md": (
        "# Jongeren in Leiden\n\n"
        "Jongeren tussen 12 en 30 jaar krijgen begeleiding van SOL op de jongerenlocatie SouthPark. "
        "Daar ontdekken zij hun talenten.\n\n"
        "## Opvang\n\n"
        "Volgens de spreidingswet organiseert Leiden 619 reguliere opvangplekken, waarvan 52 voor alleenstaande minderjarigen.\n"
    ),
}


def write_corpus(folder: Path, files: dict[str, str] = MINI_CORPUS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "sources.json").write_text(
        '[{"file": "leiderdorp_mantelzorg.md", "title": "Mantelzorg en schuldhulp", "municipality": "Leiderdorp", '
        '"year": 2021, "kind": "beleid"},'
        ' {"file": "leiden_jeugd.md", "title": "Jeugd en opvang", "municipality": "Leiden", "year": 2025, "kind": "begroting"}]',
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def mini(tmp_path: Path) -> Assistant:
    """An assistant over the mini corpus, with the fake embedder and in-memory stores."""
    return mini_assistant(tmp_path)


def mini_assistant(folder: Path, files: dict[str, str] = MINI_CORPUS, chat=None) -> Assistant:  # noqa: ANN001
    """The `mini` assistant for tests that need other files or a chat model: corpus and texts under `folder`.

    It answers with `plain_model`: a corpus of a few sentences lies outside what the shipped model was
    fitted on, and these tests are about everything but the fitted choices (those are tested on the
    sample corpus and measured by `wegwijzer fit --check`)."""
    embedder, store, sentences = HashingEmbedder(), MemoryStore(), MemoryStore()
    corpus = write_corpus(folder / "corpus", files)
    ingest(corpus, embedder, store, folder / "texts", sentence_store=sentences, progress=False)
    return Assistant(Retriever(embedder, store, sentences), plain_model(), chat=chat)


def plain_model() -> AnswerModel:
    """A hand-made answer model whose choices are obvious: sentences ranked by how much of the question
    they cover, answered when one covers it well. For tests of anything but the fitted choices, which on
    a corpus of a few sentences sit outside what they were fitted on (no second sentence, flat idf)."""
    sentence = Logistic(("own_coverage",), (4.0,), -2.0, (0.0,), (1.0,))
    gate = Logistic(("best_own_coverage",), (8.0,), -4.0, (0.0,), (1.0,))
    variant = Variant(sentence, gate, 0.5, 0.5)
    return AnswerModel("plain", variant, variant)
