"""`wegwijzer load URL`: a bounded load test against a running server (N clients for S seconds)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import threading
import time
from datetime import date
from pathlib import Path

from evals import dataset
from evals.metrics import percentile

# Plain questions that name no municipality, so they fit any corpus; --questions gives your own.
DEFAULT_QUESTIONS = (
    "Waar kunnen mantelzorgers terecht?",
    "Hoeveel opvangplekken moet de gemeente organiseren?",
    "We hebben weinig geld, kan de gemeente helpen met een laptop voor school?",
    "Welke organisatie helpt bij eenzaamheid?",
)


def load(url: str, clients: int, seconds: float, questions: list[str]) -> dict:
    """Each client asks questions in turn, one at a time, until the time is up; every status is counted."""
    import httpx

    latencies: list[float] = []
    statuses: dict[str, int] = {}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        with httpx.Client(base_url=url, timeout=120) as http:
            i = n
            while time.monotonic() < stop:
                question = questions[i % len(questions)]
                i += 1
                started = time.perf_counter()
                try:
                    status = str(http.post("/api/ask", json={"question": question}).status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                took = (time.perf_counter() - started) * 1000
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                    latencies.append(took)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return {
        "url": url,
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "statuses": statuses,
        "errors": sum(n for s, n in statuses.items() if s != "200"),
        "per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "max_ms": round(max(latencies, default=0.0), 1),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "date": date.today().isoformat(),
    }


def main(args: argparse.Namespace) -> int:
    questions = [i.question for i in dataset.load(args.questions)] if args.questions else list(DEFAULT_QUESTIONS)
    result = load(args.url, args.clients, args.seconds, questions)
    print(json.dumps(result, indent=2))
    if args.out:
        with Path(args.out).open("a", encoding="utf-8") as f:
            f.write(json.dumps(result) + "\n")
    return 0 if result["errors"] == 0 else 1
