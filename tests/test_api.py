import pytest
from fastapi.testclient import TestClient

from assistant.core import Assistant
from assistant.embedders import HashingEmbedder
from assistant.retrieval import Retriever
from assistant.settings import Settings
from assistant.stores import MemoryStore
from web.app import create_app


@pytest.fixture
def client(mini: Assistant, tmp_path) -> TestClient:
    return TestClient(create_app(Settings(data_dir=tmp_path / "data"), assistant=mini))


def test_ask_returns_the_contract_shape(client: TestClient):
    r = client.post("/api/ask", json={"question": "Waar kunnen mantelzorgers in Leiderdorp terecht?"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"answer", "refused", "language", "citations", "passages", "mode", "timings_ms"}
    assert body["mode"] == "extractive" and body["refused"] is False
    citation = body["citations"][0]
    assert set(citation) >= {
        "n",
        "document",
        "title",
        "municipality",
        "year",
        "section",
        "text",
        "start",
        "end",
        "url",
        "score",
    }
    assert citation["url"].startswith(f"/documents/{citation['document']}#c-")
    assert set(body["timings_ms"]) == {"retrieve", "generate", "total"}


def test_history_and_audience_are_accepted(client: TestClient):
    r = client.post(
        "/api/ask",
        json={
            "question": "En waar is dat?",
            "audience": "staff",
            "municipality": None,
            "history": [
                {"role": "user", "content": "Welke begeleiding krijgen jongeren in Leiden?"},
                {"role": "assistant", "content": "..."},
            ],
        },
    )
    assert r.status_code == 200 and r.json()["citations"][0]["municipality"] == "Leiden"


@pytest.mark.parametrize(
    "body",
    [
        {"question": ""},
        {"question": "   \n\t "},
        {"question": "x" * 2001},
        {"question": "Waar kan ik terecht? " * 500},  # 10,000 characters
        {},
        {"question": 5},
        {"question": "ok", "audience": "boss"},
        {"question": "ok", "municipality": "Utrecht"},
        {"question": "ok", "history": [{"role": "system", "content": "x"}]},
    ],
)
def test_bad_bodies_get_422(client: TestClient, body: dict):
    r = client.post("/api/ask", json=body)
    assert r.status_code == 422 and "detail" in r.json()


def test_invalid_json_gets_422(client: TestClient):
    r = client.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_a_lone_surrogate_gets_422_not_500(client: TestClient):
    # JSON lets a client escape half a UTF-16 pair; no UTF-8 response can hold it, and FastAPI's own 422 handler,
    # which echoes the input, failed with a 500.
    body = b'{"question": "Waar kan ik \\ud800terecht?", "history": [{"role": "user", "content": "\\udc80"}]}'
    r = client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "question"]


def test_control_characters_are_harmless(client: TestClient):
    r = client.post("/api/ask", json={"question": "mantelzorg\x00\x07 in Leiderdorp\u200b?"})
    assert r.status_code == 200


def test_search_and_health(client: TestClient):
    r = client.get("/api/search", params={"q": "opvangplekken", "k": 3, "municipality": "Leiden"})
    assert r.status_code == 200 and 1 <= len(r.json()["passages"]) <= 3
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["documents"] == 2 and health["chunks"] > 0


def test_missing_index_gives_503_with_the_command(tmp_path):
    empty = Assistant(Retriever(HashingEmbedder(), MemoryStore(), MemoryStore()))
    client = TestClient(create_app(Settings(data_dir=tmp_path), assistant=empty))
    r = client.post("/api/ask", json={"question": "Waar kan ik terecht?"})
    assert r.status_code == 503 and "wegwijzer ingest" in r.json()["detail"]


def test_security_headers(client: TestClient):
    r = client.get("/healthz")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
