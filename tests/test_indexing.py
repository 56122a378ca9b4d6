from dataclasses import replace
from pathlib import Path

import pytest

from assistant.embedders import HashingEmbedder
from assistant.retrieval import Retriever
from assistant.stores import MemoryStore
from assistant.versions import text_path
from ingest.indexing import ingest
from ingest.sources import write_entry
from tests.conftest import write_corpus


def _run(corpus: Path, tmp_path: Path, store: MemoryStore, sentences: MemoryStore):
    return ingest(corpus, HashingEmbedder(), store, tmp_path / "texts", sentence_store=sentences, progress=False)


def test_ingest_adds_then_skips_then_updates_and_removes(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus")
    store, sentences = MemoryStore(), MemoryStore()
    first = _run(corpus, tmp_path, store, sentences)
    assert sorted(first.added) == ["leiden_jeugd.md", "leiderdorp_mantelzorg.md"]
    count = store.count()
    assert count > 0 and sentences.count() > count

    again = _run(corpus, tmp_path, store, sentences)
    assert again.added == again.updated == again.removed == [] and len(again.unchanged) == 2
    assert store.count() == count

    (corpus / "leiden_jeugd.md").write_text(
        "# Nieuw\n\nDe Leidse tekst is helemaal veranderd en gaat nu over iets anders.\n"
    )
    (corpus / "leiderdorp_mantelzorg.md").unlink()
    # Its description goes with it: an entry for a missing file stops ingest (see test_sources).
    (corpus / "sources.json").write_bytes(write_entry(corpus, "leiderdorp_mantelzorg.md", None))
    changed = _run(corpus, tmp_path, store, sentences)
    assert changed.updated == ["leiden_jeugd.md"] and changed.removed == ["leiderdorp_mantelzorg.md"]
    assert {c.document for c, _ in store.all()} == {"leiden_jeugd.md"}
    assert all("veranderd" in c.text or "Nieuw" in c.text for c, _ in store.all())
    assert not list((tmp_path / "texts").glob("leiderdorp_mantelzorg.md*"))


def test_metadata_comes_from_sources_json_or_the_file_name(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "leidschendam-voorburg_nota-2024.txt").write_text("Een korte nota over de Wmo in de gemeente.\n")
    store = MemoryStore()
    _run(corpus, tmp_path, store, MemoryStore())
    metas = {c.document: m for c, m in store.all()}
    assert metas["leiden_jeugd.md"]["title"] == "Jeugd en opvang"
    assert metas["leidschendam-voorburg_nota-2024.txt"]["municipality"] == "Leidschendam-Voorburg"
    assert metas["leidschendam-voorburg_nota-2024.txt"]["year"] == 2024


def test_bad_files_are_reported_and_the_rest_is_indexed(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "kapot.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (corpus / "leeg.txt").write_text("   \n")
    report = _run(corpus, tmp_path, MemoryStore(), MemoryStore())
    assert set(report.errors) == {"kapot.pdf", "leeg.txt"}
    assert len(report.added) == 2


def test_offsets_point_into_the_stored_text(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus")
    store = MemoryStore()
    _run(corpus, tmp_path, store, MemoryStore())
    for chunk, _ in store.all():
        stored = text_path(tmp_path / "texts", chunk.document, chunk.version).read_text(encoding="utf-8")
        assert chunk.text.split("\n")[0] in stored[chunk.start : chunk.end]


class _Interrupted(Exception):
    pass


class _StopsAfter(HashingEmbedder):
    """Embeds `calls` batches, then fails as if the process died: nothing after it runs."""

    def __init__(self, calls: int) -> None:
        super().__init__()
        self.calls = calls

    def embed_documents(self, texts):
        if self.calls == 0:
            raise _Interrupted
        self.calls -= 1
        return super().embed_documents(texts)


def _served_view(store: MemoryStore, sentences: MemoryStore, texts: Path) -> dict[str, str]:
    """What a fresh reader sees: document -> served text, checked to be one whole version."""
    retriever = Retriever(HashingEmbedder(), store, sentences)
    out = {}
    for document, meta in retriever.documents().items():
        text = text_path(texts, document, meta["version"]).read_text(encoding="utf-8")
        for passage in retriever.chunks_of(document):
            assert text[passage.start : passage.end].startswith(passage.text.split("\n")[0][:20])
        out[document] = text
    return out


@pytest.mark.parametrize("calls", range(2))  # one call per changed passage
def test_an_interrupted_ingest_leaves_the_previous_index_served_and_the_next_one_completes(tmp_path: Path, calls: int):
    corpus = write_corpus(tmp_path / "corpus")
    texts = tmp_path / "texts"
    store, sentences = MemoryStore(), MemoryStore()
    ingest(corpus, HashingEmbedder(), store, texts, sentence_store=sentences, progress=False)
    before = _served_view(store, sentences, texts)

    (corpus / "leiden_jeugd.md").write_text("# Nieuw\n\nDe Leidse tekst is veranderd. Hij gaat over iets anders.\n")
    (corpus / "nieuw.md").write_text("# Extra\n\nEen nieuw document over de Wmo en de huishoudelijke hulp.\n")
    with pytest.raises(_Interrupted):
        ingest(corpus, _StopsAfter(calls), store, texts, sentence_store=sentences, progress=False, batch_size=1)

    during = _served_view(store, sentences, texts)
    assert set(before) <= set(during) <= set(before) | {"nieuw.md"}
    for document, text in during.items():
        assert text in (before.get(document), (corpus / document).read_text(encoding="utf-8"))

    finish = ingest(corpus, HashingEmbedder(), store, texts, sentence_store=sentences, progress=False)
    assert not finish.errors
    fresh_store, fresh_sentences = MemoryStore(), MemoryStore()
    ingest(corpus, HashingEmbedder(), fresh_store, tmp_path / "fresh", sentence_store=fresh_sentences, progress=False)
    assert {c.id for c, _ in store.all()} == {c.id for c, _ in fresh_store.all()}
    assert {c.id for c, _ in sentences.all()} == {c.id for c, _ in fresh_sentences.all()}
    assert sorted(p.name for p in texts.iterdir()) == sorted(p.name for p in (tmp_path / "fresh").iterdir())


def test_a_resumed_ingest_embeds_only_what_was_not_stored(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus")
    store, sentences = MemoryStore(), MemoryStore()
    with pytest.raises(_Interrupted):
        ingest(corpus, _StopsAfter(1), store, tmp_path / "t", sentence_store=sentences, progress=False, batch_size=1)
    stored = store.count() + sentences.count()
    assert store.count() == 1 and sentences.count() > 0  # one call: one passage, with its sentences

    counting = _Counting()
    ingest(corpus, counting, store, tmp_path / "t", sentence_store=sentences, progress=False)
    assert counting.texts == store.count() + sentences.count() - stored


class _Counting(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.texts = 0

    def embed_documents(self, texts):
        self.texts += len(texts)
        return super().embed_documents(texts)


def test_an_index_from_before_versions_is_replaced_on_the_next_ingest(tmp_path: Path):
    corpus = write_corpus(tmp_path / "corpus")
    store = MemoryStore()
    ingest(corpus, HashingEmbedder(), store, tmp_path / "texts", progress=False)
    # What an older release stored: no version, parts or indexed_at.
    legacy = MemoryStore()
    for chunk, meta in store.all():
        old = {k: v for k, v in meta.items() if k not in ("version", "parts", "indexed_at")}
        legacy.add([replace(chunk, version="")], [[1.0]], [old])
    ingest(corpus, HashingEmbedder(), legacy, tmp_path / "texts", progress=False)
    assert {c.id for c, _ in legacy.all()} == {c.id for c, _ in store.all()}


def test_awkward_documents_are_read_or_reported_and_the_rest_is_indexed(tmp_path: Path, monkeypatch):
    from ingest import indexing

    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "oud (cp1252) [def].txt").write_bytes("Café Één: de Wmo-consulent komt op huisbezoek.".encode("cp1252"))
    (corpus / "kapot.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (corpus / "leeg.md").write_text("")
    (corpus / "kopie van leiden_jeugd.md").write_bytes((corpus / "leiden_jeugd.md").read_bytes())
    (corpus / "enorm.txt").write_text("woord " * 2000)
    monkeypatch.setattr(indexing, "MAX_FILE_BYTES", 10_000)
    store = MemoryStore()
    report = _run(corpus, tmp_path, store, MemoryStore())
    assert set(report.errors) == {"kapot.docx", "leeg.md", "enorm.txt"}
    assert "groter dan" in report.errors["enorm.txt"]
    assert {"oud (cp1252) [def].txt", "kopie van leiden_jeugd.md"} <= set(report.added)
    texts = {c.document: c.text for c, _ in store.all()}
    assert "Café Één" in texts["oud (cp1252) [def].txt"]
