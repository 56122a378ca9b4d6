"""The one module that imports langchain: everything langchain stays behind these functions.

Our own dataclasses are the data model; langchain's documents are converted here and never leave.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.domain import Chunk, Turn

if TYPE_CHECKING:  # langchain is an optional extra, imported on first use
    from langchain_community.chat_models import ChatLlamaCpp
    from langchain_core.language_models import BaseChatModel
    from langchain_ollama import ChatOllama
    from langchain_openai import ChatOpenAI


def quickstart_splitter(chunk_size: int = 1000, overlap: int = 200) -> Callable[[str, str], list[Chunk]]:
    """langchain's quick-start chunking (RecursiveCharacterTextSplitter over the raw text), as chunks.

    Used as the baseline that evaluations compare the structure-aware chunker against.
    """
    try:
        from langchain_text_splitters import RecursiveCharacterTextSplitter
    except ImportError as exc:  # an optional extra
        raise ImportError("Install the langchain extra: pip install -e '.[llm]'") from exc

    splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=overlap, add_start_index=True)

    def split(document: str, text: str) -> list[Chunk]:
        out = []
        for piece in splitter.create_documents([text]):
            start = int(piece.metadata["start_index"])
            out.append(Chunk(document, "", piece.page_content, start, start + len(piece.page_content)))
        return out

    return split


# How much a model may write, and how random: answers are short and should be repeatable.
MAX_TOKENS = 256
TEMPERATURE = 0.1
CONTEXT_TOKENS = 4096


class LangchainChatModel:
    """Any langchain chat model behind our `ChatModel` protocol; built on first use (loading can take seconds)."""

    def __init__(self, name: str, build: Callable[[], BaseChatModel], serialise: bool = False) -> None:
        self.name = name
        self._build = build
        self._model: BaseChatModel | None = None
        # llama.cpp runs in this process and is not thread-safe: one generation at a time.
        self._lock = threading.Lock() if serialise else contextlib.nullcontext()
        self._loading = threading.Lock()

    def _get(self) -> BaseChatModel:
        with self._loading:
            if self._model is None:
                self._model = self._build()
        return self._model

    def stream(self, messages: Sequence[Turn]) -> Iterator[str]:
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

        kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
        converted = [kinds[m.role](content=m.content) for m in messages]
        with self._lock:
            for chunk in self._get().stream(converted):
                if isinstance(chunk.content, str) and chunk.content:
                    yield chunk.content


def chat_model(spec: str, api_key: str = "") -> LangchainChatModel:
    """`llamacpp:/path/model.gguf`, `ollama:model[@http://host:11434]` or `openai:http://host/v1#model`."""
    kind, _, target = spec.partition(":")
    if not target:
        raise ValueError(f"WEGWIJZER_LLM='{spec}': expected llamacpp:PATH, ollama:MODEL or openai:URL#MODEL")
    if kind == "llamacpp":
        path = Path(target).expanduser()
        if not path.is_file():
            raise ValueError(f"WEGWIJZER_LLM: model file {path} does not exist")

        def llamacpp() -> ChatLlamaCpp:
            from langchain_community.chat_models import ChatLlamaCpp

            return ChatLlamaCpp(
                model_path=str(path),
                n_ctx=CONTEXT_TOKENS,
                n_batch=512,  # langchain's default of 8 makes reading the prompt several times slower
                n_threads=os.cpu_count() or 2,
                max_tokens=MAX_TOKENS,
                temperature=TEMPERATURE,
                seed=7,
                verbose=False,
            )

        return LangchainChatModel(f"llamacpp/{path.name}", llamacpp, serialise=True)
    if kind == "ollama":
        model, _, url = target.partition("@")

        def ollama() -> ChatOllama:
            from langchain_ollama import ChatOllama

            return ChatOllama(model=model, base_url=url or None, temperature=TEMPERATURE, num_predict=MAX_TOKENS)

        return LangchainChatModel(f"ollama/{model}", ollama)
    if kind == "openai":
        url, _, model = target.partition("#")
        if not model:
            raise ValueError(f"WEGWIJZER_LLM='{spec}': name the model after '#', e.g. openai:{url}#my-model")

        def openai() -> ChatOpenAI:
            from langchain_openai import ChatOpenAI
            from pydantic import SecretStr

            return ChatOpenAI(  # type: ignore[call-arg]  # max_tokens is set by name; mypy only knows its alias
                base_url=url,
                model=model,
                api_key=SecretStr(api_key or "not-needed"),
                temperature=TEMPERATURE,
                max_tokens=MAX_TOKENS,
                timeout=120,
                max_retries=1,
            )

        return LangchainChatModel(f"openai/{model}", openai)
    raise ValueError(f"WEGWIJZER_LLM='{spec}': unknown backend '{kind}' (llamacpp, ollama or openai)")
