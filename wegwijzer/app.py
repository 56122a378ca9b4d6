"""The app with everything wired in, for `wegwijzer serve` and for uvicorn with several workers:

uvicorn wegwijzer.app:create --factory --workers 4
"""

from __future__ import annotations

from fastapi import FastAPI

from assistant.settings import Settings, get_settings


def create(settings: Settings | None = None) -> FastAPI:
    from ingest.library import Library
    from web.app import create_app

    settings = settings or get_settings()
    library = Library(settings.corpus_dir, settings.data_dir, settings.max_upload_mb * 2**20)
    return create_app(settings, library=library)
