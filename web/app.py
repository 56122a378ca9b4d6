"""create_app(): the FastAPI app with the JSON API, the chat page and the document views."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.core import Assistant
from assistant.errors import AssistantError, IndexMissingError, ModelMissingError, UnknownMunicipalityError
from assistant.settings import Settings, get_settings
from web.limits import RateLimiter
from web.logs import without_query_strings

STATIC = Path(__file__).parent / "static"
_SURROGATE = re.compile("[\ud800-\udfff]")
CallNext = Callable[[Request], Awaitable[Response]]

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(
    settings: Settings | None = None, *, assistant: Assistant | None = None, library: object | None = None
) -> FastAPI:
    """The app; the assistant is built once at start-up unless one is given (tests).

    `library` (an `ingest.library.Library`) switches on document management for staff; the web
    layer does not import ingest itself, so `wegwijzer.app.create` wires it in.
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        without_query_strings()  # questions can be in /api/search?q=...: keep them out of the access log
        if assistant is None:
            from assistant.wiring import build_assistant

            app.state.assistant = build_assistant(settings)
            with contextlib.suppress(AssistantError):
                app.state.assistant.warm_up()
        yield

    app = FastAPI(title="Wegwijzer", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.assistant = assistant
    app.state.library = library
    app.state.limiter = (
        RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
        if settings.rate_limit_per_minute > 0
        else None
    )

    @app.middleware("http")
    async def body_limit(request: Request, call_next: CallNext) -> Response:
        """Refuse large bodies before reading them; bodies of unknown length are refused too."""
        if request.method in ("POST", "PUT", "PATCH"):
            length = request.headers.get("content-length")
            if length is None and request.headers.get("transfer-encoding"):
                return JSONResponse({"detail": "Geef de lengte van het verzoek op (Content-Length)."}, status_code=411)
            limit = settings.max_request_kb * 1024
            if request.url.path == "/staff/documents":
                limit = settings.max_upload_mb * 2**20 + 64 * 1024  # the file plus its form fields
            if length is not None and (not length.isdigit() or int(length) > limit):
                return JSONResponse(
                    {"detail": f"Het verzoek is te groot (maximaal {limit // 1024} kB)."}, status_code=413
                )
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: CallNext) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(IndexMissingError)
    async def index_missing(request: Request, exc: IndexMissingError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(ModelMissingError)
    async def model_missing(request: Request, exc: ModelMissingError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        """FastAPI's 422, written so that it can be sent: its own handler echoes the input, and JSON lets a client
        send half a UTF-16 pair ("\\ud800"), which no UTF-8 response can hold, so it answered 500."""
        return JSONResponse({"detail": _sendable(jsonable_encoder(exc.errors()))}, status_code=422)

    @app.exception_handler(UnknownMunicipalityError)
    async def unknown_municipality(request: Request, exc: UnknownMunicipalityError) -> JSONResponse:
        return JSONResponse(
            {"detail": [{"loc": ["body", "municipality"], "msg": str(exc), "type": "value_error"}]}, status_code=422
        )

    from web import api, chat, documents, feedback, openai_api, staff
    from web.deps import templates

    titles = {401: "Inloggen vereist", 403: "Geen toegang", 404: "Niet gevonden", 429: "Even geduld"}

    @app.exception_handler(StarletteHTTPException)
    async def friendly_errors(request: Request, exc: StarletteHTTPException) -> Response:
        """Browsers get a page in plain Dutch; the API and other clients keep FastAPI's JSON."""
        wants_html = "text/html" in request.headers.get("accept", "")
        if request.url.path.startswith(("/api/", "/healthz")) or not wants_html:
            return await http_exception_handler(request, exc)
        context = {"request": request, "title": titles.get(exc.status_code, "Er ging iets mis"), "message": exc.detail}
        return templates.TemplateResponse(
            request, "error.html", context, status_code=exc.status_code, headers=getattr(exc, "headers", None)
        )

    app.include_router(api.router)
    app.include_router(openai_api.router)
    app.include_router(chat.router)
    app.include_router(documents.router)
    app.include_router(feedback.router)
    app.include_router(staff.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _sendable(value: object) -> object:
    """`value` with every string's lone surrogates replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_sendable(v) for v in value]
    if isinstance(value, dict):
        return {k: _sendable(v) for k, v in value.items()}
    return value
