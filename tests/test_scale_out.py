"""Scale out: one Chroma server, several stateless uvicorn workers, one shared data folder.

What staff change through any worker (a new document, indexed into the Chroma server) is what
every worker answers from; feedback lands in the one shared database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port, plain_model, wait_for_port, write_corpus

pytestmark = pytest.mark.integration

NOTE = b"# Vervoer\n\nDe Regiotaxi Holland Rijnland rijdt inwoners van Leiden met een Wmo-pas door de regio.\n"


def test_several_workers_share_one_chroma_server(chroma_server: str, e5_model_dir: Path, tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus")
    plain = tmp_path / "plain-model.json"
    plain.write_text(json.dumps(plain_model().to_json()), encoding="utf-8")
    env = {
        **os.environ,
        "OMP_NUM_THREADS": "1",  # two workers on two cores: one thread each
        "WEGWIJZER_CORPUS_DIR": str(corpus),
        "WEGWIJZER_DATA_DIR": str(tmp_path / "data"),
        "WEGWIJZER_CHROMA_URL": chroma_server,
        "WEGWIJZER_COLLECTION": "scale-out",
        "WEGWIJZER_EMBEDDING_MODEL": str(e5_model_dir),
        "WEGWIJZER_STAFF_TOKEN": "geheim",
        # Sharing one index is under test, not the fitted choices (a corpus of a few sentences lies outside them).
        "WEGWIJZER_ANSWER_MODEL": str(plain),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    cli = Path(sys.executable).with_name("wegwijzer")
    subprocess.run([str(cli), "ingest", "--quiet"], env=env, check=True, timeout=300)
    port = free_port()
    workers = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "wegwijzer.app:create", "--factory", "--workers", "2"]
        # uvicorn kills a worker that does not answer its health check within 5 s; a worker busy
        # embedding on a loaded 2-core machine can take longer (see the README's deployment notes).
        + ["--timeout-worker-healthcheck", "60", "--log-level", "info"]
        + ["--host", "127.0.0.1", "--port", str(port)],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_port(port, 120)
        with httpx.Client(base_url=base, timeout=120) as http:
            for _ in range(240):  # both workers load the model at start-up
                if http.get("/healthz").status_code == 200:
                    break
                time.sleep(0.5)
            assert http.get("/healthz").json()["documents"] == 2

            def ask(question: str) -> dict:
                r = httpx.post(f"{base}/api/ask", json={"question": question}, timeout=120)
                assert r.status_code == 200, r.text
                return r.json()

            questions = [
                "Waar kunnen mantelzorgers in Leiderdorp terecht?",
                "Welke begeleiding krijgen jongeren in Leiden?",
            ] * 5
            with ThreadPoolExecutor(8) as pool:
                answers = list(pool.map(ask, questions))
            assert all(a["citations"] for a in answers)

            # A document added through one worker is indexed into the shared server and answered by all.
            staff = {"auth": ("medewerker", "geheim"), "headers": {"Origin": base}}
            upload = {"files": {"file": ("regiotaxi.md", NOTE)}, "data": {"municipality": "Leiden"}}
            r = http.post("/staff/documents", follow_redirects=False, **upload, **staff)
            assert r.status_code == 303, r.text
            for _ in range(240):
                if "Klaar om" in http.get("/staff/status", **staff).text:
                    break
                time.sleep(0.5)
            with ThreadPoolExecutor(8) as pool:
                after = list(pool.map(ask, ["Hoe werkt de Regiotaxi in Leiden?"] * 8))
            assert all("regiotaxi.md" in {c["document"] for c in a["citations"]} for a in after)
    finally:
        workers.terminate()
        workers.wait(30)
