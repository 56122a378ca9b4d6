"""Wegwijzer as an OpenAI-compatible model, so existing chat front ends can use it.

`GET /v1/models` lists `wegwijzer` (all municipalities) and one model per municipality;
`POST /v1/chat/completions` answers the last user message, with earlier messages as the
conversation. Citations become markdown footnotes that link to the document view. System
messages from the client are ignored: what the assistant does is not up to the request.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.core import MAX_QUESTION_CHARS, Assistant, question_problem
from assistant.domain import Answer, Turn
from assistant.municipalities import slug
from web.deps import AssistantDep
from web.limits import rate_limit

router = APIRouter(prefix="/v1", tags=["OpenAI-compatible"])
MODEL = "wegwijzer"
CREATED = 1767225600  # 2026-01-01: models have a fixed creation time
_MARKER = re.compile(r"\[(\d+)\]")


class TextPart(BaseModel):
    type: str
    text: str = ""


class Message(BaseModel):
    model_config = ConfigDict(extra="ignore")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[TextPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return " ".join(p.text for p in self.content if p.type == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    # Sampling options (temperature, max_tokens, ...) are accepted and ignored: answers are checked text.
    model_config = ConfigDict(extra="ignore")

    model: str = MODEL
    messages: Annotated[list[Message], Field(min_length=1, max_length=100)]
    stream: bool = False


def _error(status: int, message: str, code: str, param: str | None = None) -> JSONResponse:
    """Errors in OpenAI's shape, which its clients turn into readable exceptions."""
    return JSONResponse(
        {"error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}},
        status_code=status,
    )


def _models(assistant: Assistant) -> dict[str, str | None]:
    """Model id -> the municipality it answers for (None: all)."""
    return {MODEL: None} | {f"{MODEL}-{slug(m)}": m for m in assistant.municipalities()}


@router.get("/models")
def models(assistant: AssistantDep) -> dict:
    return {
        "object": "list",
        "data": [{"id": m, "object": "model", "created": CREATED, "owned_by": "wegwijzer"} for m in _models(assistant)],
    }


def as_markdown(answer: Answer, base_url: str) -> str:
    """The answer with `[n]` as markdown footnotes `[^n]`, each linking to its passage."""
    if not answer.citations:
        return answer.text
    text = _MARKER.sub(lambda m: f"[^{m.group(1)}]", answer.text)
    notes = []
    for c in answer.citations:
        p = c.passage
        label = " — ".join(part for part in (p.title, p.section) if part).replace("[", "(").replace("]", ")")
        where = f"{p.municipality}{f', {p.year}' if p.year else ''}"
        notes.append(f"[^{c.n}]: [{label}]({base_url.rstrip('/')}{p.url}) ({where})")
    return f"{text}\n\n" + "\n".join(notes)


def _usage(messages: list[Message], content: str) -> dict:
    # Words, not tokens: Wegwijzer has no tokenizer of its own to count with.
    prompt = sum(len(m.text().split()) for m in messages)
    completion = len(content.split())
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


@router.post("/chat/completions", response_model=None, dependencies=[Depends(rate_limit)])
def chat_completions(body: ChatRequest, request: Request, assistant: AssistantDep) -> Response:
    known = _models(assistant)
    if body.model not in known:
        return _error(
            404, f"The model '{body.model}' does not exist. Use one of: {', '.join(known)}.", "model_not_found"
        )
    turns = [m for m in body.messages if m.role in ("user", "assistant")]
    question = turns[-1].text() if turns and turns[-1].role == "user" else ""
    problem = question_problem(question)
    if problem == "empty":
        return _error(400, "The last message must be a user message with a question.", "invalid_messages", "messages")
    if problem == "too_long":
        return _error(400, f"The question is longer than {MAX_QUESTION_CHARS} characters.", "question_too_long")
    history = [Turn(m.role, m.text()) for m in turns[:-1]]
    completion_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    base = str(request.base_url)

    def answer() -> Answer:
        # Raw model pieces are not passed on: a client cannot take back what it was sent,
        # and only the verified answer may be shown.
        return assistant.ask(question, known[body.model], history)

    if not body.stream:
        content = as_markdown(answer(), base)
        return JSONResponse(
            {
                "id": completion_id,
                "object": "chat.completion",
                "created": created,
                "model": body.model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content, "refusal": None},
                        "finish_reason": "stop",
                        "logprobs": None,
                    }
                ],
                "usage": _usage(body.messages, content),
            }
        )

    def chunk(delta: dict, finish: str | None = None) -> str:
        data = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": body.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
        }
        return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"

    def events() -> Iterator[str]:
        yield chunk({"role": "assistant", "content": ""})  # the client sees at once that an answer is coming
        content = as_markdown(answer(), base)
        for piece in re.findall(r"\S+\s*|\s+", content):
            yield chunk({"content": piece})
        yield chunk({}, "stop")
        yield "data: [DONE]\n\n"

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})
