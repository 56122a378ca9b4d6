import pytest
from fastapi.testclient import TestClient

from assistant.core import Assistant
from assistant.settings import Settings
from web.app import create_app
from web.chat import answer_lines


@pytest.fixture
def client(mini: Assistant, tmp_path) -> TestClient:
    return TestClient(create_app(Settings(data_dir=tmp_path, staff_token="geheim"), assistant=mini))


def test_empty_chat_page_shows_examples(client: TestClient):
    r = client.get("/")
    assert r.template.name == "chat.html"
    assert r.context["turns"] == [] and r.context["examples"]
    assert r.context["municipalities"] == ["Leiden", "Leiderdorp"]


def test_plain_form_post_redirects_to_the_conversation(client: TestClient):
    r = client.post(
        "/ask", data={"question": "Waar kunnen mantelzorgers in Leiderdorp terecht?"}, follow_redirects=False
    )
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    (turn,) = page.context["turns"]
    assert turn["question"].startswith("Waar kunnen mantelzorgers")
    assert any(part.get("cite") == 1 for line in turn["lines"] for part in line)


def test_htmx_post_streams_the_answer_then_the_finished_turn(client: TestClient):
    r = client.post("/ask", data={"question": "Wie helpt jongeren in Leiden?"}, headers={"HX-Request": "true"})
    assert r.template.name == "_pending.html"
    assert r.headers["HX-Push-Url"].startswith("/?c=")
    stream = client.get(f"/ask/stream/{r.context['pending']}")
    assert stream.headers["content-type"].startswith("text/event-stream")
    events = [block for block in stream.text.split("\n\n") if block]
    assert events[0].startswith("event: partial") and events[-1].startswith("event: done")
    assert "SouthPark" in events[-1] and 'class="turn"' in events[-1]
    # A stream runs once: replaying it gets a message, not a second answer.
    again = client.get(f"/ask/stream/{r.context['pending']}")
    assert "verlopen" in again.text


def test_follow_up_in_the_same_conversation_uses_history(client: TestClient):
    first = client.post(
        "/ask", data={"question": "Welke begeleiding krijgen jongeren in Leiden?"}, follow_redirects=False
    )
    conversation = first.headers["location"].split("c=")[1].split("&")[0]
    client.post("/ask", data={"question": "En waar is dat?", "c": conversation})
    turns = client.get(f"/?c={conversation}").context["turns"]
    assert len(turns) == 2 and turns[1]["answer"]["citations"][0]["municipality"] == "Leiden"


def test_empty_question_shows_an_error(client: TestClient):
    r = client.post("/ask", data={"question": "  "})
    assert r.status_code == 422 and r.template.name == "chat.html" and r.context["error"]


def test_answer_lines_build_citation_links_from_data():
    answer = {
        "answer": "Zin één [1].\nZin <b>twee</b> [2] en [9].",
        "citations": [{"n": 1, "url": "/documents/a.txt#c-1"}, {"n": 2, "url": "/documents/b.txt#c-2"}],
    }
    lines = answer_lines(answer, "abcdefghijkl")
    assert lines[0] == [{"text": "Zin één "}, {"cite": 1, "url": "/documents/a.txt?c=abcdefghijkl#c-1"}, {"text": "."}]
    # An unknown marker stays text; HTML stays text for the template to escape.
    assert lines[1][-1] == {"text": " en [9]."} and lines[1][0] == {"text": "Zin <b>twee</b> "}


def test_document_view_marks_the_passages(client: TestClient):
    answer = client.post("/api/ask", json={"question": "Waar kunnen mantelzorgers in Leiderdorp terecht?"}).json()
    url = answer["citations"][0]["url"]
    r = client.get(url.split("#")[0])
    assert r.template.name == "document.html"
    ids = [s["id"] for s in r.context["segments"] if "id" in s]
    assert url.split("#")[1] in ids
    assert client.get("/documents/../../etc/passwd").status_code == 404


def test_feedback_is_stored_and_exported_for_staff_only(client: TestClient):
    asked = client.post("/ask", data={"question": "Wie helpt jongeren in Leiden?"}, follow_redirects=False)
    turn_id = int(asked.headers["location"].rsplit("#turn-", 1)[1])
    assert client.app.state.storage.feedback() == []
    sent = client.post("/feedback", data={"turn": turn_id, "vote": 1, "comment": "Duidelijk"}, follow_redirects=False)
    assert sent.status_code == 303
    assert client.get("/staff/feedback").status_code == 401
    r = client.get("/staff/feedback", auth=("medewerker", "geheim"))
    assert r.template.name == "feedback.html" and r.context["rows"][0]["comment"] == "Duidelijk"
    csv = client.get("/staff/feedback.csv", auth=("x", "geheim"))
    assert "Duidelijk" in csv.text and csv.headers["content-type"].startswith("text/csv")


def test_documents_page_lists_chunk_counts(client: TestClient):
    r = client.get("/documents")
    docs = dict(r.context["documents"])
    assert docs["leiden_jeugd.md"]["chunks"] >= 1 and docs["leiden_jeugd.md"]["municipality"] == "Leiden"


def test_browsers_get_friendly_error_pages_and_the_api_keeps_json(client: TestClient):
    page = client.get("/documents/onbekend.txt", headers={"accept": "text/html"})
    assert page.status_code == 404 and page.template.name == "error.html"
    assert page.context["title"] == "Niet gevonden"
    staff = client.get("/staff/feedback", headers={"accept": "text/html"})
    assert staff.status_code == 401 and "WWW-Authenticate" in staff.headers
    api = client.get("/api/search", params={"q": ""}, headers={"accept": "text/html"})
    assert api.status_code == 422 and "detail" in api.json()


def test_personal_details_are_not_stored(client: TestClient):
    asked = client.post(
        "/ask", data={"question": "Mijn BSN is 111222333, wie helpt jongeren in Leiden?"}, follow_redirects=False
    )
    turn_id = int(asked.headers["location"].rsplit("#turn-", 1)[1])
    stored = client.app.state.storage.turn(turn_id)
    assert "111222333" not in stored.question and "[persoonsgegeven]" in stored.question
    assert "SouthPark" in stored.answer["answer"]
    client.post("/feedback", data={"turn": turn_id, "vote": -1, "comment": "mail me: a@b.nl"})
    assert "a@b.nl" not in client.app.state.storage.feedback()[0]["comment"]


def test_a_language_model_answer_streams_as_a_draft_then_shows_verified(mini: Assistant, tmp_path):
    from assistant.chat_models import ScriptedChatModel

    chat = ScriptedChatModel("U kunt terecht bij Incluzio Leiderdorp [1]. Zij geven iedereen € 900 [1].")
    client = TestClient(create_app(Settings(data_dir=tmp_path), assistant=Assistant(mini.retriever, chat=chat)))
    r = client.post(
        "/ask", data={"question": "Waar kunnen mantelzorgers in Leiderdorp terecht?"}, headers={"HX-Request": "true"}
    )
    events = [b for b in client.get(f"/ask/stream/{r.context['pending']}").text.split("\n\n") if b]
    assert events[0].startswith("event: partial") and "Concept" in events[0]
    done = events[-1]
    assert "Incluzio" in done and "900" not in done and "Geschreven door een taalmodel" in done


def test_a_document_with_spaces_and_brackets_in_its_name_opens(tmp_path):
    from urllib.parse import quote

    from assistant.embedders import HashingEmbedder
    from assistant.retrieval import Retriever
    from assistant.stores import MemoryStore
    from ingest.indexing import ingest
    from tests.conftest import MINI_CORPUS, write_corpus

    name = "nota (v2) [def] & co.md"
    corpus = write_corpus(
        tmp_path / "corpus", {**MINI_CORPUS, name: "# Nota\n\nDe Wmo-consulent komt op huisbezoek.\n"}
    )
    embedder, store = HashingEmbedder(), MemoryStore()
    ingest(corpus, embedder, store, tmp_path / "texts", progress=False)
    client = TestClient(create_app(Settings(data_dir=tmp_path), assistant=Assistant(Retriever(embedder, store))))
    page = client.get(f"/documents/{quote(name)}")
    assert page.status_code == 200 and "huisbezoek" in page.text
    assert client.get("/documents/" + quote("../../etc/passwd")).status_code == 404


def test_a_quote_of_two_sentences_is_marked_across_the_line_break_between_them():
    from web.documents import marked

    text = "Het CJG is er voor opvoedvragen.\nOuders kunnen hier terecht met al hun vragen. Daarna volgt meer."
    parts = marked(text, ["Het CJG is er voor opvoedvragen. Ouders kunnen hier terecht met al hun vragen."])
    # The closing full stop stays unmarked, as for every quote.
    assert [p["text"] for p in parts if p.get("cited")] == [text[: text.index(". Daarna")]]


def test_a_quoted_rule_is_marked_without_its_article_label():
    from web.documents import cited_sentences, marked

    answer = {
        "answer": "Dit staat in de documenten:\nArtikel 5.2: De bijstand is € 40 per maand [1].\nIets anders [2].",
        "citations": [{"n": 1, "url": "/documents/r.md#c-1", "municipality": "Ergens"}],
    }
    chunk, quoted = cited_sentences(answer, 1)
    assert (chunk, quoted) == ("c-1", ["De bijstand is € 40 per maand."])
    text = "## Artikel 5.2 Warmte\n3. De bijstand is € 40 per maand.\n4. Meer."
    assert [p["text"] for p in marked(text, quoted) if p.get("cited")] == ["De bijstand is € 40 per maand"]


def test_a_quoted_table_row_marks_its_cells_on_their_own_lines_and_a_labelled_row_its_description():
    from web.documents import marked

    text = (
        "Omschrijving\n\n2021 (b)\n\n% jongeren in Zwolle dat weet waar ze terechtkunnen\n\n14%\n\n35%\n\nDaarna tekst."
    )
    row = "% jongeren in Zwolle dat weet waar ze terechtkunnen · 14% · 35%"
    (whole,) = [p["text"] for p in marked(text, [row]) if p.get("cited")]
    assert whole == text[text.index("% jongeren") : text.index("35%") + 3]
    (description,) = [
        p["text"]
        for p in marked(text, ["% jongeren in Zwolle dat weet waar ze terechtkunnen · 2021 (b): 35%"])
        if p.get("cited")
    ]
    assert description == "% jongeren in Zwolle dat weet waar ze terechtkunnen"
    # Too little of a quote found is not marked: a few words could stand anywhere.
    assert not [p for p in marked(text, ["Omschrijving van iets heel anders dat hier niet staat"]) if p.get("cited")]


def test_a_list_quoted_for_one_item_is_marked_at_its_lead_in_and_that_item():
    from web.documents import marked

    text = "De kosten zijn als volgt: a. categorie 1: € 133,-; b. categorie 2: € 230,-; c. categorie 3: € 306,-."
    parts = marked(text, ["De kosten zijn als volgt: c. categorie 3: € 306,-;"])
    assert [p["text"] for p in parts if p.get("cited")] == ["De kosten zijn als volgt:", "c. categorie 3: € 306,-"]
