"""The JSON API of docs/CONTRACT.md: /api/ask, /api/search, /healthz."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field, field_validator

from assistant.core import MAX_QUESTION_CHARS, question_problem
from assistant.domain import Turn
from assistant.serialise import answer_json, passage_json
from web.deps import AssistantDep
from web.limits import rate_limit

router = APIRouter()


class HistoryTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=20_000)


class AskBody(BaseModel):
    question: str = Field(max_length=MAX_QUESTION_CHARS, description="De vraag")
    municipality: str | None = Field(default=None, max_length=100)
    history: list[HistoryTurn] = Field(default_factory=list, max_length=50)
    audience: Literal["resident", "staff"] = "resident"

    @field_validator("question")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if question_problem(value) == "empty":  # too long is the field's own max_length
            raise ValueError("De vraag is leeg.")
        return value


@router.post("/api/ask", dependencies=[Depends(rate_limit)])
def ask(body: AskBody, assistant: AssistantDep) -> dict:
    answer = assistant.ask(
        body.question, body.municipality or None, [Turn(t.role, t.content) for t in body.history], body.audience
    )
    return answer_json(answer)


@router.get("/api/search")
def search(
    assistant: AssistantDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION_CHARS)],
    k: Annotated[int, Query(ge=1, le=100)] = 10,
    municipality: Annotated[str | None, Query(max_length=100)] = None,
) -> dict:
    return {"passages": [passage_json(p) for p in assistant.search(q, k, municipality or None)]}


@router.get("/healthz")
def healthz(assistant: AssistantDep) -> dict:
    stats = assistant.stats()
    return {"status": "ok", **stats}
