"""Answers and passages as the JSON shapes of docs/CONTRACT.md."""

from __future__ import annotations

from typing import Any

from assistant.domain import Answer, Passage


def passage_json(p: Passage) -> dict[str, Any]:
    return {
        "document": p.document,
        "title": p.title,
        "municipality": p.municipality,
        "year": p.year,
        "section": p.section,
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "url": p.url,
        "score": p.score,
    }


def answer_json(a: Answer) -> dict[str, Any]:
    return {
        "answer": a.text,
        "refused": a.refused,
        "language": a.language,
        "citations": [{"n": c.n, **passage_json(c.passage)} for c in a.citations],
        "passages": [passage_json(p) for p in a.passages],
        "related": [passage_json(p) for p in a.related],
        "mode": a.mode,
        "timings_ms": a.timings_ms,
    }
