"""The real page in a real browser: Debian's chromium driven by Playwright, against uvicorn on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.embedders import HashingEmbedder
from assistant.retrieval import Retriever
from assistant.settings import Settings
from assistant.stores import MemoryStore
from ingest.indexing import ingest
from ingest.library import Library
from tests.conftest import MINI_CORPUS, plain_model, serving, write_corpus

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"),
]
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
STAFF_PASSWORD = "browser-geheim"
# Set WEGWIJZER_TEST_SCREENSHOTS=DIR to keep screenshots of what the tests saw.
SCREENSHOTS = Path(os.environ["WEGWIJZER_TEST_SCREENSHOTS"]) if os.environ.get("WEGWIJZER_TEST_SCREENSHOTS") else None
HOSTILE = "leiden_onveilig.md"
CORPUS = {
    **MINI_CORPUS,
    HOSTILE: "# Onveilige tekst\n\nDeze notitie over jeugdhulp in Leiden bevat <script>alert(1)</script> en "
    "<img src=x onerror=alert(2)> als gewone tekst over jeugdhulp en veiligheid.\n",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:

    from web.app import create_app

    root = tmp_path_factory.mktemp("browser")
    embedder, store, sentences = HashingEmbedder(), MemoryStore(), MemoryStore()
    ingest(
        write_corpus(root / "corpus", CORPUS), embedder, store, root / "texts", sentence_store=sentences, progress=False
    )
    settings = Settings(corpus_dir=root / "corpus", data_dir=root, staff_token=STAFF_PASSWORD)
    app = create_app(
        settings,
        # The pages are under test, not the fitted choices (a corpus of a few sentences lies outside them).
        assistant=Assistant(Retriever(embedder, store, sentences), plain_model()),
        library=Library(root / "corpus", root),
    )
    with serving(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    # A blocked script or style (Content-Security-Policy) or a JavaScript error fails the test.
    assert errors == []


def ask(page, question: str) -> None:
    page.fill("#question", question)
    page.click(".ask-form button[type=submit]")


def last_answer(page):
    turn = page.locator("#conversation article.turn:not(.pending)").last
    turn.locator(".answer a.cite").first.wait_for(timeout=10_000)
    return turn


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_ask_see_cited_answer_and_open_the_highlighted_passage(page, server):
    page.goto(server)
    assert serious_violations(page) == []
    ask(page, "Waar kunnen mantelzorgers in Leiderdorp terecht?")
    turn = last_answer(page)
    assert "Incluzio" in turn.locator(".answer").inner_text()
    assert turn.locator(".sources li").count() >= 1
    # The finished answer is announced once, in the live region.
    page.wait_for_function("document.getElementById('announce').textContent.includes('Incluzio')")
    assert serious_violations(page) == []

    turn.locator(".answer a.cite").first.click()
    page.wait_for_url("**/documents/**")
    target = page.locator(".chunk:target")
    assert target.count() == 1 and "Incluzio" in target.inner_text()
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    # The passage is marked lightly, the sentence the answer quoted strongly.
    cited = target.locator("mark.cited")
    assert cited.count() >= 1 and "Incluzio" in cited.first.inner_text()
    assert len(cited.first.inner_text()) < len(target.inner_text())
    colours = target.evaluate(
        "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e.querySelector('mark')).backgroundColor]"
    )
    assert colours[0] != colours[1]
    page.screenshot(path=str(SCREENSHOTS / "document-view.png")) if SCREENSHOTS else None
    assert serious_violations(page) == []

    page.click("text=Terug naar het gesprek")
    assert page.locator("#conversation article.turn").count() == 1


def test_follow_up_question_uses_the_conversation_and_survives_reload(page, server):
    page.goto(server)
    ask(page, "Welke begeleiding krijgen jongeren in Leiden?")
    last_answer(page)
    ask(page, "En waar is dat?")
    page.locator("#conversation article.turn:not(.pending)").nth(1).locator("a.cite").first.wait_for()
    second = page.locator("#conversation article.turn").nth(1)
    assert "SouthPark" in second.inner_text()
    page.reload()
    assert page.locator("#conversation article.turn").count() == 2
    page.click("text=Nieuw gesprek beginnen")
    assert page.locator("#conversation article.turn").count() == 0


def test_the_same_flow_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server)
    ask(page, "Waar kunnen mantelzorgers in Leiderdorp terecht?")
    page.wait_for_url("**/?c=**")
    turn = page.locator("article.turn").last
    assert "Incluzio" in turn.inner_text()
    turn.locator("a.cite").first.click()
    assert page.locator(".chunk:target").count() == 1
    context.close()


def test_keyboard_only(page, server):
    page.goto(server)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == "question":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "question"
    page.keyboard.type("Waar kunnen mantelzorgers in Leiderdorp terecht?")
    page.keyboard.press("Enter")
    last_answer(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('cite')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/documents/**")
    assert page.locator(".chunk:target").count() == 1


def test_html_in_documents_and_questions_is_shown_as_text(page, server):
    page.goto(f"{server}/documents/{HOSTILE}")
    assert "<script>alert(1)</script>" in page.locator(".document-text").inner_text()
    page.goto(server)
    ask(page, "Wat staat er over jeugdhulp in Leiden? <img src=x onerror=alert(3)><script>alert(4)</script>")
    turn = page.locator("#conversation article.turn:not(.pending)").last
    turn.wait_for()
    assert "<img src=x onerror=alert(3)>" in turn.locator(".question").inner_text()
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_an_empty_question_gets_a_clear_message_next_to_the_form(page, server):
    page.goto(server)
    page.fill("#question", "   ")
    page.click(".ask-form button[type=submit]")
    page.locator("#form-error .error").wait_for()
    assert "Typ eerst een vraag" in page.locator("#form-error").inner_text()
    assert page.locator("#conversation article.turn").count() == 0


def test_staff_upload_a_document_see_it_indexed_and_answered_from(browser, server):
    anonymous = browser.new_context()
    assert anonymous.request.get(f"{server}/staff").status == 401
    refused = anonymous.request.post(f"{server}/staff/reindex", headers={"Origin": server})
    assert refused.status == 401
    anonymous.close()

    context = browser.new_context(http_credentials={"username": "medewerker", "password": STAFF_PASSWORD})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{server}/staff")
    assert serious_violations(page) == []
    note = "# Vervoer\n\nDe Regiotaxi Holland Rijnland rijdt inwoners van Leiden met een Wmo-pas door de regio.\n"
    page.set_input_files(
        "#file", files=[{"name": "regiotaxi (2025).md", "mimeType": "text/markdown", "buffer": note.encode()}]
    )
    page.fill("#title", "Vervoer in de regio")
    page.fill("#municipality-in", "Leiden")
    page.click("form.upload button[type=submit]")
    page.get_by_text("Klaar om").wait_for(timeout=20_000)  # the status polls until indexing is done
    assert "regiotaxi (2025).md" in page.locator("table.documents").inner_text()

    page.goto(server)
    ask(page, "Hoe werkt de Regiotaxi in Leiden?")
    turn = last_answer(page)
    assert "Vervoer in de regio" in turn.locator(".sources").inner_text()
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory) -> Iterator[str]:
    """The page with a (scripted, slow) language model behind it: the draft streams, then the verified answer."""
    import time as clock

    from assistant.chat_models import ScriptedChatModel
    from web.app import create_app

    class Slow(ScriptedChatModel):
        def stream(self, messages):  # noqa: ANN001, ANN202
            for piece in super().stream(messages):
                clock.sleep(0.05)
                yield piece

    root = tmp_path_factory.mktemp("browser-llm")
    embedder, store, sentences = HashingEmbedder(), MemoryStore(), MemoryStore()
    ingest(write_corpus(root / "corpus"), embedder, store, root / "texts", sentence_store=sentences, progress=False)
    chat = Slow(
        "U kunt terecht bij Incluzio Leiderdorp [1]. Iedere mantelzorger krijgt € 750 per jaar [1]. "
        "Incluzio biedt ook respijtzorg, zodat u de zorg langer volhoudt [1]."
    )
    app = create_app(Settings(data_dir=root), assistant=Assistant(Retriever(embedder, store, sentences), chat=chat))
    with serving(app) as url:
        yield url


def test_a_generated_answer_streams_as_a_draft_then_shows_verified(page, llm_server):
    page.goto(llm_server)
    ask(page, "Waar kunnen mantelzorgers in Leiderdorp terecht?")
    page.locator(".draft-note").wait_for(timeout=10_000)
    turn = last_answer(page)
    text = turn.locator(".answer").inner_text()
    assert "Incluzio Leiderdorp" in text and "750" not in text and "Geschreven door een taalmodel" in text
    assert page.locator(".draft-note").count() == 0


def test_a_declined_question_shows_related_passages_as_related_not_as_sources(page, server):
    page.goto(server)
    ask(page, "Wat is het telefoonnummer van Incluzio Leiderdorp?")
    turn = page.locator("#conversation article.turn:not(.pending)").last
    turn.locator(".answer.refused").wait_for(timeout=10_000)
    assert "Neem contact op met de gemeente Leiderdorp" in turn.locator(".answer").inner_text()
    related = turn.locator("ul.related li")
    assert 1 <= related.count() <= 3
    assert "Verwante passages" in turn.inner_text() and turn.locator(".answer a.cite").count() == 0
    assert turn.locator("ol.sources").count() == 0  # nothing shown as a source of the refusal
    assert serious_violations(page) == []
    related.first.locator("a").click()
    page.wait_for_url("**/documents/**")
    assert serious_violations(page) == []
