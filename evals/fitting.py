"""`wegwijzer fit`: fit the answer model on labelled question sets, and check it on sets it did not see.

Each question set is answered by its own index (`dev.jsonl` by the sample corpus's,
`rotterdam.jsonl=DATA_DIR` by another municipality's). From every question we keep what the
assistant decides from (`Assistant.evidence`): its candidate sentences and question features.

- The sentence ranker (gradient-boosted trees; a logistic regression on few questions) learns which
  sentences overlap a gold quote.
- The gate learns which questions the documents answer (`answerable`), from the question's
  features and what the ranker found.
- The threshold and the sentence cut (`keep`) are chosen on the fitting sets only.

`--check` leaves each set out in turn, fits on the others and runs the held-out set through the
real `Assistant.ask`, so every reported number comes from questions the model was not fitted on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.answer_model import DENSE_FEATURES, AnswerModel, Logistic, Scorer, Trees, Variant
from assistant.answering import Evidence, gate_features, ranker_features, sentence_probabilities
from assistant.core import Assistant
from assistant.serialise import answer_json
from evals import dataset, metrics, scoring

SENTENCE_FEATURES = (
    "coverage", "own_coverage", "specific", "focus", "passage_focus", "passage_coverage", "passage_specific", "similarity", "dense", "fused",
    "rank", "position", "words", "table_row", "table_row_figures", "fact_type", "names_place", "figures",
    "names_other", "procedure_words", "similarity_gap", "coverage_gap",
    # How much of the rarest words of its question sentences a sentence names: a resident's story says who asks,
    # its question what about (held out: BENCHMARKS.md, thirty-ninth session).
    "asked",
    # Whether the age group a sentence names holds the age a story gives (0 when either is not said).
    "age",
    # What kind of question it is ("waar kan ik terecht", "hoeveel"): each kind has its own share of answering
    # sentences, which the sentence features then need not carry (held out: BENCHMARKS.md, seventeenth session).
    "asks_fact", "asks_focus", "asks_place", "asks_procedure", "asks_name", "asks_why", "asks_yes_no",
    "asks_definition", "english_in_domain",
)  # fmt: skip
GATE_FEATURES = (
    "best", "second", "best_own_coverage", "best_specific", "best_passage_specific", "best_fact", "best_names_other",
    "best_focus", "top_focus", "passage_focus", "asks_focus", "top_fact", "top_specific",
    "top_procedure", "top_place", "asks_place", "asks_procedure", "asks_name", "asks_why", "asks_yes_no", "asks_definition",
    "specific_missing", "asks_fact", "in_domain", "names_other", "best_dense", "best_similarity",
    "unknown_share", "unknown_words", "unknown_subject", "other_service", "top_fact_about", "english_in_domain", "scheme_missing",
)  # fmt: skip
# The threshold is the strictest one that refuses at most this share of the fitting sets' answerable
# questions, chosen (of 0.03-0.05) for held-out over-refusal near what is asked of unseen questions, 0.05
# on the sample corpus (fifty-two sets: 0.045; Rotterdam 0.088). Lower shares trade declines for it and
# move it unevenly (0.045 no better than 0.05), and so does keeping the share on each corpus apart (held out:
# over-refusal 0.027 and 0.071, declines 0.863 and 0.836): see BENCHMARKS.md.
MAX_OVER_REFUSAL = 0.05
KEEPS = (0.3, 0.5, 0.7, 0.9)
# The sentence ranker's trees: chosen by leave-sets-out cross-validation (BENCHMARKS.md, thirty-first session).
TREES, TREE_DEPTH, LEAVES, LEARNING_RATE = 200, 4, 12, 0.05
# Fewer answerable questions than this, and the ranker is a logistic regression: on a learning curve over sets
# it was not fitted on, trees chose worse sentences than it up to about 90 questions and better from 160 on.
TREES_FROM = 150
FOLDS = 5
# Regularisation of the gate (few questions, many features): chosen by leave-one-set-out AUC (0.1 > 1 > 0.03).
GATE_C = 0.1


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled question with what the assistant decides from."""

    set_name: str
    item: dataset.Item
    evidence: Evidence
    sentence_labels: tuple[int, ...]


def _norm(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def overlaps_gold(sentence: str, document: str, gold: Sequence[dataset.Gold]) -> bool:
    """A sentence is a positive when most of its words are in a gold quote of its document, or vice versa."""
    words = set(_norm(sentence))
    for g in gold:
        if g.doc != document:
            continue
        quote = set(_norm(g.quote))
        shared = len(words & quote)
        if words and quote and (shared >= 0.6 * len(words) or shared >= 0.6 * len(quote)):
            return True
    return False


def examples(set_name: str, items: Sequence[dataset.Item], assistant: Assistant) -> list[Example]:
    """The evidence for each question that reaches the model (pure injections are declined by rule)."""
    from assistant import guard

    out = []
    for item in items:
        if guard.only_instructions(item.question, guard.legitimate_part(item.question)):
            continue
        _, hits, ev = assistant.evidence(item.question, audience=item.audience)
        labels = tuple(
            int(item.answerable and overlaps_gold(c.text, hits[c.hit].passage.document, item.gold))
            for c in ev.candidates
        )
        out.append(Example(set_name, item, ev, labels))
    return out


def _matrix(rows: list[dict[str, float]], features: Sequence[str]) -> Any:
    import numpy as np

    return np.array([[r.get(f, 0.0) for f in features] for r in rows], dtype=float)


def _logistic(rows: list[dict[str, float]], labels: list[int], features: Sequence[str], c: float = 1.0) -> Logistic:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = _matrix(rows, features)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    model.fit((x - mean) / scale, np.array(labels))
    return Logistic(tuple(features), tuple(model.coef_[0]), float(model.intercept_[0]), tuple(mean), tuple(scale))


def _trees(rows: list[dict[str, float]], labels: list[int], features: Sequence[str]) -> Trees:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = _matrix(rows, features)
    model = HistGradientBoostingClassifier(
        max_iter=TREES,
        max_depth=TREE_DEPTH,
        max_leaf_nodes=LEAVES,
        learning_rate=LEARNING_RATE,
        class_weight="balanced",
        early_stopping=False,  # the same trees on every run
        random_state=0,
    )
    model.fit(x, np.array(labels))
    return trees_from_sklearn(model, features)


def trees_from_sklearn(model: Any, features: Sequence[str]) -> Trees:
    """A fitted binary `HistGradientBoostingClassifier` as `Trees` (its trees are read from sklearn's
    private `_predictors`, so `tests/test_fitting.py` checks that both give the same probabilities)."""
    import numpy as np

    roots: list[int] = []
    nodes: list[tuple[int, float, int, int, float]] = []
    for (tree,) in model._predictors:  # one tree per boosting round for two classes
        start = len(nodes)
        roots.append(start)
        for n in tree.nodes:
            if n["is_leaf"]:
                nodes.append((-1, 0.0, 0, 0, round(float(n["value"]), 6)))
                continue
            to_left, to_right = start + int(n["left"]), start + int(n["right"])
            nodes.append((int(n["feature_idx"]), float(n["num_threshold"]), to_left, to_right, 0.0))
    feature, threshold, left, right, value = (tuple(column) for column in zip(*nodes, strict=True))
    return Trees(
        tuple(features),
        round(float(np.ravel(model._baseline_prediction)[0]), 6),
        tuple(roots),
        feature,
        threshold,
        left,
        right,
        value,
    )


def _threshold(probabilities: Sequence[float], answerable: Sequence[bool]) -> float:
    """The highest threshold that keeps over-refusal on the fitting questions within MAX_OVER_REFUSAL."""
    positives = sorted(p for p, a in zip(probabilities, answerable, strict=True) if a)
    if not positives:
        return 0.5
    allowed = int(MAX_OVER_REFUSAL * len(positives))  # this many answerable questions may fall below
    return positives[allowed] - 1e-9


def fit_variant(train: Sequence[Example], dense: bool) -> Variant:
    def usable(features: Sequence[str]) -> tuple[str, ...]:
        return tuple(f for f in features if dense or f not in DENSE_FEATURES)

    rows, labels, questions = [], [], 0
    for ex in train:
        if ex.item.answerable and any(ex.sentence_labels):
            rows += [ranker_features(ex.evidence, c) for c in ex.evidence.candidates]
            labels += list(ex.sentence_labels)
            questions += 1
    ranker = _trees if questions >= TREES_FROM else _logistic
    sentence = ranker(rows, labels, usable(SENTENCE_FEATURES))
    gate_rows = [gate_features(ex.evidence, sentence_probabilities(ex.evidence, sentence)) for ex in train]
    answerable = [ex.item.answerable for ex in train]
    gate = _logistic(gate_rows, [int(a) for a in answerable], usable(GATE_FEATURES), GATE_C)
    # The threshold is set on out-of-fold probabilities: in-sample ones are too sure of the fitting questions.
    unseen = [0.0] * len(train)
    for fold in range(FOLDS):
        fitted = _logistic(
            [r for i, r in enumerate(gate_rows) if i % FOLDS != fold],
            [int(a) for i, a in enumerate(answerable) if i % FOLDS != fold],
            usable(GATE_FEATURES),
            GATE_C,
        )
        for i in range(fold, len(train), FOLDS):
            unseen[i] = fitted.probability(gate_rows[i])
    return Variant(sentence, gate, _threshold(unseen, answerable), _best_keep(train, sentence))


def _best_keep(train: Sequence[Example], sentence: Scorer) -> float:
    """The sentence cut whose answers carry the most key facts on the fitting questions (ties: fewer sentences)."""
    from assistant.answering import SENTENCES

    ranked = []  # each question with key facts, and its first candidates, best first, with their probabilities
    for ex in train:
        if ex.item.answerable and ex.item.must_include and ex.evidence.candidates:
            probabilities = sentence_probabilities(ex.evidence, sentence)
            texts = (c.full_text for c in ex.evidence.candidates)
            best = sorted(zip(probabilities, texts, strict=True), key=lambda pc: -pc[0])
            ranked.append((ex.item, best[: SENTENCES.get(ex.item.audience, 3)]))

    def score(keep: float) -> float:
        return sum(
            metrics.key_facts(
                " ".join(t for p, t in best if p >= keep * best[0][0]), it.must_include, it.must_not_include
            )
            for it, best in ranked
        )

    return max(KEEPS, key=lambda k: (score(k), k))


def fit(train: Sequence[Example], embedding_model: str) -> AnswerModel:
    sets = tuple(sorted({ex.set_name for ex in train}))
    return AnswerModel(embedding_model, fit_variant(train, dense=True), fit_variant(train, dense=False), sets)


@dataclass
class QuestionSet:
    path: Path
    data_dir: Path | None  # None: the configured index

    @property
    def name(self) -> str:
        return self.path.stem

    @classmethod
    def parse(cls, spec: str) -> QuestionSet:
        path, _, data_dir = spec.partition("=")
        return cls(Path(path), Path(data_dir) if data_dir else None)


def main(specs: Sequence[str], out: Path, check: bool, runs: Path) -> int:
    from assistant.settings import Settings, get_settings
    from assistant.wiring import build_assistant, build_embedder

    base = get_settings()
    embedder = build_embedder(base)
    sets = [QuestionSet.parse(s) for s in specs]
    assistants: dict[str, Assistant] = {}
    items: dict[str, list[dataset.Item]] = {}
    collected: list[Example] = []
    for qs in sets:
        settings = base if qs.data_dir is None else Settings(**{**base.model_dump(), "data_dir": qs.data_dir})
        assistants[qs.name] = build_assistant(settings, embedder=embedder, chat=None)
        items[qs.name] = dataset.load(qs.path)
        found = examples(qs.name, items[qs.name], assistants[qs.name])
        print(f"{qs.path}: {len(found)} vragen, {sum(sum(e.sentence_labels) for e in found)} goudzinnen")
        collected += found
    if check and len(sets) > 1:
        print("\nElke set apart gehouden: gefit op de andere, gemeten op deze (via Assistant.ask):")
        for qs in sets:
            held_out = fit([e for e in collected if e.set_name != qs.name], embedder.name)
            assistant = assistants[qs.name]
            assistant.model = held_out
            rows = [
                scoring.record(item, answer_json(assistant.ask(item.question, audience=item.audience)), 0.0)
                for item in items[qs.name]
            ]
            summary = scoring.summarise(rows)
            _report(qs.name, summary, rows, runs)
    model = fit(collected, embedder.name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dumps(model), encoding="utf-8")
    print(f"\nModel op alle sets gefit -> {out}")
    return 0


_NUMBERS = re.compile(r"\[([^\[\]{}\"]+)\]")  # a JSON list without strings or lists in it


def dumps(model: AnswerModel) -> str:
    """The model as indented JSON, with each list of numbers (a tree node, coefficients) on one line."""
    text = json.dumps(model.to_json(), indent=1)
    return _NUMBERS.sub(lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]", text) + "\n"


CHECKED = ("refusal_accuracy", "over_refusal", "key_facts", "citation_support", "hit@10", "forbidden_hits")


def _report(name: str, summary: dict, rows: list[dict], runs: Path) -> None:
    print(f"  {name:<14} " + "  ".join(f"{k} {summary[k]}" for k in CHECKED))
    runs.mkdir(parents=True, exist_ok=True)
    (runs / f"heldout-{name}.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    (runs / f"heldout-{name}.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
