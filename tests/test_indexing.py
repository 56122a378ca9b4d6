from pathlib import Path

from assistant.embedders import HashingEmbedder
from assistant.stores import MemoryStore
from ingest.indexing import ingest, text_path
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
    changed = _run(corpus, tmp_path, store, sentences)
    assert changed.updated == ["leiden_jeugd.md"] and changed.removed == ["leiderdorp_mantelzorg.md"]
    assert {c.document for c, _ in store.all()} == {"leiden_jeugd.md"}
    assert all("veranderd" in c.text or "Nieuw" in c.text for c, _ in store.all())
    assert not text_path(tmp_path / "texts", "leiderdorp_mantelzorg.md").exists()


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
        stored = text_path(tmp_path / "texts", chunk.document).read_text(encoding="utf-8")
        assert chunk.text.split("\n")[0] in stored[chunk.start : chunk.end]
