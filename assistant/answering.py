"""Extractive answers: the sentences of the retrieved passages that answer the question, cited.

No language model is needed: every sentence of an answer is a sentence of a passage, followed by
its `[n]`. Only the short framing (introduction, refusal, where to ask) is our own wording, in the
question's language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import guard
from assistant.domain import Citation, Passage
from assistant.lexical import BM25Index, terms
from assistant.municipalities import ALIASES
from assistant.retrieval import Hit
from assistant.sentences import split as sentences

_PLACE_WORDS = {a for aliases in ALIASES.values() for a in aliases} | {"leidse", "leiderdorpse", "nederland", "rijk"}
# Below this share of the question's (idf-weighted) terms, a sentence does not carry a wanted fact.
MIN_COVERAGE = 0.34
# A passage this close in meaning supports an answer even without shared words (English questions).
MIN_DENSE = 0.87


@dataclass(frozen=True, slots=True)
class Calibration:
    """Similarity thresholds that belong to one embedding model; the default switches the gate off.

    An answer needs one sentence at least `min_sentence` close to the question; a question
    recognisably about the social domain needs `min_sentence_in_domain`.
    """

    min_sentence: float = 0.0
    min_sentence_in_domain: float = 0.0


# multilingual-e5-small cosines sit in a narrow band. Calibrated on the dev set and on out-of-domain
# probes (government Q&A about passports, DigiD, Woo): those peak at 0.847, answerable questions start at 0.833.
E5_SMALL = Calibration(min_sentence=0.85, min_sentence_in_domain=0.83)
UNCALIBRATED = Calibration()


def calibration_for(model_name: str) -> Calibration:
    """Thresholds are only known for the model they were measured with."""
    return E5_SMALL if "multilingual-e5-small" in model_name else UNCALIBRATED


SENTENCES = {"resident": 3, "staff": 5}
_END = re.compile(r"[.!?:;]+$")


@dataclass(frozen=True, slots=True)
class Request:
    """A question as the composer sees it, after guarding and municipality detection."""

    question: str
    language: str
    audience: str
    municipalities: tuple[str, ...]  # corpus municipalities asked about (or filtered on)
    others: tuple[str, ...]  # municipalities outside the corpus named in the question
    comparison: bool  # several municipalities must be kept apart
    expansion: str = ""  # policy words for what the question describes (thesaurus)
    in_domain: bool = False  # recognisably a question about social support


@dataclass(frozen=True, slots=True)
class Composed:
    text: str
    refused: bool
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    hit: int  # index into the hits
    position: int
    coverage: float
    similarity: float
    score: float


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the composer weighs sentences with: term weights, the index, sentence similarities."""

    index: BM25Index
    weights: dict[str, float]
    similarities: dict[tuple[str, int], float]
    calibration: Calibration = UNCALIBRATED


def _weights(req: Request, index: BM25Index, ignore: set[str]) -> dict[str, float]:
    """Idf weights of the question's terms; words no document uses cannot be evidence either way.

    Thesaurus terms count at half weight: they say what the question is about, not what it said.
    """
    weights = {t: 0.5 * index.idf(t) for t in set(terms(req.expansion)) if t not in ignore and t in index.postings}
    weights.update({t: index.idf(t) for t in set(terms(req.question)) if t not in ignore and t in index.postings})
    return weights


def coverage(sentence_terms: set[str], weights: dict[str, float], index: BM25Index) -> float:
    """The idf-weighted share of question terms in a sentence; a compound counts for half."""
    total = sum(weights.values())
    found = 0.0
    for t, w in weights.items():
        if t in sentence_terms:
            found += w
        elif any(c in sentence_terms for c in index.compounds(t)):
            found += w / 2
    return found / total if total else 0.0


# "Where can I go / who can help": residents need the name of a place or organisation.
_WANTS_PLACE = re.compile(
    r"\b(waar|bij wie|wie kan|wie helpt|aankloppen|terecht|heen|plek|loket|where|who can|help me)\b", re.I
)
_NAME = re.compile(r"(?<=[a-z,;:)] )(?:[A-Z][\w-]+|[A-Z]{2,})")


def names_a_place(sentence: str, ignore: set[str]) -> bool:
    """A capitalised name inside the sentence (not its first word), other than a municipality's."""
    return any(m.group(0).lower() not in ignore for m in _NAME.finditer(sentence))


_WANTS_FIGURES = re.compile(
    r"hoeveel|percentage|procent|aantal|streefwaarde|indicator|cijfer|%|how many|how much|target|grens|datum|wanneer|deadline|when",
    re.I,
)


def _looks_like_text(sentence: str, question: str) -> bool:
    """Leave out headings, flattened table rows (unless the question asks for figures), and
    instructions aimed at an assistant that a document may carry: those are data, never an answer."""
    if guard.is_injection(sentence):
        return False
    if "·" in sentence:
        return bool(_WANTS_FIGURES.search(question))
    if len(sentence.split()) < 8:
        return sentence.endswith((".", "!", "?", ";"))
    return True


def _closeness(similarity: float) -> float:
    """e5 cosines sit in a narrow band; spread the useful part (0.78-0.90) over 0-1."""
    return min(1.2, max(0.0, (similarity - 0.78) / 0.12))


def _candidates(req: Request, hits: Sequence[Hit], ev: Evidence, limit: int = 6) -> list[_Sentence]:
    kind = guard.answer_type(req.question)
    wants_place = bool(_WANTS_PLACE.search(req.question))
    wants_figures = bool(_WANTS_FIGURES.search(req.question))
    out: list[_Sentence] = []
    for h, hit in enumerate(hits[:limit]):
        for pos, sentence in enumerate(sentences(hit.passage.text)):
            if not _looks_like_text(sentence, req.question):
                continue
            cov = coverage(set(terms(sentence)), ev.weights, ev.index)
            sim = ev.similarities.get((hit.passage.chunk_id, pos), 0.0)
            score = 0.7 * cov + _closeness(sim) + 0.3 * hit.passage.score
            if kind and guard.has_fact(kind, sentence):
                score += 0.3
            if wants_place and names_a_place(sentence, _PLACE_WORDS):
                score += 0.25
            if wants_figures and re.search(r"\d", sentence):
                score += 0.2
            n_words = len(sentence.split())
            if n_words < 6 or n_words > 70:
                score -= 0.15
            out.append(_Sentence(sentence, h, pos, cov, sim, score))
    return out


def supported(
    req: Request, hits: Sequence[Hit], cands: Sequence[_Sentence], calibration: Calibration = UNCALIBRATED
) -> bool:
    """Whether the passages answer the question well enough to say anything.

    A question that wants a literal fact (phone number, opening hours, amount) is supported only
    by a sentence that has such a fact and is about the question. Otherwise any shared term will
    do, or a passage very close in meaning: residents describe their situation in words the
    policy documents do not use, and dense similarity alone does not separate answerable from
    unanswerable questions (measured on the dev set: 0.82-0.91 for both).
    """
    if not hits:
        return False
    top = [c for c in cands if c.hit < 5]
    kind = guard.answer_type(req.question)
    if kind:
        return any(guard.has_fact(kind, c.text) and c.coverage >= MIN_COVERAGE for c in top)
    best_coverage = max((c.coverage for c in top), default=0.0)
    if not (best_coverage > 0 or max(h.dense for h in hits[:5]) >= MIN_DENSE):
        return False
    best_sentence = max((c.similarity for c in top), default=0.0)
    if best_sentence == 0.0:
        return True  # no sentence vectors in this index: shared terms are all we have
    return best_sentence >= (calibration.min_sentence_in_domain if req.in_domain else calibration.min_sentence)


def _covers_elsewhere(req: Request, cands: Sequence[_Sentence]) -> bool:
    """A municipality outside the corpus counts as covered only by a sentence that names it and answers."""
    names = [o.lower() for o in req.others]
    return any(c.hit < 3 and c.coverage >= MIN_COVERAGE and any(n in c.text.lower() for n in names) for c in cands)


def _same(a: str, b: str) -> bool:
    """Near-duplicates: documents repeat a sentence in their summary and their body."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) >= 0.8 * min(len(wa), len(wb))


def _select(req: Request, hits: Sequence[Hit], candidates: Sequence[_Sentence]) -> list[_Sentence]:
    n = SENTENCES.get(req.audience, 3)
    cands = sorted(candidates, key=lambda c: -c.score)
    chosen: list[_Sentence] = []
    per_hit: dict[int, int] = {}
    groups = req.municipalities if req.comparison else ()
    # Keep municipalities apart: the best sentences of each one asked about, then the rest.
    for municipality in groups:
        own = [c for c in cands if hits[c.hit].passage.municipality == municipality]
        chosen.extend(own[: max(1, n // max(1, len(groups)))])
    for c in cands:
        if len(chosen) >= n:
            break
        if c in chosen or per_hit.get(c.hit, 0) >= 2 or (c.coverage == 0 and c.similarity < MIN_DENSE):
            continue
        if any(_same(c.text, other.text) for other in chosen):
            continue
        chosen.append(c)
        per_hit[c.hit] = per_hit.get(c.hit, 0) + 1
    return sorted(
        chosen,
        key=lambda c: (
            groups.index(hits[c.hit].passage.municipality)
            if hits[c.hit].passage.municipality in groups
            else len(groups),
            c.hit,
            c.position,
        ),
    )


def _cite(sentence: str, n: int) -> str:
    m = _END.search(sentence)
    return f"{sentence[: m.start()]} [{n}]{m.group(0)[0]}" if m else f"{sentence} [{n}]."


def where_to_ask(req: Request) -> str:
    named = req.municipalities or req.others
    if req.language == "en":
        place = " or ".join(f"the municipality of {m}" for m in named) if named else "your municipality"
        return f"Please contact {place}, for example the Wmo desk or the social neighbourhood team."
    place = " of ".join(f"de gemeente {m}" for m in named) if named else "uw gemeente"
    return f"Neem contact op met {place}, bijvoorbeeld het Wmo-loket of het sociaal (wijk)team."


def refusal(req: Request, reason: str) -> Composed:
    """A polite refusal that says why and where to ask instead; it never repeats the question."""
    en = req.language == "en"
    if reason == "injection":
        text = (
            "I cannot do that. I only answer questions about social policy from the municipal documents."
            if en
            else "Dat kan ik niet doen. Ik beantwoord alleen vragen over sociaal beleid, op basis van de documenten van de gemeente."
        )
    elif reason == "elsewhere":
        text = (
            "My documents only cover Leidschendam-Voorburg, Leiden and Leiderdorp, so I cannot answer this."
            if en
            else "Mijn documenten gaan alleen over Leidschendam-Voorburg, Leiden en Leiderdorp. Daarom kan ik deze vraag niet beantwoorden."
        )
    else:
        text = (
            "The documents I can search do not contain this, so I cannot answer it reliably. I answer questions about "
            "social support (Wmo, youth care, income support, debt help, informal care, integration) from municipal documents."
            if en
            else "Dit staat niet in de documenten die ik kan doorzoeken. Daarom kan ik het niet betrouwbaar beantwoorden. "
            "Ik beantwoord vragen over zorg, ondersteuning en sociaal beleid (zoals Wmo, jeugdhulp, minimaregelingen, "
            "schuldhulp, mantelzorg en inburgering) op basis van de documenten van de gemeente."
        )
    return Composed(f"{text} {where_to_ask(req)}", True, ())


def compose(
    req: Request,
    hits: Sequence[Hit],
    index: BM25Index,
    ignore: set[str],
    similarities: dict[tuple[str, int], float] | None = None,
    calibration: Calibration = UNCALIBRATED,
) -> Composed:
    """An answer made of the passages' own sentences, each cited, or a refusal."""
    ev = Evidence(index, _weights(req, index, ignore), similarities or {}, calibration)
    cands = _candidates(req, hits, ev)
    if req.others and not req.municipalities and not _covers_elsewhere(req, cands):
        return refusal(req, "elsewhere")
    if not supported(req, hits, cands, calibration):
        return refusal(req, "unsupported")
    chosen = _select(req, hits, cands)
    if not chosen:
        return refusal(req, "unsupported")
    numbers: dict[int, int] = {}
    citations: list[Citation] = []
    lines: list[str] = []
    label = len({hits[c.hit].passage.municipality for c in chosen}) > 1
    for c in chosen:
        passage: Passage = hits[c.hit].passage
        if c.hit not in numbers:
            numbers[c.hit] = len(numbers) + 1
            citations.append(Citation(numbers[c.hit], passage))
        sentence = _cite(c.text, numbers[c.hit])
        lines.append(f"{passage.municipality}: {sentence}" if label else sentence)
    return Composed(f"{_intro(req, chosen, hits, label)}\n" + "\n".join(lines), False, tuple(citations))


def _intro(req: Request, chosen: Sequence[_Sentence], hits: Sequence[Hit], several: bool) -> str:
    en = req.language == "en"
    if several:
        return (
            "The documents say different things per municipality (quoted in Dutch):"
            if en
            else "Het antwoord verschilt per gemeente. Dit staat in de documenten:"
        )
    municipality = hits[chosen[0].hit].passage.municipality
    return (
        f"The documents of {municipality} say (quoted in Dutch):"
        if en
        else f"Dit staat in de documenten van de gemeente {municipality}:"
    )
