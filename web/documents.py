"""The indexed documents: a list, and one document with its passages marked for citation links."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from assistant.versions import text_path
from web.deps import AssistantDep, templates
from web.storage import valid_conversation_id

router = APIRouter()


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, assistant: AssistantDep) -> Response:
    docs = sorted(assistant.documents().items(), key=lambda item: (str(item[1].get("municipality")), item[0]))
    return templates.TemplateResponse(request, "documents.html", {"request": request, "documents": docs})


@router.get("/documents/{name:path}", response_class=HTMLResponse)
def document(request: Request, assistant: AssistantDep, name: str, c: str = "") -> Response:
    meta = assistant.documents().get(name)
    texts = request.app.state.settings.data_dir / "texts"
    text_file = text_path(texts, name, str(meta.get("version") or "")) if meta else texts
    if meta is None or not text_file.resolve().is_relative_to(texts.resolve()) or not text_file.is_file():
        raise HTTPException(404, "Dit document staat niet in de index.")
    text = text_file.read_text(encoding="utf-8")
    segments, pos = [], 0
    for p in assistant.passages_of(name):
        if p.start < pos:
            continue
        segments.append({"text": text[pos : p.start]})
        segments.append({"text": text[p.start : p.end], "id": f"c-{p.chunk_id}", "section": p.section})
        pos = p.end
    segments.append({"text": text[pos:]})
    back = f"/?c={c}" if valid_conversation_id(c) else "/"
    return templates.TemplateResponse(
        request, "document.html", {"request": request, "name": name, "meta": meta, "segments": segments, "back": back}
    )
