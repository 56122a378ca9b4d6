"""Hybrid retrieval: dense vectors from the store and BM25, fused by reciprocal rank."""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.domain import Chunk, Passage
from assistant.lexical import BM25Index, terms
from assistant.municipalities import parse_aliases
from assistant.protocols import ALIASES_KEY, CHUNK_KEY, POSITION_KEY, Embedder, Meta, VectorStore, Where
from assistant.stores import cosines
from assistant.versions import served

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

RRF_K = 15
# BM25's best passages are never ranked below these places (0-based): its first among the six answers are read
# from (`answering.CANDIDATE_HITS`), its second among the ten shown. A word only one passage has
# ("blijverslening", "Kindpakket") is the surest lead, and in a long story both dense lists can outvote it
# (held out: BENCHMARKS.md, nineteenth session).
LEXICAL_PLACES = (5, 9)
# Up to this many passages the dense search is exact, over the passage vectors held in memory (1.5 KB
# each with e5-small): the store's approximate search returned other candidates in another process
# for 14 of 1,186 labelled questions, so the same question could get another answer after a restart.
EXACT_PASSAGES = 100_000
MODES = ("hybrid", "dense", "bm25", "hybrid+sentences")


def context_line(meta: Meta) -> str:
    """What a chunk is about beyond its own words: municipality, title and section."""
    return " — ".join(str(p) for p in (meta.get("municipality"), meta.get("title"), meta.get("section")) if p)


def indexed_text(chunk: Chunk, meta: Meta) -> str:
    """The text that is embedded and searched for a chunk."""
    return f"{context_line(meta)}\n{chunk.text}"


def _where(municipalities: Sequence[str]) -> Where | None:
    return {"municipality": {"$in": list(municipalities)}} if municipalities else None


@dataclass(frozen=True, slots=True)
class Hit:
    """A retrieved passage with the signals that ranked it."""

    passage: Passage
    dense: float
    lexical: float


class Retriever:
    """Finds passages for a query; the lexical index is rebuilt from the store when it changes."""

    def __init__(
        self,
        embedder: Embedder,
        store: VectorStore,
        sentence_store: VectorStore | None = None,
        mode: str = "hybrid",
        candidates: int = 50,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        self.embedder, self.store, self.sentence_store = embedder, store, sentence_store
        self.mode, self.candidates = mode, candidates
        self._query_vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._sentence_of: dict[str, tuple[str, int]] = {}
        self._sentences_in: dict[str, list[str]] = {}  # passage id -> its sentence rows' ids
        self._lock = threading.Lock()
        self._loaded_count = -1
        self._chunks: list[Chunk] = []
        self._metas: list[Meta] = []
        self._by_id: dict[str, int] = {}
        self._hidden: set[str] = set()  # rows of unfinished or superseded versions (see `versions`)
        self._index = BM25Index([])
        self._matrix: np.ndarray | None = None  # unit passage vectors, row i for self._chunks[i]
        self._aliases: dict[str, tuple[str, ...]] = {}

    def refresh(self, force: bool = False) -> None:
        """Reload chunks from the store (after an ingest); cheap when nothing changed."""
        with self._lock:
            count = self.store.count()
            if count == self._loaded_count and not force:
                return
            everything = self.store.all()
            rows = sorted(served(everything), key=lambda r: (r[0].document, r[0].start))
            matrix = self._passage_matrix([c.id for c, _ in rows])
            self._chunks = [c for c, _ in rows]
            self._matrix = matrix
            self._metas = [m for _, m in rows]
            self._by_id = {c.id: i for i, c in enumerate(self._chunks)}
            self._hidden = {c.id for c, _ in everything} - self._by_id.keys()
            self._index = BM25Index([indexed_text(c, m) for c, m in rows])
            aliases: dict[str, dict[str, None]] = {}
            for m in self._metas:
                if m.get("municipality"):
                    aliases.setdefault(str(m["municipality"]), {}).update(
                        dict.fromkeys(parse_aliases(m.get(ALIASES_KEY)))
                    )
            self._aliases = {name: tuple(names) for name, names in aliases.items()}
            if self.sentence_store is not None:
                self._sentence_of = {
                    c.id: (str(m[CHUNK_KEY]), int(m[POSITION_KEY]))
                    for c, m in self.sentence_store.all()
                    if m[CHUNK_KEY] in self._by_id
                }
                self._sentences_in = {}
                for sid, (cid, _) in self._sentence_of.items():
                    self._sentences_in.setdefault(cid, []).append(sid)
            self._loaded_count = count

    def _passage_matrix(self, ids: Sequence[str]) -> np.ndarray | None:
        """The unit vector of each of `ids`, for an exact dense search (None: too many, or no dense search)."""
        import numpy as np

        if self.mode == "bm25" or not ids or len(ids) > EXACT_PASSAGES:
            return None
        matrix: np.ndarray | None = None
        for start in range(0, len(ids), 5000):  # page by page: as Python lists, all of them would take 6x the memory
            page = ids[start : start + 5000]
            try:
                found = self.store.vectors(page)
            except Exception:
                # Chroma in this process can lag behind an ingest by another process (its vectors of new
                # rows are not readable yet); its own search goes on working, so it searches instead.
                log.warning("Passage vectors not readable; the dense search uses the store's own index")
                return None
            if len(found) < len(page):  # rows removed while we read: the next refresh reads them again
                return None
            block = np.asarray([found[i] for i in page], dtype=np.float32)
            if matrix is None:
                matrix = np.empty((len(ids), block.shape[1]), dtype=np.float32)
            matrix[start : start + len(page)] = block
        if matrix is None:
            return None
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        unit: np.ndarray = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
        return unit

    def _allowed(self, municipalities: Sequence[str]) -> set[int] | None:
        """The rows of the given municipalities' passages (None: every row)."""
        if not municipalities:
            return None
        return {i for i, m in enumerate(self._metas) if m.get("municipality") in municipalities}

    def _store_search(self, query: str, municipalities: Sequence[str]) -> list[tuple[str, float]]:
        """The store's own (approximate) search. It runs even when the exact search decides: a re-index that
        left the count as it was shows up as ids we do not know, and then everything is read again."""
        found = self.store.query(self.embed_query(query), self.candidates, _where(municipalities))
        if any(cid not in self._by_id and cid not in self._hidden for cid, _ in found):
            self.refresh(force=True)
        return found

    def _dense(
        self, query: str, found: list[tuple[str, float]], allowed: set[int] | None
    ) -> tuple[dict[int, float], np.ndarray | None]:
        """The `candidates` passages nearest to the query with their cosines, and every passage's cosine if known.

        Exact over the vectors held in memory; the store's `found` for a corpus too big to hold.
        """
        import numpy as np

        matrix = self._matrix
        if matrix is None:
            return {self._by_id[cid]: sim for cid, sim in found if cid in self._by_id}, None
        q = np.asarray(self.embed_query(query), dtype=np.float32)
        similarities = matrix @ (q / (np.linalg.norm(q) or 1.0))
        rows = np.arange(len(similarities)) if allowed is None else np.fromiter(sorted(allowed), dtype=np.int64)
        # Stable: equal cosines keep document order, so the same index always gives the same list.
        best = rows[np.argsort(-similarities[rows], kind="stable")[: self.candidates]]
        return {int(i): float(similarities[i]) for i in best}, similarities

    @property
    def index(self) -> BM25Index:
        return self._index

    def municipalities(self) -> list[str]:
        return sorted(self.municipality_aliases())

    def passage_municipalities(self) -> list[str]:
        """The municipality of each passage, in the lexical index's order."""
        self.refresh()
        return [str(m.get("municipality", "")) for m in self._metas]

    def municipalities_naming(self, name: str) -> set[str]:
        """The municipalities some passage of which names `name`: its (stemmed) word, or all its words in this
        order ("Sterk voor Noord")."""
        self.refresh()
        stems = terms(name)
        rows = set.intersection(*({i for i, _ in self._index.postings.get(t, ())} for t in stems)) if stems else set()
        if len(stems) > 1:
            said = re.compile(r"\W+".join(map(re.escape, re.findall(r"\w+", name))), re.IGNORECASE)
            rows = {i for i in rows if said.search(self._chunks[i].text)}
        return {str(self._metas[i].get("municipality", "")) for i in rows}

    def municipality_aliases(self) -> dict[str, tuple[str, ...]]:
        """Each indexed municipality with the aliases its documents' metadata gives."""
        self.refresh()
        return self._aliases

    def documents(self) -> dict[str, Meta]:
        """Each indexed document's metadata (with the served `version`) and its chunk count."""
        self.refresh()
        docs: dict[str, Meta] = {}
        for chunk, meta in zip(self._chunks, self._metas, strict=True):
            entry = docs.setdefault(
                chunk.document, {k: meta.get(k) for k in ("title", "municipality", "year", "kind", "version")}
            )
            entry["chunks"] = entry.get("chunks", 0) + 1
        return docs

    def chunks_of(self, document: str) -> list[Passage]:
        self.refresh()
        return [self._passage(i, 0.0) for i, c in enumerate(self._chunks) if c.document == document]

    def _passage(self, i: int, score: float) -> Passage:
        c, m = self._chunks[i], self._metas[i]
        year = m.get("year")
        return Passage(
            chunk_id=c.id,
            document=c.document,
            title=str(m.get("title", c.document)),
            municipality=str(m.get("municipality", "")),
            year=int(year) if year else None,
            section=c.section,
            text=c.text,
            start=c.start,
            end=c.end,
            score=round(score, 4),
        )

    def embed_query(self, query: str) -> list[float]:
        """The query's vector; the last few are kept, since one question is embedded for several searches."""
        if query in self._query_vectors:
            self._query_vectors.move_to_end(query)
        else:
            self._query_vectors[query] = self.embedder.embed_query(query)
            if len(self._query_vectors) > 64:
                self._query_vectors.popitem(last=False)
        return self._query_vectors[query]

    def sentence_similarities(self, query: str, chunk_ids: Sequence[str]) -> dict[tuple[str, int], float]:
        """Cosine similarity of the query to each sentence of the given chunks, by (chunk id, position).

        Exact: the sentences' own vectors are read and compared, not found by the approximate index,
        so the same vectors always give the same answer, however the index was built.
        """
        if self.sentence_store is None or not chunk_ids or self.mode == "bm25":
            return {}
        ids = [sid for cid in chunk_ids for sid in self._sentences_in.get(cid, ())]
        found = self._exact(self.sentence_store, query, ids)
        return {self._sentence_of[sid]: s for sid, s in found.items()}

    def _exact(self, store: VectorStore, query: str, ids: Sequence[str]) -> dict[str, float]:
        """The query's cosine to each stored row of `ids`, computed from the stored vectors."""
        if not ids:
            return {}
        found = store.vectors(ids)
        return dict(zip(found, cosines(self.embed_query(query), list(found.values())), strict=True))

    def _by_best_sentence(self, sentence_store: VectorStore, query: str, where: Where | None) -> list[int]:
        """Chunks ordered by their best-matching sentence: precise facts hide in long passages."""
        order: list[int] = []
        for sid, _ in sentence_store.query(self.embed_query(query), self.candidates * 2, where):
            parent = self._sentence_of.get(sid)
            i = self._by_id.get(parent[0]) if parent else None
            if i is not None and i not in order:
                order.append(i)
        return order

    def search(self, query: str, k: int = 10, municipalities: Sequence[str] = (), expansion: str = "") -> list[Hit]:
        """The k best passages for `query`, only from `municipalities` when given.

        `expansion` holds extra words for the lexical search only (see `thesaurus`).
        """
        self.refresh()
        if not self._chunks:
            return []
        found = self._store_search(query, municipalities) if self.mode != "bm25" else []
        allowed = self._allowed(municipalities)
        dense, similarities = self._dense(query, found, allowed) if self.mode != "bm25" else ({}, None)
        lexical = (
            dict(self._index.top(f"{query} {expansion}", self.candidates, allowed)) if self.mode != "dense" else {}
        )
        rankings = [sorted(dense, key=lambda i: -dense[i]), sorted(lexical, key=lambda i: -lexical[i])]
        if self.mode == "hybrid+sentences" and self.sentence_store is not None:
            rankings.append(self._by_best_sentence(self.sentence_store, query, _where(municipalities)))
        fused: dict[int, float] = {}
        for ranking in rankings:
            for rank, i in enumerate(ranking):
                fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank + 1)
        order = sorted(fused, key=lambda i: -fused[i])
        for i, place in zip(rankings[1], LEXICAL_PLACES, strict=False):  # BM25 may find fewer
            if order.index(i) > place:
                order.remove(i)
                order.insert(place, i)
        # The same text in two files (a copied document) is shown once, from the better-ranked copy.
        best: list[int] = []
        seen_texts: set[str] = set()
        for i in order:
            if self._chunks[i].text not in seen_texts:
                seen_texts.add(self._chunks[i].text)
                best.append(i)
                if len(best) == k:
                    break
        if self.mode != "bm25":
            # A passage only BM25 found gets its real cosine, not 0: to the answer model a cosine of 0 is
            # unheard of, and the passage's sentences would read as certain answers ("Schrijf een Python-script").
            if similarities is not None:
                dense |= {i: float(similarities[i]) for i in best if i not in dense}
            else:
                exact = self._exact(self.store, query, [self._chunks[i].id for i in best if i not in dense])
                dense |= {self._by_id[cid]: s for cid, s in exact.items()}
        top = len(rankings) / (RRF_K + 1)  # every ranking puts it first
        return [Hit(self._passage(i, fused[i] / top), dense.get(i, 0.0), lexical.get(i, 0.0)) for i in best]
