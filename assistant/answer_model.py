"""The fitted parts of answering: which sentences answer, and whether to answer at all.

A sentence ranker (gradient-boosted trees, or a logistic regression when fitted on few questions) and a
gate (a logistic regression), fitted by `wegwijzer fit` on labelled questions (see `evals/fitting.py`)
and shipped as `data/answer_model.json`; nothing is trained at start-up. Each has a variant with
dense features and a lexical one: the dense features belong to the embedding model they were
fitted with, so another model (or an index without sentence vectors) gets the lexical variant.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

DENSE_FEATURES = frozenset({"similarity", "similarity_gap", "dense", "best_similarity", "best_dense"})


@dataclass(frozen=True, slots=True)
class Logistic:
    """P(y=1 | x) = sigmoid(intercept + sum(coef * (x - mean) / scale))."""

    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probability(self, x: Mapping[str, float]) -> float:
        z = self.intercept + sum(
            c * (x.get(f, 0.0) - m) / s
            for f, c, m, s in zip(self.features, self.coef, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Logistic:
        return cls(
            tuple(data["features"]),
            tuple(float(v) for v in data["coef"]),
            float(data["intercept"]),
            tuple(float(v) for v in data["mean"]),
            tuple(float(v) or 1.0 for v in data["scale"]),
        )

    def probabilities(self, rows: Sequence[Mapping[str, float]]) -> list[float]:
        return [self.probability(x) for x in rows]

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "coef": [round(v, 6) for v in self.coef],
            "intercept": round(self.intercept, 6),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
        }


@dataclass(frozen=True, slots=True)
class Trees:
    """P(y=1 | x) = sigmoid(base + the value of the leaf that x reaches in each tree): gradient-boosted trees.

    The trees' nodes lie side by side in flat tuples; `roots` says where each tree starts. At an inner
    node x goes left when x[feature] <= threshold; a leaf has feature -1 and carries its value.
    """

    features: tuple[str, ...]
    base: float
    roots: tuple[int, ...]
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]
    # The same nodes as numpy arrays, made once: every question goes through the trees.
    _arrays: tuple[Any, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        import numpy as np

        columns = (self.roots, self.feature, self.threshold, self.left, self.right, self.value)
        object.__setattr__(self, "_arrays", tuple(np.array(c) for c in columns))

    def probability(self, x: Mapping[str, float]) -> float:
        return self.probabilities([x])[0]

    def probabilities(self, rows: Sequence[Mapping[str, float]]) -> list[float]:
        """All rows through all trees at once: one step down every tree per pass."""
        import numpy as np

        if not rows:
            return []
        x = np.array([[r.get(f, 0.0) for f in self.features] for r in rows], dtype=float)
        roots, feature, threshold, left, right, value = self._arrays
        node = np.tile(roots, (len(rows), 1))  # (rows, trees)
        row = np.arange(len(rows))[:, None]
        while True:
            f = feature[node]
            inner = f >= 0
            if not inner.any():
                break
            goes_left = x[row, np.where(inner, f, 0)] <= threshold[node]
            node = np.where(inner, np.where(goes_left, left[node], right[node]), node)
        z = np.clip(self.base + value[node].sum(axis=1), -30.0, 30.0)
        return [float(p) for p in 1.0 / (1.0 + np.exp(-z))]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Trees:
        nodes = data["nodes"]  # one [feature, threshold, left, right, value] per node
        return cls(
            tuple(data["features"]),
            float(data["base"]),
            tuple(int(r) for r in data["roots"]),
            tuple(int(n[0]) for n in nodes),
            tuple(float(n[1]) for n in nodes),
            tuple(int(n[2]) for n in nodes),
            tuple(int(n[3]) for n in nodes),
            tuple(float(n[4]) for n in nodes),
        )

    def to_json(self) -> dict[str, Any]:
        nodes = zip(self.feature, self.threshold, self.left, self.right, self.value, strict=True)
        return {
            "kind": "trees",
            "features": list(self.features),
            "base": self.base,
            "roots": list(self.roots),
            "nodes": [list(n) for n in nodes],
        }


class Scorer(Protocol):
    """What the answer model asks of its sentence ranker: a probability for each feature row."""

    def probabilities(self, rows: Sequence[Mapping[str, float]]) -> list[float]: ...

    def to_json(self) -> dict[str, Any]: ...


def scorer_from_json(data: Mapping[str, Any]) -> Scorer:
    return Trees.from_json(data) if data.get("kind") == "trees" else Logistic.from_json(data)


@dataclass(frozen=True, slots=True)
class Variant:
    """One complete decision rule: a sentence ranker, an answerability gate and its threshold."""

    sentence: Scorer
    gate: Logistic
    threshold: float  # answer when P(answerable) is at least this
    keep: float  # a sentence joins the answer when its probability is at least keep * the best one's

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Variant:
        return cls(
            scorer_from_json(data["sentence"]),
            Logistic.from_json(data["gate"]),
            float(data["threshold"]),
            float(data["keep"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence.to_json(),
            "gate": self.gate.to_json(),
            "threshold": round(self.threshold, 4),
            "keep": round(self.keep, 4),
        }


@dataclass(frozen=True, slots=True)
class AnswerModel:
    """The dense variant for the embedding model it was fitted with, the lexical one for any other."""

    embedding_model: str
    dense: Variant
    lexical: Variant
    fitted_on: tuple[str, ...] = ()

    def variant(self, embedding_model: str, has_sentence_vectors: bool) -> Variant:
        same_model = Path(embedding_model).name == Path(self.embedding_model).name
        return self.dense if same_model and has_sentence_vectors else self.lexical

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AnswerModel:
        return cls(
            str(data["embedding_model"]),
            Variant.from_json(data["dense"]),
            Variant.from_json(data["lexical"]),
            tuple(data.get("fitted_on", ())),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "embedding_model": self.embedding_model,
            "fitted_on": list(self.fitted_on),
            "dense": self.dense.to_json(),
            "lexical": self.lexical.to_json(),
        }


def load(path: Path | None = None) -> AnswerModel:
    """The model at `path`, or the one shipped with Wegwijzer."""
    return _load_shipped() if path is None else AnswerModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _load_shipped() -> AnswerModel:
    text = resources.files("assistant").joinpath("data/answer_model.json").read_text(encoding="utf-8")
    return AnswerModel.from_json(json.loads(text))


def lexical_only(features: Sequence[str]) -> tuple[str, ...]:
    return tuple(f for f in features if f not in DENSE_FEATURES)
