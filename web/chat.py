"""The chat: ask, stream the answer, follow up, clear. HTMX requests get partials, others full pages."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from assistant.core import MAX_QUESTION_CHARS, Assistant, normalise, question_problem
from assistant.domain import Turn
from assistant.errors import IndexMissingError, UnknownMunicipalityError
from assistant.privacy import mask
from assistant.serialise import answer_json
from web.deps import AssistantDep, StorageDep, indexed_municipalities, templates, with_conversation
from web.limits import rate_limit
from web.storage import Storage, StoredTurn, new_conversation_id, valid_conversation_id

router = APIRouter()
_MARKER = re.compile(r"\[(\d+)\]")
AUDIENCES = {"resident": "Inwoner", "staff": "Medewerker"}


def answer_lines(answer: dict[str, Any], conversation: str, turn: int | None = None) -> list[list[dict[str, Any]]]:
    """The answer as lines of text and citation links, built from data (never from HTML)."""
    urls = {c["n"]: with_conversation(c["url"], conversation, turn, c["n"]) for c in answer.get("citations", [])}
    lines = []
    for line in answer.get("answer", "").split("\n"):
        parts: list[dict[str, Any]] = []
        pos = 0
        for m in _MARKER.finditer(line):
            n = int(m.group(1))
            if n in urls:
                parts.append({"text": line[pos : m.start()]})
                parts.append({"cite": n, "url": urls[n]})
                pos = m.end()
        parts.append({"text": line[pos:]})
        lines.append(parts)
    return lines


def _view(turn: StoredTurn) -> dict[str, Any]:
    """A stored turn as the templates show it; links keep the conversation for the way back."""
    sources = [
        {**c, "url": with_conversation(c["url"], turn.conversation, turn.id, c["n"])}
        for c in turn.answer.get("citations", [])
    ]
    related = [{**p, "url": with_conversation(p["url"], turn.conversation)} for p in turn.answer.get("related", [])]
    return {
        "sources": sources,
        "related": related,
        "id": turn.id,
        "question": turn.question,
        "answer": turn.answer,
        "lines": answer_lines(turn.answer, turn.conversation, turn.id),
        "audience": turn.audience,
    }


def _chat_context(
    request: Request,
    assistant: Assistant,
    storage: Storage,
    conversation: str,
    municipality: str,
    audience: str,
    error: str = "",
) -> dict[str, Any]:
    municipalities = indexed_municipalities(request)
    try:
        examples = assistant.examples() if municipalities else []
    except Exception:  # as for the municipalities: the page works without examples
        examples = []
    return {
        "request": request,
        "conversation": conversation,
        "municipality": municipality,
        "audience": audience if audience in AUDIENCES else "resident",
        "audiences": AUDIENCES,
        "municipalities": municipalities,
        "turns": [_view(t) for t in storage.turns(conversation)] if conversation else [],
        "examples": examples,
        "error": error,
        "max_chars": MAX_QUESTION_CHARS,
    }


@router.get("/", response_class=HTMLResponse)
def chat(
    request: Request,
    assistant: AssistantDep,
    storage: StorageDep,
    c: str = "",
    municipality: str = "",
    audience: str = "resident",
) -> Response:
    conversation = c if valid_conversation_id(c) else ""
    return templates.TemplateResponse(
        request, "chat.html", _chat_context(request, assistant, storage, conversation, municipality, audience)
    )


@router.post("/ask", response_class=HTMLResponse, dependencies=[Depends(rate_limit)])
def ask(
    request: Request,
    assistant: AssistantDep,
    storage: StorageDep,
    question: Annotated[str, Form()] = "",
    municipality: Annotated[str, Form()] = "",
    audience: Annotated[str, Form()] = "resident",
    c: Annotated[str, Form()] = "",
) -> Response:
    conversation = c if valid_conversation_id(c) else new_conversation_id()
    audience = audience if audience in AUDIENCES else "resident"
    # Personal details are never needed for an answer, and are never stored.
    question = mask(question)
    htmx = request.headers.get("HX-Request") == "true"
    error = ""
    problem = question_problem(question)
    if problem == "empty":
        error = "Typ eerst een vraag."
    elif problem == "too_long":
        error = f"Uw vraag is te lang. Gebruik maximaal {MAX_QUESTION_CHARS} tekens."
    if not error and htmx:
        # With HTMX the answer streams: the page gets a placeholder that opens the event stream.
        pending = storage.add_pending(conversation, normalise(question), municipality or None, audience)
        context = {
            "request": request,
            "question": normalise(question),
            "pending": pending,
            "conversation": conversation,
        }
        response = templates.TemplateResponse(request, "_pending.html", context)
        # Keep the conversation in the address bar, so a reload shows it again.
        response.headers["HX-Push-Url"] = _chat_url(conversation, municipality, audience)
        return response
    if not error:
        try:
            turn_id = _answer(assistant, storage, conversation, question, municipality, audience)
            return RedirectResponse(
                f"{_chat_url(conversation, municipality, audience)}#turn-{turn_id}", status_code=303
            )
        except UnknownMunicipalityError as exc:
            error = str(exc)
        except IndexMissingError as exc:
            error = f"Wegwijzer is nog niet klaar: {exc}"
    context = _chat_context(request, assistant, storage, conversation, municipality, audience, error)
    if htmx:
        # The message goes next to the form, not into the conversation.
        headers = {"HX-Retarget": "#form-error", "HX-Reswap": "innerHTML"}
        return templates.TemplateResponse(request, "_error.html", context, headers=headers)
    return templates.TemplateResponse(request, "chat.html", context, status_code=422)


def _chat_url(conversation: str, municipality: str, audience: str) -> str:
    return "/?" + urlencode({"c": conversation, "municipality": municipality, "audience": audience})


def _answer_events(
    assistant: Assistant,
    storage: Storage,
    conversation: str,
    question: str,
    municipality: str,
    audience: str,
) -> Iterator[str | int]:
    """A language model's text pieces as they come (if one is set), then the id of the stored turn.

    The conversation's earlier turns are the history; only the verified answer is stored.
    """
    history = [
        Turn(role, text)
        for t in storage.turns(conversation)
        for role, text in (("user", t.question), ("assistant", t.answer.get("answer", "")))
    ]
    for event in assistant.ask_events(question, municipality or None, history, audience):
        if isinstance(event, str):
            yield event
        else:
            yield storage.add_turn(
                conversation, normalise(question), answer_json(event), municipality or None, audience
            )


def _answer(
    assistant: Assistant, storage: Storage, conversation: str, question: str, municipality: str, audience: str
) -> int:
    *_, turn_id = _answer_events(assistant, storage, conversation, question, municipality, audience)
    assert isinstance(turn_id, int)  # the last event is always the stored turn's id
    return turn_id


def _sse(event: str, html: str) -> str:
    """One server-sent event; every line of the HTML gets its own data field."""
    return f"event: {event}\n" + "".join(f"data: {line}\n" for line in html.split("\n")) + "\n"


@router.get("/ask/stream/{pending_id}")
def ask_stream(pending_id: str, assistant: AssistantDep, storage: StorageDep) -> Response:
    """The answer to a pending question as server-sent events: partial answers, then the finished turn."""
    taken = storage.take_pending(pending_id)

    def events() -> Iterator[str]:
        if taken is None:
            expired = "Deze vraag is al beantwoord of verlopen. Stel hem opnieuw."
            yield _sse("done", templates.get_template("_error.html").render(error=expired))
            return
        conversation, question, municipality, audience = taken
        draft, shown = "", 0.0
        try:
            for event in _answer_events(assistant, storage, conversation, question, municipality or "", audience):
                if isinstance(event, int):
                    turn_id = event
                    break
                draft += event
                if time.monotonic() - shown > 0.15:  # a few updates a second is enough to read along
                    shown = time.monotonic()
                    lines = [[{"text": line}] for line in draft.split("\n")]
                    yield _sse("partial", templates.get_template("_lines.html").render(lines=lines, draft=True))
        except (UnknownMunicipalityError, IndexMissingError) as exc:
            yield _sse("done", templates.get_template("_error.html").render(error=str(exc)))
            return
        stored = storage.turn(turn_id)
        assert stored is not None  # just stored
        turn = _view(stored)
        if not draft:
            # Extractive answers are shown line by line as they were composed.
            for n in range(1, len(turn["lines"]) + 1):
                yield _sse("partial", templates.get_template("_lines.html").render(lines=turn["lines"][:n]))
        yield _sse("done", templates.get_template("_turn.html").render(turn=turn, conversation=conversation))

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})


@router.post("/clear")
def clear(storage: StorageDep, c: Annotated[str, Form()] = "") -> Response:
    if valid_conversation_id(c):
        storage.clear(c)
    return RedirectResponse("/", status_code=303)
