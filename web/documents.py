"""The indexed documents: a list, and one document with its passages marked for citation links."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from assistant.answering import without_article
from assistant.versions import text_path
from web.deps import AssistantDep, StorageDep, templates
from web.storage import valid_conversation_id

router = APIRouter()


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, assistant: AssistantDep) -> Response:
    docs = sorted(assistant.documents().items(), key=lambda item: (str(item[1].get("municipality")), item[0]))
    return templates.TemplateResponse(request, "documents.html", {"request": request, "documents": docs})


_MARKERS = re.compile(r"\s*\[\d+\]")


def cited_sentences(answer: dict[str, Any], n: int) -> tuple[str, list[str]]:
    """The chunk id that citation `[n]` of a stored answer points at, and the answer's sentences citing it."""
    url = next((c["url"] for c in answer.get("citations", []) if c.get("n") == n), "")
    chunk = url.partition("#")[2]
    lines = [line for line in answer.get("answer", "").split("\n") if f"[{n}]" in line]
    # Comparisons put "<municipality>: " before a sentence; that label is ours, not the document's.
    municipality = next((c["municipality"] for c in answer.get("citations", []) if c.get("n") == n), "")
    lines = [without_article(line.removeprefix(f"{municipality}: ")) for line in lines]
    return chunk, [_MARKERS.sub("", line).strip() for line in lines]


_MIN_WORDS = 4  # a shorter piece of a quoted sentence could stand anywhere


def _found(words: list[str], text: str) -> tuple[re.Match[str], int] | None:
    """Where `words` stand in `text`, or the longest run of their first words that does (at least half), with how
    many words that run has.

    A table row is quoted with ' · ' between cells that the document has on lines of their own (or between
    bars), and with its header's years before its figures ("2021 (b): 16"), which the row does not have:
    then its description is what is marked.
    """
    words = [w for w in words if w not in ("·", "|")]
    if not words:
        return None
    for end in range(len(words), min(max(_MIN_WORDS, len(words) // 2), len(words)) - 1, -1):
        m = re.search(r"[\s|·]+".join(re.escape(w) for w in words[:end]), text)
        if m:
            return m, end
    return None


def marked(text: str, sentences: list[str]) -> list[dict[str, Any]]:
    """`text` in parts, the parts that are one of `sentences` (white space forgiven) marked as cited.

    A list quoted for one of its items ("… kosten: c. categorie 3: € 306") leaves the other items out: what follows
    the lead-in is marked where it stands, after it."""
    spans = []
    for sentence in sentences:
        rest, start = sentence.rstrip(".!?:;").split(), 0
        # After the first run, only a rest long enough to stand for itself (a table row's header years do not).
        while (start == 0 or len(rest) >= _MIN_WORDS) and (found := _found(rest, text[start:])):
            m, used = found
            spans.append((start + m.start(), start + m.end()))
            rest, start = rest[used:], start + m.end()
    parts: list[dict[str, Any]] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        parts += [{"text": text[pos:start]}, {"text": text[start:end], "cited": True}]
        pos = end
    return [*parts, {"text": text[pos:]}]


@router.get("/documents/{name:path}", response_class=HTMLResponse)
def document(
    request: Request, assistant: AssistantDep, storage: StorageDep, name: str, c: str = "", t: int = 0, n: int = 0
) -> Response:
    meta = assistant.documents().get(name)
    texts = request.app.state.settings.texts_dir
    text_file = text_path(texts, name, str(meta.get("version") or "")) if meta else texts
    if meta is None or not text_file.resolve().is_relative_to(texts.resolve()) or not text_file.is_file():
        raise HTTPException(404, "Dit document staat niet in de index.")
    text = text_file.read_text(encoding="utf-8")
    # The sentences an answer quoted are marked inside their passage (only for a turn of this conversation).
    stored = storage.turn(t) if t > 0 and valid_conversation_id(c) else None
    chunk, quoted = cited_sentences(stored.answer, n) if stored and stored.conversation == c else ("", [])
    segments: list[dict[str, Any]] = []
    pos = 0
    for p in assistant.passages_of(name):
        if p.start < pos:
            continue
        segments.append({"text": text[pos : p.start]})
        passage = text[p.start : p.end]
        parts = marked(passage, quoted) if f"c-{p.chunk_id}" == chunk else [{"text": passage}]
        segments.append({"parts": parts, "id": f"c-{p.chunk_id}", "section": p.section})
        pos = p.end
    segments.append({"text": text[pos:]})
    back = f"/?c={c}" if valid_conversation_id(c) else "/"
    return templates.TemplateResponse(
        request, "document.html", {"request": request, "name": name, "meta": meta, "segments": segments, "back": back}
    )
