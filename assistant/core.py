"""The Assistant: one question in, one grounded answer out."""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, cast

from assistant import (
    answer_model,
    answering,
    common_words,
    examples,
    generation,
    guard,
    language,
    thesaurus,
    verification,
)
from assistant.answer_model import AnswerModel, Variant
from assistant.domain import Answer, Passage, Turn
from assistant.errors import IndexMissingError, UnknownMunicipalityError
from assistant.lexical import terms
from assistant.municipalities import Gazetteer
from assistant.protocols import ChatModel, Embedder, VectorStore
from assistant.retrieval import Hit, Retriever

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000
PASSAGES = 10
_FOLLOW_UP = re.compile(r"^(en|and|maar|but|ook|also)\b|\b(dat|die|daar|dit|deze|hetzelfde|that|there|this|it)\b", re.I)
# Where someone the asker visits is staying ("mijn vader ligt in het ziekenhuis in Groningen", "mijn broer zit
# in de gevangenis in Vught") is not the municipality the question is about: the asker's own one helps.
_VISITED = re.compile(
    r"\b(ziekenhuis|gevangenis|penitentiaire inrichting|verpleeghuis|verzorgingshuis|zorginstelling|instelling|"
    r"kliniek|revalidatiecentrum|hospice|tbs-kliniek|hospital|prison|nursing home)\s+((?!in\b)[\w'-]+\s+){0,3}?"
    r"(in|te|at)\s+[\w'-]+(\s+[\w'-]+){0,2}",
    re.I,
)
# Where someone lives: "Ik woon in Nootdorp", "mijn vader woont nog alleen in Zwolle", "I live in Delft".
_RESIDENCE = re.compile(
    r"\b((ik|wij|we|i)\s+)?(woon|woont|wonen|live|lives|living)\s+([\w'-]+\s+){0,3}?(in|te)\s+[\w'-]+(\s+[\w'-]+)?",
    re.I,
)
# The asker's own home: "ik woon (zelf) in", "wij wonen sinds kort in", "I live in".
_ASKER = re.compile(r"\b(ik|wij|we|i)\s+(woon|wonen|live)\b|\bwo(on|nen)\s+(ik|wij|we)\b", re.I)
_COMPARE = re.compile(
    r"vergelek|vergelijk|verschil|verschilt|versus|\bvs\b|compare|difference|bij ons|onze gemeente|mijn gemeente|our municipality",
    re.I,
)


def question_problem(text: str) -> str | None:
    """Why `text` cannot be asked: 'empty' or 'too_long'; None when it can. Each door words it its own way."""
    if not normalise(text):
        return "empty"
    if len(text) > MAX_QUESTION_CHARS:
        return "too_long"
    return None


def normalise(text: str) -> str:
    """The question without control characters and with white space folded."""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return re.sub(r"\s+", " ", text).strip()


class Assistant:
    """Answers questions from the indexed documents; built by `wiring.build_assistant`."""

    def __init__(
        self,
        retriever: Retriever,
        model: AnswerModel | None = None,
        chat: ChatModel | None = None,
    ) -> None:
        self.retriever = retriever
        self._model = model
        self.chat = chat
        self._gazetteer: tuple[dict[str, tuple[str, ...]], Gazetteer] | None = None
        self._examples: tuple[tuple[int, int], list[str]] | None = None

    def gazetteer(self) -> Gazetteer:
        """Place names for the municipalities now in the index (rebuilt only when they change)."""
        indexed = self.retriever.municipality_aliases()
        if self._gazetteer is None or self._gazetteer[0] != indexed:
            self._gazetteer = (indexed, Gazetteer(indexed))
        return self._gazetteer[1]

    def municipalities(self) -> list[str]:
        """The municipalities whose documents are indexed."""
        return self.retriever.municipalities()

    def documents(self) -> dict[str, dict[str, Any]]:
        """Each indexed document's metadata (title, municipality, year, kind, version) and chunk count."""
        return self.retriever.documents()

    def passages_of(self, document: str) -> list[Passage]:
        """The indexed passages of one document, in document order."""
        return sorted(self.retriever.chunks_of(document), key=lambda p: p.start)

    def warm_up(self) -> None:
        """Load the embedding model, the word lists and the index now, not on the first (or first twenty) questions."""
        self.retriever.refresh()
        self.retriever.embed_query("opwarmen")
        common_words.is_common("opwarmen")

    def index_parts(self) -> tuple[Embedder, VectorStore, VectorStore | None]:
        """What a re-index writes with: the embedder and the stores this assistant reads."""
        return self.retriever.embedder, self.retriever.store, self.retriever.sentence_store

    def examples(self, n: int = 4) -> list[str]:
        """Example questions about what the index holds that it answers (worked out once per index)."""
        self.retriever.refresh()
        key = (self.retriever.store.count(), n)
        if self._examples is None or self._examples[0] != key:
            offered = examples.choose(
                self.retriever.index, self.retriever.passage_municipalities(), self.municipalities(), 2 * n
            )
            answered = [q for q in offered if not self.ask(q).refused]
            self._examples = (key, answered[:n])
        return self._examples[1]

    @property
    def mode(self) -> str:
        """How answers are made: `extractive`, or `llm:<backend>` (answers fall back to extractive)."""
        return f"llm:{self.chat.name}" if self.chat is not None else "extractive"

    def _municipality_filter(self, name: str | None) -> tuple[str, ...]:
        if not name:
            return ()
        known = self.retriever.municipalities()
        found = self.gazetteer().canonical(name)
        if found is None:
            raise UnknownMunicipalityError(f"Onbekende gemeente '{name}'. Kies uit: {', '.join(known)}.")
        return (found,)

    def stats(self) -> dict[str, Any]:
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
        scope = self._municipality_filter(municipality) or tuple(self.gazetteer().detect(query))
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
        return cast(Answer, answer)  # the last event is always the Answer

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
        if guard.only_instructions(question, legit):
            # Nothing but an instruction to the assistant: decline, never obey.
            composed = answering.refusal(req, "injection")
        elif guard.asks_task(legit):
            composed = answering.refusal(req, "task")
        else:
            similarities = self._similarities(req, hits)
            ev = answering.evidence(req, hits, self.retriever.index, similarities)
            composed = answering.compose(req, hits, ev, self.variant())
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
            except Exception:  # a model server that is down must not break answering
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
            related=composed.related,
            language=req.language,
            citations=citations,
            passages=tuple(h.passage for h in hits),
            mode=mode,
            timings_ms=timings,
        )

    @property
    def model(self) -> AnswerModel:
        if self._model is None:
            self._model = answer_model.load()  # on first use: nothing is read at construction
        return self._model

    @model.setter
    def model(self, model: AnswerModel) -> None:
        self._model = model

    def variant(self) -> Variant:
        """The fitted decision rule that suits this index's embedding model and sentence vectors.

        Without dense signals (no sentence vectors, or lexical retrieval only) the lexical variant decides.
        """
        r = self.retriever
        return self.model.variant(r.embedder.name, r.sentence_store is not None and r.mode != "bm25")

    def _similarities(self, req: answering.Request, hits: Sequence[Hit]) -> dict[tuple[str, int], float]:
        ids = [h.passage.chunk_id for h in hits[: answering.CANDIDATE_HITS]]
        return self.retriever.sentence_similarities(req.question, ids)

    def evidence(
        self, question: str, municipality: str | None = None, audience: str = "resident"
    ) -> tuple[answering.Request, list[Hit], answering.Evidence]:
        """What an answer to `question` would be decided from (for fitting and inspecting the model)."""
        self._require_index()
        question = normalise(question)[:MAX_QUESTION_CHARS]
        req = self._understand(question, guard.legitimate_part(question), municipality, (), audience)
        hits = self._retrieve(req)
        return req, hits, answering.evidence(req, hits, self.retriever.index, self._similarities(req, hits))

    def _understand(
        self, question: str, legit: str, municipality: str | None, history: Sequence[Turn], audience: str
    ) -> answering.Request:
        """What is asked, about which municipality, in which language; follow-ups borrow from history."""
        earlier = [normalise(t.content) for t in history if t.role == "user" and t.content.strip()]
        places = self.gazetteer()
        named = self._municipality_filter(municipality) or tuple(places.detect(question))
        if not named and earlier:
            named = tuple(places.detect(earlier[-1]))[:1]
        others = tuple(places.detect_others(_VISITED.sub(" ", question)))
        # A municipality's rules are for its residents: an asker who lives elsewhere asks about that place,
        # unless the one they ask for lives in the corpus ("Ik woon zelf in Utrecht; mijn vader woont in ...").
        homes = [m.group(0) for m in _RESIDENCE.finditer(question)]
        home_elsewhere = any(_ASKER.search(h) and places.detect_others(h) for h in homes) and not any(
            places.detect(h) for h in homes
        )
        legit = answering.mended(guard.mend_question_words(legit), self.retriever.index)
        query = legit
        if earlier and is_follow_up(legit):
            query = self._standalone(legit, history) or f"{earlier[-1]} {legit}"
        comparison = len(named) > 1 or (not named and not others and bool(_COMPARE.search(question)))
        if comparison and not named:
            named = places.indexed
        # Place names say where to look, not what to look for.
        place_names = (
            places.names_of(places.indexed) | places.places_in(question) | {o.lower() for o in others} | {"nederland", "rijk"}
        )
        lang = language.detect(question)
        foreign = answering.named_elsewhere(
            places.without_places(query), named, self.retriever.index, self.retriever.municipalities_naming
        )
        return answering.Request(
            question=query,
            language=lang,
            audience=audience if audience in answering.SENTENCES else "resident",
            municipalities=named,
            others=others,
            home_elsewhere=home_elsewhere,
            comparison=comparison,
            expansion=thesaurus.expand(query, english=lang == "en"),
            in_domain=thesaurus.in_domain(query),
            indexed=places.indexed,
            place_names=frozenset(place_names),
            foreign=foreign,
        )

    def _standalone(self, question: str, history: Sequence[Turn]) -> str | None:
        """A follow-up rewritten by the language model into a question of its own (None without one)."""
        if self.chat is None:
            return None
        try:
            return generation.standalone_question(self.chat, question, history)
        except Exception:  # fall back to joining the questions
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
            # Each one's two best passages are among those the answer's sentences come from, so that it can
            # quote each municipality's own figure.
            front: set[str] = set()
            for m in req.municipalities:
                front.update([h.passage.chunk_id for h in hits if h.passage.municipality == m][:2])
            for h in hits:
                if len(front) >= answering.CANDIDATE_HITS:
                    break
                front.add(h.passage.chunk_id)
            hits = [h for h in hits if h.passage.chunk_id in front] + [h for h in hits if h.passage.chunk_id not in front]
        return hits


def is_follow_up(question: str) -> bool:
    """A short question, or one that starts by pointing back ('en in Delft?', 'wat kost dat?')."""
    n = len(terms(question))
    return n <= 3 or (bool(_FOLLOW_UP.search(question)) and n <= 6)
