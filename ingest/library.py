"""The corpus folder as staff change it: add and remove documents, re-index in the background.

Files are checked by their content before they are kept (a PDF must be a PDF that yields text), land
in the folder atomically, and their metadata goes into `sources.json`. Re-indexing runs one at a
time across all processes (a lock file), and its progress is written to a status file that every
app worker can read.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import re
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.errors import DocumentRejectedError
from assistant.protocols import Embedder, VectorStore
from assistant.versions import TEXTS
from ingest.indexing import corpus_files, ingest, write_atomically
from ingest.loaders import LoadError, load, sniff
from ingest.sources import SOURCES_FILE, SourcesError, metadata, read_sources, write_entry

ALLOWED = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html", ".md": "text", ".txt": "text"}
_UNSAFE = re.compile(r"[^\w\s.,()\[\]&+-]")


def safe_name(name: str) -> str:
    """A file name to keep: no folders, no leading dots, only ordinary characters (spaces and brackets are fine)."""
    base = Path(name.replace("\\", "/")).name.strip()
    base = _UNSAFE.sub("_", base).lstrip(".").strip()[:120]
    if not base or Path(base).suffix.lower() not in ALLOWED:
        raise DocumentRejectedError(f"Kies een bestand met een van deze typen: {', '.join(sorted(set(ALLOWED)))}.")
    return base


@contextlib.contextmanager
def _locked(path: Path, wait: bool = True) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise DocumentRejectedError("Er loopt al een indexering. Wacht tot die klaar is.") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Library:
    """The documents in `corpus`, changed by staff; indexing state lives in `data_dir`."""

    def __init__(self, corpus: Path, data_dir: Path, max_bytes: int = 20 * 2**20) -> None:
        self.corpus, self.data_dir, self.max_bytes = corpus, data_dir, max_bytes
        self._status_file = data_dir / "indexing.json"
        self._index_lock = data_dir / "ingest.lock"
        self._sources_lock = data_dir / "sources.lock"

    def problem(self) -> str:
        """What is wrong with the folder's sources.json ('' when nothing), for the staff page."""
        try:
            read_sources(self.corpus)
        except SourcesError as exc:
            return str(exc)
        return ""

    def documents(self) -> list[dict[str, Any]]:
        try:
            sources = read_sources(self.corpus, check_files=False)
        except SourcesError:
            sources = {}  # the page shows `problem()`; the files are still listed
        out = []
        for path in corpus_files(self.corpus) if self.corpus.is_dir() else []:
            name = path.relative_to(self.corpus).as_posix()
            meta = metadata(name, sources)
            out.append(
                {
                    "file": name,
                    "title": meta.title,
                    "municipality": meta.municipality,
                    "year": meta.year,
                    "kind": meta.kind,
                    "kb": round(path.stat().st_size / 1024),
                }
            )
        return out

    def add(
        self, filename: str, data: bytes, title: str, municipality: str, year: int | None, kind: str, replace: bool
    ) -> str:
        """Check and keep an uploaded document with its metadata; returns the name it is kept under."""
        name = safe_name(filename)
        try:
            read_sources(self.corpus, check_files=False)  # a sources.json we cannot read stays as it is
        except SourcesError as exc:
            raise DocumentRejectedError(str(exc)) from None
        if not data.strip():
            raise DocumentRejectedError(f"{name} is leeg.")
        if len(data) > self.max_bytes:
            raise DocumentRejectedError(f"{name} is te groot (maximaal {self.max_bytes // 2**20} MB).")
        expected, found = ALLOWED[Path(name).suffix.lower()], sniff(data)
        if found != expected and not (expected == "text" and found == "html"):
            raise DocumentRejectedError(f"{name} heeft de naam van een {expected}-bestand, maar de inhoud is dat niet.")
        target = self.corpus / name
        if target.exists() and not replace:
            raise DocumentRejectedError(f"{name} bestaat al. Vink 'vervangen' aan om het te vervangen.")
        # Read it the way ingest will, so a corrupt or empty document is refused now, not later.
        with tempfile.TemporaryDirectory() as tmp:
            trial = Path(tmp) / name
            trial.write_bytes(data)
            try:
                text = load(trial)
            except LoadError as exc:
                raise DocumentRejectedError(f"{name} is niet te lezen: {exc}") from None
        if not text.strip():
            raise DocumentRejectedError(f"{name} bevat geen tekst (een scan zonder tekstlaag?).")
        self.corpus.mkdir(parents=True, exist_ok=True)
        with _locked(self._sources_lock):
            write_atomically(target, data)
            entry: dict[str, str | int] = {
                "file": name,
                "title": title.strip() or metadata(name, {}).title,
                "kind": kind.strip() or "beleid",
            }
            if municipality.strip():
                entry["municipality"] = municipality.strip()
            if year:
                entry["year"] = year
            self._update_sources(name, entry)
        return name

    def remove(self, name: str) -> None:
        target = self.corpus / name
        if not target.resolve().is_relative_to(self.corpus.resolve()) or not target.is_file():
            raise DocumentRejectedError(f"{name} staat niet in de documentenmap.")
        with _locked(self._sources_lock):
            target.unlink()
            self._update_sources(name, None)

    def _update_sources(self, name: str, entry: Mapping[str, object] | None) -> None:
        try:
            data = write_entry(self.corpus, name, entry)
        except SourcesError as exc:
            raise DocumentRejectedError(str(exc)) from None
        write_atomically(self.corpus / SOURCES_FILE, data)

    def status(self) -> dict[str, Any]:
        try:
            status: dict[str, Any] = json.loads(self._status_file.read_text(encoding="utf-8"))
            return status
        except (FileNotFoundError, json.JSONDecodeError):
            return {"state": "idle"}

    def _set_status(self, **status: object) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        write_atomically(self._status_file, json.dumps(status, ensure_ascii=False).encode())

    def reindex(
        self, embedder: Embedder, store: VectorStore, sentence_store: VectorStore | None, wait: bool = False
    ) -> dict[str, Any]:
        """Bring the index in line with the folder; one run at a time, however many workers ask."""
        with _locked(self._index_lock, wait=wait):
            started = datetime.now().isoformat(timespec="seconds")
            self._set_status(state="running", started=started, done=0, total=0)
            last = [0.0]

            def progress(done: int, total: int) -> None:
                if time.monotonic() - last[0] > 1 or done == total:
                    last[0] = time.monotonic()
                    self._set_status(state="running", started=started, done=done, total=total)

            try:
                report = ingest(
                    self.corpus, embedder, store, self.data_dir / TEXTS, sentence_store, False, on_progress=progress
                )
            except Exception as exc:
                self._set_status(state="failed", started=started, error=str(exc))
                raise
            result = {
                "state": "done",
                "started": started,
                "finished": datetime.now().isoformat(timespec="seconds"),
                "added": report.added,
                "updated": report.updated,
                "removed": report.removed,
                "errors": report.errors,
                "chunks": report.chunks,
            }
            self._set_status(**result)
            return result

    def reindex_in_background(
        self, embedder: Embedder, store: VectorStore, sentence_store: VectorStore | None
    ) -> threading.Thread:
        def run() -> None:
            # A run already busy may have started before this change: wait for it, then run again.
            self.reindex(embedder, store, sentence_store, wait=True)

        thread = threading.Thread(target=run, name="wegwijzer-reindex", daemon=True)
        thread.start()
        return thread
