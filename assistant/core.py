"""The Assistant: one question in, one grounded answer out."""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from assistant import answering, guard, language, municipalities, thesaurus
from assistant.domain import Answer, Passage, Turn
from assistant.errors import IndexMissingError, UnknownMunicipalityError
from assistant.lexical import terms
from assistant.retrieval import Retriever

MAX_QUESTION_CHARS = 2000
PASSAGES = 10
_FOLLOW_UP = re.compile(r"^(en|and|of|maar|wat|hoe|waar|wanneer|dat|die|daar|what|how|where)\b", re.I)
_COMPARE = re.compile(
    r"vergelek|vergelijk|verschil|verschilt|versus|\bvs\b|compare|difference|bij ons|onze gemeente|mijn gemeente|our municipality",
    re.I,
)


def normalise(text: str) -> str:
    """The question without control characters and with white space folded."""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return re.sub(r"\s+", " ", text).strip()


class Assistant:
    """Answers questions from the indexed documents; built by `wiring.build_assistant`."""

    def __init__(self, retriever: Retriever, mode: str = "extractive") -> None:
        self.retriever = retriever
        self.mode = mode
        # Municipality names say where to look, not what to look for.
        self._place_terms = {t for aliases in municipalities.ALIASES.values() for a in aliases for t in terms(a)}
        self._place_terms |= {"gemeent", "gemeentelijk", "municipality"}

    def _municipality_filter(self, name: str | None) -> tuple[str, ...]:
        if not name:
            return ()
        known = self.retriever.municipalities()
        found = municipalities.canonical(name, known)
        if found is None:
            raise UnknownMunicipalityError(f"Onbekende gemeente '{name}'. Kies uit: {', '.join(known)}.")
        return (found,)

    def stats(self) -> dict:
        """Counts for the health check."""
        documents = self.retriever.documents()
        return {
            "documents": len(documents),
            "chunks": sum(d["chunks"] for d in documents.values()),
            "embedding_model": self.retriever.embedder.name,
        }

    def search(self, query: str, k: int = PASSAGES, municipality: str | None = None) -> list[Passage]:
        """Retrieval only: the k best passages for `query`."""
        self._require_index()
        scope = self._municipality_filter(municipality) or tuple(municipalities.detect(query))
        query = normalise(query)
        return [h.passage for h in self.retriever.search(query, k, scope, thesaurus.expand(query))]

    def _require_index(self) -> None:
        self.retriever.refresh()
        if self.retriever.store.count() == 0:
            raise IndexMissingError()

    def ask(
        self, question: str, municipality: str | None = None, history: Sequence[Turn] = (), audience: str = "resident"
    ) -> Answer:
        """A cited answer to `question`, or a polite refusal that says where to ask."""
        started = time.perf_counter()
        self._require_index()
        question = normalise(question)[:MAX_QUESTION_CHARS]
        lang = language.detect(question)
        legit = guard.legitimate_part(question)
        injected = legit != question
        earlier = [normalise(t.content) for t in history if t.role == "user" and t.content.strip()]

        named = self._municipality_filter(municipality) or tuple(municipalities.detect(question))
        if not named and earlier:
            named = tuple(municipalities.detect(earlier[-1]))[:1]
        others = tuple(municipalities.detect_others(question))
        query = legit
        if earlier and (len(terms(legit)) <= 4 or _FOLLOW_UP.match(legit)):
            query = f"{earlier[-1]} {legit}"
        req = answering.Request(
            question=query,
            language=lang,
            audience=audience if audience in answering.SENTENCES else "resident",
            municipalities=named,
            others=others,
            comparison=len(named) > 1 or (not named and not others and bool(_COMPARE.search(question))),
            expansion=thesaurus.expand(query),
        )
        if req.comparison and not named:
            req = replace(req, municipalities=tuple(self.retriever.municipalities()))

        hits = self.retriever.search(query, PASSAGES, req.municipalities, req.expansion)
        if req.comparison:
            # Each municipality gets its own retrieval so none is crowded out of the answer.
            per = [self.retriever.search(query, 4, (m,), req.expansion) for m in req.municipalities]
            seen = {h.passage.chunk_id for h in hits}
            hits = sorted(
                [*hits, *(h for p in per for h in p if h.passage.chunk_id not in seen)], key=lambda h: -h.passage.score
            )
        retrieved = time.perf_counter()

        if injected and len(terms(legit)) < 2:
            composed = answering.refusal(req, "injection")
        else:
            similarities = self.retriever.sentence_similarities(query, [h.passage.chunk_id for h in hits[:6]])
            composed = answering.compose(req, hits, self.retriever.index, self._place_terms, similarities)
        done = time.perf_counter()
        return Answer(
            text=composed.text,
            refused=composed.refused,
            language=lang,
            citations=composed.citations,
            passages=tuple(h.passage for h in hits[: max(PASSAGES, len(hits))]),
            mode=self.mode,
            timings_ms={
                "retrieve": round((retrieved - started) * 1000, 1),
                "generate": round((done - retrieved) * 1000, 1),
                "total": round((done - started) * 1000, 1),
            },
        )
