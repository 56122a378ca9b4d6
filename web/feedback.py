"""Feedback on answers: residents vote and comment; staff read it and export it as CSV."""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assistant.privacy import mask
from web.deps import StaffDep, StorageDep, templates
from web.limits import rate_limit

router = APIRouter()


@router.post("/feedback", response_class=HTMLResponse, dependencies=[Depends(rate_limit)])
def feedback(
    request: Request,
    storage: StorageDep,
    turn: Annotated[int, Form(ge=1, le=2**62)],  # SQLite integers are 64-bit
    vote: Annotated[int, Form(ge=-1, le=1)],
    comment: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    stored = storage.turn(turn)
    if stored is None or vote not in (-1, 1):
        raise HTTPException(422, "Onbekend antwoord of ongeldige waardering.")
    storage.add_feedback(stored, vote, mask(comment.strip()))
    if request.headers.get("HX-Request") == "true":
        return templates.TemplateResponse(request, "_thanks.html", {"request": request})
    return RedirectResponse(f"/?c={stored.conversation}#turn-{stored.id}", status_code=303)


@router.get("/staff/feedback", response_class=HTMLResponse)
def staff_feedback(request: Request, storage: StorageDep, _: StaffDep) -> Response:
    return templates.TemplateResponse(request, "feedback.html", {"request": request, "rows": storage.feedback()})


@router.get("/staff/feedback.csv")
def staff_feedback_csv(storage: StorageDep, _: StaffDep) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "turn", "vote", "comment", "question", "answer", "cited", "created"])
    for r in storage.feedback():
        writer.writerow(
            [r["id"], r["turn"], r["vote"], r["comment"], r["question"], r["answer"], r["cited"], r["created"]]
        )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="wegwijzer-feedback.csv"'},
    )
