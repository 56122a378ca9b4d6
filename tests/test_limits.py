"""Rate limits per client and request-size limits."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from assistant.core import Assistant
from assistant.settings import Settings
from web.app import create_app
from web.limits import RateLimiter

QUESTION = {"question": "Waar kunnen mantelzorgers in Leiderdorp terecht?"}


def test_the_bucket_allows_a_burst_then_refills_at_the_rate():
    limiter = RateLimiter(per_minute=60, burst=2)
    assert limiter.wait_time("a", now=0.0) == 0 and limiter.wait_time("a", now=0.0) == 0
    assert limiter.wait_time("a", now=0.0) == 1.0
    assert limiter.wait_time("b", now=0.0) == 0, "clients have their own bucket"
    assert limiter.wait_time("a", now=1.0) == 0


def test_the_bucket_forgets_the_oldest_clients():
    limiter = RateLimiter(per_minute=60, burst=1, clients=2)
    for client in ("a", "b", "c"):
        limiter.wait_time(client, now=0.0)
    assert limiter.wait_time("a", now=0.0) == 0, "a was forgotten, so it starts with a full bucket"


def _client(mini: Assistant, tmp_path: Path, host: str = "203.0.113.9", **settings) -> TestClient:
    app = create_app(Settings(data_dir=tmp_path, rate_limit_burst=2, **settings), assistant=mini)
    return TestClient(app, client=(host, 5000))


def test_too_many_questions_get_429_with_retry_after(mini: Assistant, tmp_path: Path):
    client = _client(mini, tmp_path)
    assert [client.post("/api/ask", json=QUESTION).status_code for _ in range(2)] == [200, 200]
    r = client.post("/api/ask", json=QUESTION)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1 and "Probeer het over" in r.json()["detail"]
    assert (
        client.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": "hoi"}]}).status_code == 429
    )
    page = client.post("/ask", data={"question": "hoi"}, headers={"Accept": "text/html"}, follow_redirects=False)
    assert page.status_code == 429 and "Even geduld" in page.text
    assert client.get("/").status_code == 200, "reading pages is never limited"


def test_loopback_is_exempt_and_the_limit_can_be_switched_off(mini: Assistant, tmp_path: Path):
    local = _client(mini, tmp_path, host="127.0.0.1")
    assert {local.post("/api/ask", json=QUESTION).status_code for _ in range(4)} == {200}
    off = _client(mini, tmp_path, rate_limit_per_minute=0)
    assert {off.post("/api/ask", json=QUESTION).status_code for _ in range(4)} == {200}


def test_large_and_unsized_bodies_are_refused_before_reading(mini: Assistant, tmp_path: Path):
    client = _client(mini, tmp_path, max_request_kb=4)
    r = client.post("/api/ask", json={"question": "x" * 5000})
    assert r.status_code == 413 and "te groot" in r.json()["detail"]

    def chunks():  # noqa: ANN202
        yield b'{"question": "hoi"}'

    r = client.post("/api/ask", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 411
