"""Conversations and feedback in SQLite: durable, one file, safe for several workers."""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,          -- the API's answer JSON
    municipality TEXT,
    audience TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_conversation ON turns (conversation, id);
CREATE TABLE IF NOT EXISTS pending (
    id TEXT PRIMARY KEY,           -- a question posted with HTMX, answered by its event stream
    conversation TEXT NOT NULL,
    question TEXT NOT NULL,
    municipality TEXT,
    audience TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    turn INTEGER NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    cited TEXT NOT NULL,           -- JSON list of cited passages
    created REAL NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class StoredTurn:
    id: int
    conversation: str
    question: str
    answer: dict
    municipality: str | None
    audience: str


def new_conversation_id() -> str:
    return secrets.token_urlsafe(16)


def valid_conversation_id(value: str | None) -> bool:
    return value is not None and 10 <= len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)


class Storage:
    """Every call opens its own connection: cheap in SQLite, and safe across threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        try:
            with db:
                yield db
        finally:
            db.close()

    def add_turn(self, conversation: str, question: str, answer: dict, municipality: str | None, audience: str) -> int:
        with self._connect() as db:
            cur = db.execute(
                "INSERT INTO turns (conversation, question, answer, municipality, audience, created) VALUES (?, ?, ?, ?, ?, ?)",
                (conversation, question, json.dumps(answer, ensure_ascii=False), municipality, audience, time.time()),
            )
            assert cur.lastrowid is not None  # an INSERT always has one
            return cur.lastrowid

    def turns(self, conversation: str) -> list[StoredTurn]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT id, conversation, question, answer, municipality, audience FROM turns WHERE conversation = ? ORDER BY id",
                (conversation,),
            ).fetchall()
        return [StoredTurn(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]

    def turn(self, turn_id: int) -> StoredTurn | None:
        with self._connect() as db:
            r = db.execute(
                "SELECT id, conversation, question, answer, municipality, audience FROM turns WHERE id = ?", (turn_id,)
            ).fetchone()
        return StoredTurn(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) if r else None

    def clear(self, conversation: str) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM turns WHERE conversation = ?", (conversation,))

    def add_pending(self, conversation: str, question: str, municipality: str | None, audience: str) -> str:
        pending_id = secrets.token_urlsafe(16)
        with self._connect() as db:
            db.execute("DELETE FROM pending WHERE created < ?", (time.time() - 3600,))
            db.execute(
                "INSERT INTO pending (id, conversation, question, municipality, audience, created) VALUES (?, ?, ?, ?, ?, ?)",
                (pending_id, conversation, question, municipality, audience, time.time()),
            )
        return pending_id

    def take_pending(self, pending_id: str) -> tuple[str, str, str | None, str] | None:
        """(conversation, question, municipality, audience) of a pending question, removed so it runs once."""
        with self._connect() as db:
            row = db.execute(
                "SELECT conversation, question, municipality, audience FROM pending WHERE id = ?", (pending_id,)
            ).fetchone()
            db.execute("DELETE FROM pending WHERE id = ?", (pending_id,))
        return (row[0], row[1], row[2], row[3]) if row else None

    def add_feedback(self, turn: StoredTurn, vote: int, comment: str) -> None:
        cited = [
            {"n": c["n"], "document": c["document"], "section": c["section"], "text": c["text"]}
            for c in turn.answer.get("citations", [])
        ]
        with self._connect() as db:
            db.execute(
                "INSERT INTO feedback (turn, vote, comment, question, answer, cited, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    turn.id,
                    vote,
                    comment,
                    turn.question,
                    turn.answer.get("answer", ""),
                    json.dumps(cited, ensure_ascii=False),
                    time.time(),
                ),
            )

    def feedback(self) -> list[dict]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            rows = db.execute("SELECT * FROM feedback ORDER BY id DESC").fetchall()
        return [dict(r) for r in rows]
