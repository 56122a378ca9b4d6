"""Staff document management: upload, checks by content, remove, re-index; refused without the password."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.core import Assistant
from assistant.embedders import HashingEmbedder
from assistant.errors import DocumentRejectedError
from assistant.retrieval import Retriever
from assistant.settings import Settings
from assistant.stores import MemoryStore
from ingest.indexing import ingest
from ingest.library import Library, safe_name
from ingest.loaders import sniff
from tests.conftest import write_corpus
from web.app import create_app

AUTH = ("medewerker", "geheim")
SAME_SITE = {"Origin": "http://testserver"}
NOTE = b"# Vervoer\n\nDe Regiotaxi Holland Rijnland rijdt inwoners met een Wmo-pas naar hun bestemming in de regio.\n"


@pytest.fixture
def setup(tmp_path: Path):  # noqa: ANN201
    corpus = write_corpus(tmp_path / "corpus")
    embedder, store, sentences = HashingEmbedder(), MemoryStore(), MemoryStore()
    ingest(corpus, embedder, store, tmp_path / "data" / "texts", sentence_store=sentences, progress=False)
    assistant = Assistant(Retriever(embedder, store, sentences))
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data", staff_token="geheim")
    library = Library(corpus, tmp_path / "data", max_bytes=50_000)
    return _client(create_app(settings, assistant=assistant, library=library)), library, assistant, corpus


def _client(app, auth=AUTH, headers=SAME_SITE) -> TestClient:  # noqa: ANN001
    client = TestClient(app, headers=headers)
    client.auth = auth
    return client


def _upload(client: TestClient, name: str, data: bytes, **fields):  # noqa: ANN003, ANN202
    return client.post("/staff/documents", files={"file": (name, data)}, data=fields, follow_redirects=False)


def _wait(library: Library) -> dict:
    import threading

    for thread in threading.enumerate():
        if thread.name == "wegwijzer-reindex":
            thread.join(30)
    return library.status()


def test_staff_pages_need_the_password(setup):
    client, *_ = setup
    anonymous = _client(client.app, auth=None)
    assert anonymous.get("/staff").status_code == 401
    assert anonymous.post("/staff/reindex", headers=SAME_SITE).status_code == 401
    r = anonymous.post("/staff/documents", files={"file": ("x.md", NOTE)}, headers=SAME_SITE)
    assert r.status_code == 401
    wrong = _client(client.app, auth=("medewerker", "fout"))
    assert wrong.get("/staff").status_code == 401


def test_an_upload_is_kept_described_and_indexed(setup):
    client, library, assistant, corpus = setup
    r = _upload(client, "vervoer (regio) [2025].md", NOTE, title="Vervoer", municipality="Leiden", year="2025")
    assert r.status_code == 303, r.text
    assert (corpus / "vervoer (regio) [2025].md").read_bytes() == NOTE
    entry = next(e for e in json.loads((corpus / "sources.json").read_text()) if e["file"].startswith("vervoer"))
    assert entry == {
        "file": "vervoer (regio) [2025].md",
        "title": "Vervoer",
        "kind": "beleid",
        "municipality": "Leiden",
        "year": 2025,
    }
    status = _wait(library)
    assert status["state"] == "done" and status["added"] == ["vervoer (regio) [2025].md"]
    found = assistant.search("Hoe kom ik met de Regiotaxi naar mijn bestemming in Leiden?")
    assert found[0].document == "vervoer (regio) [2025].md"
    page = client.get("/staff")
    assert "vervoer (regio) [2025].md" in page.text and "Klaar om" in page.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("nota.pdf", b"dit is geen pdf", "de inhoud is dat niet"),
        ("nota.docx", b"PK\x03\x04 kapot", "de inhoud is dat niet"),
        ("kapot.pdf", b"%PDF-1.4 niets daarna", "niet te lezen"),
        ("leeg.md", b"   \n", "leeg"),
        ("nota.exe", b"MZ", "Kies een bestand"),
        ("latin.txt", "Café in één straat".encode("cp1252"), None),
        ("groot.md", b"x " * 30_000, "te groot"),
    ],
)
def test_bad_uploads_get_a_clear_message_and_nothing_is_kept(setup, name: str, data: bytes, message: str | None):
    client, library, _, corpus = setup
    before = sorted(p.name for p in corpus.iterdir())
    r = _upload(client, name, data)
    if message is None:  # not UTF-8, but readable text: kept
        assert r.status_code == 303
        return
    assert r.status_code in (413, 422) and message in r.text
    assert sorted(p.name for p in corpus.iterdir()) == before


def test_an_existing_name_is_replaced_only_when_asked(setup):
    client, library, *_ = setup
    assert _upload(client, "nota.md", NOTE).status_code == 303
    assert "bestaat al" in _upload(client, "nota.md", NOTE + b"\nMeer.\n").text
    assert _upload(client, "nota.md", NOTE + b"\nMeer.\n", replace="ja").status_code == 303
    _wait(library)


def test_a_removed_document_leaves_the_index(setup):
    client, library, assistant, corpus = setup
    r = client.post("/staff/documents/delete", data={"name": "leiden_jeugd.md"}, follow_redirects=False)
    assert r.status_code == 303 and not (corpus / "leiden_jeugd.md").exists()
    assert _wait(library)["removed"] == ["leiden_jeugd.md"]
    assert "leiden_jeugd.md" not in assistant.retriever.documents()
    assert client.post("/staff/documents/delete", data={"name": "../../etc/passwd"}).status_code == 404


def test_changes_from_another_site_are_refused(setup):
    client, *_ = setup
    r = client.post("/staff/reindex", headers={"Origin": "https://kwaadwillig.example"}, follow_redirects=False)
    assert r.status_code == 403
    r = _client(client.app, headers={}).post("/staff/reindex", follow_redirects=False)
    assert r.status_code == 403, "no Origin or Referer at all"


def test_uploads_survive_a_restart(setup, tmp_path: Path):
    client, library, assistant, corpus = setup
    assert _upload(client, "blijft.md", NOTE).status_code == 303
    _wait(library)
    again = Library(corpus, tmp_path / "data")
    assert "blijft.md" in {d["file"] for d in again.documents()} and again.status()["state"] == "done"


def test_names_and_content_types():
    assert safe_name("../../etc/nota (v2) [def].md") == "nota (v2) [def].md"
    assert safe_name(".verborgen.txt") == "verborgen.txt"
    with pytest.raises(DocumentRejectedError):
        safe_name("script.sh")
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert sniff(docx.getvalue()) == "docx" and sniff(b"%PDF-1.7") == "pdf"
    assert sniff(b"<!DOCTYPE html><html>") == "html" and sniff(b"# Kop\n") == "text" and sniff(b"\x00\x01") == "other"


def test_a_bad_sources_json_is_named_on_the_staff_page_and_blocks_uploads(setup):
    client, _, _, corpus = setup
    (corpus / "sources.json").write_text('[{"file": "leiden_jeugd.md", "year": "twee"}]', encoding="utf-8")
    before = sorted(p.name for p in corpus.iterdir())
    page = client.get("/staff")
    assert page.status_code == 200 and "&#34;year&#34; van leiden_jeugd.md moet een jaartal zijn" in page.text
    r = _upload(client, "vervoer.md", NOTE, title="Vervoer")
    assert r.status_code == 422 and "moet een jaartal zijn" in r.text and "Verwacht: een lijst" in r.text
    assert sorted(p.name for p in corpus.iterdir()) == before
