"""Question sets in the format of evals/FORMAT.md, read unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

REFUSAL_KINDS = ("unanswerable", "out-of-scope", "prompt-injection")


class Gold(BaseModel):
    doc: str
    quote: str


class Item(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    question: str
    lang: str = "nl"
    audience: str = "resident"
    municipality: str | None = None
    answerable: bool = True
    kind: str = "fact"
    gold: list[Gold] = Field(default_factory=list)
    answer: str = ""
    must_include: list[str] = Field(default_factory=list)
    must_not_include: list[str] = Field(default_factory=list)

    @property
    def should_refuse(self) -> bool:
        """Unanswerable, out-of-scope and pure-injection items must come back refused."""
        return not self.answerable and self.kind in REFUSAL_KINDS


def load(path: Path) -> list[Item]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(Item.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: not a question in the FORMAT.md shape: {exc}") from exc
    return items


def dump(items: list[Item], path: Path) -> None:
    path.write_text("".join(json.dumps(i.model_dump(), ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
