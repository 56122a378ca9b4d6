"""What the routes share: the assistant, the conversation store, the templates and the staff check.

Route modules import from here and never from each other.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from fastapi.templating import Jinja2Templates

from assistant.core import Assistant
from web.storage import Storage

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def get_assistant(request: Request) -> Assistant:
    assistant: Assistant = request.app.state.assistant
    return assistant


AssistantDep = Annotated[Assistant, Depends(get_assistant)]


def get_storage(request: Request) -> Storage:
    app = request.app
    if getattr(app.state, "storage", None) is None:
        app.state.storage = Storage(app.state.settings.data_dir / "wegwijzer.sqlite")
    storage: Storage = app.state.storage
    return storage


StorageDep = Annotated[Storage, Depends(get_storage)]

_basic = HTTPBasic(auto_error=False)


def require_staff(request: Request, credentials: Annotated[HTTPBasicCredentials | None, Depends(_basic)]) -> None:
    """Staff pages need the token from WEGWIJZER_STAFF_TOKEN (as the password); none set means closed."""
    token = request.app.state.settings.staff_token
    if not token:
        raise HTTPException(403, "Medewerkerspagina's staan uit. Stel WEGWIJZER_STAFF_TOKEN in om ze te gebruiken.")
    given = credentials.password if credentials else ""
    # Compare digests of equal length, in constant time.
    if not hmac.compare_digest(hashlib.sha256(given.encode()).digest(), hashlib.sha256(token.encode()).digest()):
        raise HTTPException(
            401, "Inloggen vereist.", headers={"WWW-Authenticate": 'Basic realm="Wegwijzer medewerkers"'}
        )


StaffDep = Annotated[None, Depends(require_staff)]


def with_conversation(url: str, conversation: str, turn: int | None = None, n: int | None = None) -> str:
    """A link into a document that keeps the conversation, for the way back, and (with `turn` and `n`)
    says which answer's citation `[n]` led there, so its sentences can be marked."""
    path, _, fragment = url.partition("#")
    marks = (("t", turn), ("n", n)) if turn else ()
    query = urlencode({k: v for k, v in (("c", conversation), *marks) if v})
    return f"{path}?{query}#{fragment}" if query else url


def indexed_municipalities(request: Request) -> list[str]:
    """The municipalities whose documents are indexed, for every page (none when the store is unreachable)."""
    try:
        names: list[str] = request.app.state.assistant.municipalities()
        return names
    except Exception:  # an unreachable store should not break the page
        return []


def listed(names: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    return f"{', '.join(names[:-1])} en {names[-1]}" if len(names) > 1 else "".join(names)


templates.env.globals.update(indexed_municipalities=indexed_municipalities, listed=listed)
