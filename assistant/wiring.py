"""The composition root: the only place where settings become objects."""

from __future__ import annotations

import os

from assistant import answer_model
from assistant.core import Assistant
from assistant.embedders import SentenceTransformerEmbedder
from assistant.protocols import ChatModel, Embedder, VectorStore
from assistant.retrieval import Retriever
from assistant.settings import Settings
from assistant.stores import ChromaStore


def build_embedder(settings: Settings) -> Embedder:
    return SentenceTransformerEmbedder(settings.embedding_model_path, precision=settings.precision)


def build_store(settings: Settings, kind: str = "passages") -> VectorStore:
    """The passage store, or (kind="sentences") the store of sentence vectors beside it."""
    name = settings.collection if kind == "passages" else f"{settings.collection}-sentences"
    if settings.chroma_url:
        return ChromaStore.http(settings.chroma_url, name)
    return ChromaStore.persistent(settings.index_dir, name)


def build_chat_model(settings: Settings) -> ChatModel | None:
    """The language model named by WEGWIJZER_LLM, or None for extractive answers."""
    if not settings.llm:
        return None
    from assistant.langchain_adapter import chat_model

    return chat_model(settings.llm, settings.llm_api_key or os.environ.get("OPENAI_API_KEY", ""))


def build_assistant(
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    store: VectorStore | None = None,
    sentence_store: VectorStore | None = None,
    chat: ChatModel | None = None,
) -> Assistant:
    if sentence_store is None and settings.sentence_vectors:
        sentence_store = build_store(settings, "sentences")
    embedder = embedder or build_embedder(settings)
    retriever = Retriever(embedder, store or build_store(settings), sentence_store)
    model = answer_model.load(settings.answer_model) if settings.answer_model else None
    return Assistant(retriever, model, chat=chat or build_chat_model(settings))
