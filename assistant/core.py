"""The Assistant: one question in, one grounded answer out."""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections.abc import Iterator, Sequence

from assistant import answering, generation, guard, language, municipalities, thesaurus, verification
from assistant.domain import Answer, Passage, Turn
from assistant.errors import IndexMissingError, UnknownMunicipalityError
from assistant.lexical import terms
from assistant.protocols import ChatModel
from assistant.retrieval import Hit, Retriever

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000
PASSAGES = 10
_FOLLOW_UP = re.compile(r"^(en|and|maar|but|ook|also)\b|\b(dat|die|daar|dit|deze|hetzelfde|that|there|this|it)\b", re.I)
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

    def __init__(
        self,
        retriever: Retriever,
        calibration: answering.Calibration = answering.UNCALIBRATED,
        chat: ChatModel | None = None,
    ) -> None:
        self.retriever = retriever
        self.calibration = calibration
        self.chat = chat
        # Municipality names say where to look, not what to look for.
        self._place_terms = {t for aliases in municipalities.ALIASES.values() for a in aliases for t in terms(a)}
        self._place_terms |= {"gemeent", "gemeentelijk", "municipality"}

    @property
    def mode(self) -> str:
        """How answers are made: `extractive`, or `llm:<backend>` (answers fall back to extractive)."""
        return f"llm:{self.chat.name}" if self.chat is not None else "extractive"

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
        *_, answer = self.ask_events(question, municipality, history, audience)
        return answer

    def ask_events(
        self, question: str, municipality: str | None = None, history: Sequence[Turn] = (), audience: str = "resident"
    ) -> Iterator[str | Answer]:
        """The answer as it is made: a language model's raw text pieces (if one is set), then the `Answer`.

        The pieces are a preview; only the final answer is verified, and it may differ from them.
        """
        started = time.perf_counter()
        self._require_index()
        question = normalise(question)[:MAX_QUESTION_CHARS]
        legit = guard.legitimate_part(question)
        req = self._understand(question, legit, municipality, history, audience)
        hits = self._retrieve(req)
        retrieved = time.perf_counter()
        similarities: dict[tuple[str, int], float] = {}
        if legit != question and len(terms(legit)) < 2:
            # Nothing but an instruction to the assistant: decline, never obey.
            composed = answering.refusal(req, "injection")
        else:
            similarities = self.retriever.sentence_similarities(req.question, [h.passage.chunk_id for h in hits[:6]])
            composed = answering.compose(
                req, hits, self.retriever.index, self._place_terms, similarities, self.calibration
            )
        text, citations, mode, first_token = composed.text, composed.citations, "extractive", None
        if self.chat is not None and not composed.refused:
            # The extractive composer decided the documents answer this; the model words it.
            cited = [c.passage for c in composed.citations]
            passages = generation.prompt_passages(
                cited + [h.passage for h in hits if h.passage not in cited], similarities
            )
            pieces: list[str] = []
            try:
                for piece in generation.generate(self.chat, req.question, passages, req.audience, req.language):
                    first_token = first_token or time.perf_counter()
                    pieces.append(piece)
                    yield piece
            except Exception:  # noqa: BLE001 - a model server that is down must not break answering
                log.exception("The language model failed; answering extractively")
            checked = verification.verify("".join(pieces), passages)
            if checked.substantial:
                text, citations, mode = checked.text, checked.citations, self.mode
        done = time.perf_counter()
        timings = {
            "retrieve": round((retrieved - started) * 1000, 1),
            "generate": round((done - retrieved) * 1000, 1),
            "total": round((done - started) * 1000, 1),
        }
        if first_token is not None:
            timings["first_token"] = round((first_token - started) * 1000, 1)
        yield Answer(
            text=text,
            refused=composed.refused,
            language=req.language,
            citations=citations,
            passages=tuple(h.passage for h in hits),
            mode=mode,
            timings_ms=timings,
        )

    def _understand(
        self, question: str, legit: str, municipality: str | None, history: Sequence[Turn], audience: str
    ) -> answering.Request:
        """What is asked, about which municipality, in which language; follow-ups borrow from history."""
        earlier = [normalise(t.content) for t in history if t.role == "user" and t.content.strip()]
        named = self._municipality_filter(municipality) or tuple(municipalities.detect(question))
        if not named and earlier:
            named = tuple(municipalities.detect(earlier[-1]))[:1]
        others = tuple(municipalities.detect_others(question))
        query = legit
        if earlier and is_follow_up(legit):
            query = self._standalone(legit, history) or f"{earlier[-1]} {legit}"
        comparison = len(named) > 1 or (not named and not others and bool(_COMPARE.search(question)))
        if comparison and not named:
            named = tuple(self.retriever.municipalities())
        return answering.Request(
            question=query,
            language=language.detect(question),
            audience=audience if audience in answering.SENTENCES else "resident",
            municipalities=named,
            others=others,
            comparison=comparison,
            expansion=thesaurus.expand(query),
            in_domain=thesaurus.in_domain(query),
        )

    def _standalone(self, question: str, history: Sequence[Turn]) -> str | None:
        """A follow-up rewritten by the language model into a question of its own (None without one)."""
        if self.chat is None:
            return None
        try:
            return generation.standalone_question(self.chat, question, history)
        except Exception:  # noqa: BLE001 - fall back to joining the questions
            log.exception("The language model could not rewrite the follow-up question")
            return None

    def _retrieve(self, req: answering.Request) -> list[Hit]:
        hits = self.retriever.search(req.question, PASSAGES, req.municipalities, req.expansion)
        if req.comparison:
            # Each municipality gets its own retrieval so none is crowded out of the answer.
            seen = {h.passage.chunk_id for h in hits}
            for m in req.municipalities:
                hits += [
                    h
                    for h in self.retriever.search(req.question, 4, (m,), req.expansion)
                    if h.passage.chunk_id not in seen
                ]
            hits.sort(key=lambda h: -h.passage.score)
        return hits


def is_follow_up(question: str) -> bool:
    """A short question, or one that starts by pointing back ('en in Leiden?', 'wat kost dat?')."""
    n = len(terms(question))
    return n <= 3 or (bool(_FOLLOW_UP.search(question)) and n <= 6)
