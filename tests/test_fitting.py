import json
import random

from assistant.answer_model import AnswerModel, Logistic, Trees, Variant
from assistant.answering import Request, evidence
from assistant.domain import Passage
from assistant.lexical import BM25Index
from assistant.retrieval import Hit
from evals import fitting
from evals.dataset import Gold, Item
from evals.fitting import Example, _trees, dumps, trees_from_sklearn

FEATURES = ("a", "b", "c")


def _rows(n: int = 400) -> tuple[list[dict[str, float]], list[int]]:
    rng = random.Random(7)
    rows = [{f: rng.uniform(-1, 1) for f in FEATURES} for _ in range(n)]
    # Not linear, so the trees have something to learn that a logistic regression would not.
    labels = [int(r["a"] * r["b"] > 0.1 or r["c"] > 0.8) for r in rows]
    return rows, labels


def test_the_shipped_trees_give_sklearns_probabilities():
    # `trees_from_sklearn` reads sklearn's private tree arrays: this is what keeps it honest across versions.
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    rows, labels = _rows()
    x = np.array([[r[f] for f in FEATURES] for r in rows])
    model = HistGradientBoostingClassifier(max_iter=30, max_depth=3, early_stopping=False, random_state=0).fit(
        x, labels
    )
    trees = trees_from_sklearn(model, FEATURES)
    expected = model.predict_proba(x)[:, 1]
    assert np.allclose(trees.probabilities(rows), expected, atol=1e-4)
    assert abs(trees.probability(rows[0]) - expected[0]) < 1e-4


def test_a_fitted_model_reads_back_the_same_from_its_file():
    rows, labels = _rows()
    trees = _trees(rows, labels, FEATURES)
    gate = Logistic(("a",), (1.0,), 0.0, (0.0,), (1.0,))
    model = AnswerModel("m", Variant(trees, gate, 0.5, 0.5), Variant(trees, gate, 0.5, 0.5))
    text = dumps(model)
    again = AnswerModel.from_json(json.loads(text))
    assert isinstance(again.dense.sentence, Trees)
    assert again.dense.sentence.probabilities(rows) == trees.probabilities(rows)
    assert isinstance(again.dense.gate, Logistic)
    # One line per tree node (here in two variants), not one per number: the shipped file stays readable.
    assert len(text.splitlines()) < 2 * len(trees.feature) + 100


def test_the_trees_learn_what_a_straight_line_cannot():
    rows, labels = _rows()
    trees = _trees(rows, labels, FEATURES)
    right = sum((p >= 0.5) == bool(y) for p, y in zip(trees.probabilities(rows), labels, strict=True))
    assert right / len(rows) > 0.9
    assert trees.probabilities([]) == []


def _examples(n: int) -> list[Example]:
    """`n` labelled questions over three sentences, every other one answerable by the first sentence."""
    texts = ("Mantelzorgers kunnen terecht bij het Steunpunt Mantelzorg.", "Het wijkteam helpt.", "Zwolle is mooi.")
    hits = [
        Hit(Passage(f"c{i}", "d.txt", "T", "Ergens", 2025, "", t, 0, len(t), 1.0 / (i + 1)), 0.86, 1.0)
        for i, t in enumerate(texts)
    ]
    out = []
    for i in range(n):
        answerable = i % 2 == 0
        question = "Waar kunnen mantelzorgers terecht?" if answerable else "Wat kost een paspoort?"
        req = Request(question, "nl", "resident", (), (), False, indexed=("Ergens",), place_names=frozenset())
        ev = evidence(req, hits, BM25Index(texts), {})
        gold = [Gold(doc="d.txt", quote=texts[0])] if answerable else []
        item = Item(id=str(i), question=question, answerable=answerable, gold=gold)
        out.append(Example("s", item, ev, tuple(int(answerable and c.hit == 0) for c in ev.candidates)))
    return out


def test_a_ranker_fitted_on_few_questions_is_a_logistic_regression(monkeypatch):
    # Trees need more questions than a straight line before they choose better sentences (BENCHMARKS.md).
    assert isinstance(fitting.fit_variant(_examples(20), dense=False).sentence, Logistic)
    monkeypatch.setattr(fitting, "TREES_FROM", 10)
    assert isinstance(fitting.fit_variant(_examples(20), dense=False).sentence, Trees)
