"""Request logs without personal data: query strings (`/api/search?q=...`) never reach the log."""

from __future__ import annotations

import logging


class NoQueryStrings(logging.Filter):
    """uvicorn's access log line carries the full path; keep only the part before '?'."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0] + "?…", *args[3:])
        return True


def without_query_strings() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, NoQueryStrings) for f in access.filters):
        access.addFilter(NoQueryStrings())
