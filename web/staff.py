"""Staff administration: upload, remove and re-index documents, and see how indexing went.

Every route needs the staff password (see `deps.require_staff`); changes must come from a page
of this site (Origin/Referer), so another site cannot make a logged-in browser post here.
"""

from __future__ import annotations

from typing import Annotated, Protocol
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assistant.core import Assistant
from assistant.errors import DocumentRejectedError
from assistant.protocols import Embedder, VectorStore
from web.deps import AssistantDep, StaffDep, templates

router = APIRouter(prefix="/staff")


class Library(Protocol):
    """The corpus folder and its indexing (implemented in `ingest.library`, wired in by the app's maker)."""

    max_bytes: int

    def documents(self) -> list[dict]: ...

    def problem(self) -> str: ...

    def add(
        self, filename: str, data: bytes, title: str, municipality: str, year: int | None, kind: str, replace: bool
    ) -> str: ...

    def remove(self, name: str) -> None: ...

    def status(self) -> dict: ...

    def reindex_in_background(
        self, embedder: Embedder, store: VectorStore, sentence_store: VectorStore | None
    ) -> object: ...


def same_origin(request: Request) -> None:
    """Refuse changes posted from another site (the browser sends the staff password along)."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or urlsplit(source).netloc != request.headers.get("host", ""):
        raise HTTPException(403, "Wijzigingen kunnen alleen vanaf de beheerpagina van Wegwijzer zelf.")


def get_library(request: Request) -> Library:
    library = getattr(request.app.state, "library", None)
    if library is None:
        raise HTTPException(
            404, "Documentbeheer staat uit in deze installatie. Start met 'wegwijzer serve' of wegwijzer.app:create."
        )
    return library


LibraryDep = Annotated[Library, Depends(get_library)]
ChangeDeps = [Depends(same_origin)]


def _page(
    request: Request, library: Library, assistant: Assistant, message: str = "", error: str = "", status: int = 200
) -> Response:
    context = {
        "request": request,
        "files": library.documents(),
        "indexed": assistant.documents(),
        "indexing": library.status(),
        "municipalities": assistant.municipalities(),
        "max_mb": library.max_bytes // 2**20,
        "message": message,
        "error": error or library.problem(),
    }
    return templates.TemplateResponse(request, "staff.html", context, status_code=status)


@router.get("", response_class=HTMLResponse)
def staff(request: Request, _: StaffDep, library: LibraryDep, assistant: AssistantDep, ok: str = "") -> Response:
    messages = {
        "added": "Het document is opgeslagen. Het wordt nu geïndexeerd.",
        "removed": "Het document is verwijderd.",
        "reindex": "Het indexeren is gestart.",
    }
    return _page(request, library, assistant, message=messages.get(ok, ""))


@router.get("/status", response_class=HTMLResponse)
def status(request: Request, _: StaffDep, library: LibraryDep) -> Response:
    return templates.TemplateResponse(request, "_indexing.html", {"request": request, "indexing": library.status()})


def _reindex(library: Library, assistant: Assistant) -> None:
    library.reindex_in_background(*assistant.index_parts())


@router.post("/documents", response_class=HTMLResponse, dependencies=ChangeDeps)
def upload(
    request: Request,
    _: StaffDep,
    library: LibraryDep,
    assistant: AssistantDep,
    file: Annotated[UploadFile, File()],
    title: Annotated[str, Form(max_length=300)] = "",
    municipality: Annotated[str, Form(max_length=100)] = "",
    year: Annotated[str, Form(max_length=4)] = "",
    kind: Annotated[str, Form(max_length=50)] = "",
    replace: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    data = file.file.read(library.max_bytes + 1)  # a sync route: FastAPI runs it in a worker thread
    try:
        number = int(year) if year.strip() else None
        name = library.add(file.filename or "", data, title, municipality, number, kind, replace == "ja")
    except ValueError:
        return _page(
            request, library, assistant, error="Het jaartal moet een getal zijn, bijvoorbeeld 2025.", status=422
        )
    except DocumentRejectedError as exc:
        status = 413 if len(data) > library.max_bytes else 422
        return _page(request, library, assistant, error=str(exc), status=status)
    _reindex(library, assistant)
    return RedirectResponse(f"/staff?ok=added#{name}", status_code=303)


@router.post("/documents/delete", dependencies=ChangeDeps)
def remove(
    request: Request, _: StaffDep, library: LibraryDep, assistant: AssistantDep, name: Annotated[str, Form()]
) -> Response:
    try:
        library.remove(name)
    except DocumentRejectedError as exc:
        return _page(request, library, assistant, error=str(exc), status=404)
    _reindex(library, assistant)
    return RedirectResponse("/staff?ok=removed", status_code=303)


@router.post("/reindex", dependencies=ChangeDeps)
def reindex(_: StaffDep, library: LibraryDep, assistant: AssistantDep) -> Response:
    _reindex(library, assistant)
    return RedirectResponse("/staff?ok=reindex", status_code=303)
