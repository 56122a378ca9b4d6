"""One suite per protocol, run against the fake and the real implementation, so fakes stay honest."""

from __future__ import annotations

import math
import threading
import time
import uuid
from pathlib import Path

import pytest

from assistant.domain import Chunk
from assistant.embedders import HashingEmbedder
from assistant.stores import ChromaStore, MemoryStore

CHUNKS = [
    Chunk("a.txt", "S1", "mantelzorg in leiderdorp", 0, 24),
    Chunk("a.txt", "S2", "schuldhulp bij incluzio", 25, 48),
    Chunk("b.txt", "", "jongeren in leiden", 0, 18),
]
META = [
    {"municipality": "Leiderdorp", "title": "A"},
    {"municipality": "Leiderdorp", "title": "A"},
    {"municipality": "Leiden", "title": "B", "year": 2025},
]
VECTORS = [[1.0, 0.0, 0.0], [0.7, 0.7, 0.0], [0.0, 0.0, 1.0]]


@pytest.fixture(params=["memory", "chroma", "chroma-server"])
def store(request, tmp_path: Path):
    if request.param == "memory":
        return MemoryStore()
    if request.param == "chroma-server":
        return ChromaStore.http(request.getfixturevalue("chroma_server"), f"contract-{uuid.uuid4().hex[:8]}")
    return ChromaStore.persistent(tmp_path / "chroma", "contract-test")


class TestVectorStoreContract:
    def test_add_query_best_first_with_cosine(self, store):
        store.add(CHUNKS, VECTORS, META)
        found = store.query([1.0, 0.1, 0.0], 3)
        assert [cid for cid, _ in found] == [CHUNKS[0].id, CHUNKS[1].id, CHUNKS[2].id]
        assert found[0][1] == pytest.approx(1 / math.sqrt(1.01), abs=1e-3)

    def test_where_filters_by_value_and_by_list(self, store):
        store.add(CHUNKS, VECTORS, META)
        assert {cid for cid, _ in store.query([1, 0, 0], 5, {"municipality": "Leiden"})} == {CHUNKS[2].id}
        got = store.query([1, 0, 0], 5, {"municipality": {"$in": ["Leiden", "Leiderdorp"]}})
        assert len(got) == 3

    def test_all_round_trips_chunks_and_metadata(self, store):
        store.add(CHUNKS, VECTORS, META)
        rows = {c.id: (c, m) for c, m in store.all()}
        chunk, meta = rows[CHUNKS[2].id]
        assert chunk == CHUNKS[2] and meta["municipality"] == "Leiden" and meta["year"] == 2025

    def test_upsert_is_idempotent_and_delete_removes(self, store):
        store.add(CHUNKS, VECTORS, META)
        store.add(CHUNKS, VECTORS, META)
        assert store.count() == 3
        store.delete([CHUNKS[0].id, "unknown-id"])
        assert store.count() == 2 and CHUNKS[0].id not in {c.id for c, _ in store.all()}

    def test_vectors_are_returned_as_stored_by_id(self, store):
        store.add(CHUNKS, VECTORS, META)
        got = store.vectors([CHUNKS[1].id, "unknown-id", CHUNKS[2].id])
        assert got.keys() == {CHUNKS[1].id, CHUNKS[2].id}
        assert got[CHUNKS[1].id] == pytest.approx(VECTORS[1]) and store.vectors([]) == {}

    def test_empty_store_queries_to_nothing(self, store):
        assert store.query([1, 0, 0], 5) == [] and store.count() == 0


class EmbedderContract:
    embedder = None

    def test_vectors_are_normalised_and_deterministic(self):
        a = self.embedder.embed_documents(["Mantelzorgers krijgen steun.", "Jeugdhulp voor kinderen."])
        b = self.embedder.embed_documents(["Mantelzorgers krijgen steun.", "Jeugdhulp voor kinderen."])
        assert len(a) == 2 and all(abs(math.sqrt(sum(x * x for x in v)) - 1) < 1e-3 for v in a)
        assert a[0] == pytest.approx(b[0], abs=1e-5)

    def test_query_is_closest_to_its_matching_passage(self):
        docs = self.embedder.embed_documents(
            ["Mantelzorgers krijgen steun van Incluzio.", "Het Werkcentrum helpt bij werk zoeken."]
        )
        q = self.embedder.embed_query("steun voor mantelzorgers")
        sims = [sum(x * y for x, y in zip(q, d, strict=True)) for d in docs]
        assert sims[0] > sims[1]

    def test_empty_batch(self):
        assert self.embedder.embed_documents([]) == [] and self.embedder.embed_passages([], []) == []

    def test_a_passage_comes_with_a_vector_per_span_nearest_its_own_sentence(self):
        first, second = "Mantelzorgers krijgen steun van Incluzio.", "Het Werkcentrum helpt bij werk zoeken."
        text = f"{first} {second}"
        spans = [(0, len(first)), (len(first) + 1, len(text))]
        [(passage, parts)] = self.embedder.embed_passages([text], [spans])
        assert passage == pytest.approx(self.embedder.embed_documents([text])[0], abs=1e-2)
        assert len(parts) == 2 and all(abs(math.sqrt(sum(x * x for x in v)) - 1) < 1e-3 for v in parts)
        alone = self.embedder.embed_documents([first, second])
        sims = [[sum(x * y for x, y in zip(p, a, strict=True)) for a in alone] for p in parts]
        assert sims[0][0] > sims[0][1] and sims[1][1] > sims[1][0]


class TestHashingEmbedder(EmbedderContract):
    embedder = HashingEmbedder()


@pytest.mark.integration
class TestSentenceTransformerEmbedder(EmbedderContract):
    @pytest.fixture(autouse=True)
    def _real(self, e5_embedder):
        self.embedder = e5_embedder

    def test_a_sentence_beyond_the_window_is_embedded_on_its_own(self):
        filler = "De gemeente ondersteunt inwoners met een beperking in hun dagelijks leven. " * 60
        last = "Schuldhulpverlening is gratis voor alle inwoners."
        text = filler + last
        [(_, [part])] = self.embedder.embed_passages([text], [[(len(filler), len(text))]])
        assert part == pytest.approx(self.embedder.embed_documents([last])[0], abs=1e-3)


@pytest.mark.integration
def test_bfloat16_keeps_the_vectors_of_float32(e5_model_dir):
    """Indexing in bfloat16 is only worth its speed if the vectors stay those of float32 (cosine >= 0.99)."""
    from assistant.embedders import SentenceTransformerEmbedder
    from ingest import chunking
    from ingest.loaders import load

    corpus = Path(__file__).parent.parent / "corpus"
    texts = [c.text for path in sorted(corpus.glob("*.txt"))[:2] for c in chunking.split(path.name, load(path))[:15]]
    assert len(texts) == 30
    spans = [[(0, len(t) // 2), (len(t) // 2, len(t))] for t in texts]
    float32 = SentenceTransformerEmbedder(str(e5_model_dir), precision="float32")
    bfloat16 = SentenceTransformerEmbedder(str(e5_model_dir), precision="bfloat16")
    for (a, a_parts), (b, b_parts) in zip(
        float32.embed_passages(texts, spans), bfloat16.embed_passages(texts, spans), strict=True
    ):
        for u, v in [(a, b), *zip(a_parts, b_parts, strict=True)]:
            assert sum(x * y for x, y in zip(u, v, strict=True)) >= 0.99
    query = "Waar kan ik terecht voor mantelzorgondersteuning?"
    assert sum(x * y for x, y in zip(float32.embed_query(query), bfloat16.embed_query(query), strict=True)) >= 0.99


def test_the_fifo_lock_serves_waiters_in_arrival_order():
    from assistant.embedders import FifoLock

    lock, order = FifoLock(), []
    lock.__enter__()
    threads = []
    for n in range(5):
        t = threading.Thread(target=lambda n=n: (lock.__enter__(), order.append(n), lock.__exit__()), daemon=True)
        t.start()
        threads.append(t)
        time.sleep(0.05)  # arrive one after another
    lock.__exit__()
    for t in threads:
        t.join(5)
    assert order == [0, 1, 2, 3, 4]
