"""`wegwijzer eval`: run question sets in-process or through the HTTP API, log and report."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from assistant.serialise import answer_json
from assistant.settings import Settings
from evals import dataset, scoring
from evals.report import HEADLINE, decline_failures
from evals.report import write as write_report


def _http_asker(url: str) -> Callable[[dataset.Item], dict]:
    import httpx

    client = httpx.Client(base_url=url, timeout=120)

    def ask(item: dataset.Item) -> dict:
        body = {"question": item.question, "audience": item.audience}
        response = client.post("/api/ask", json=body)
        for _ in range(10):  # a rate-limited server says when to come back
            if response.status_code != 429:
                break
            time.sleep(min(60.0, float(response.headers.get("Retry-After", "1"))))
            response = client.post("/api/ask", json=body)
        response.raise_for_status()
        return response.json()

    return ask


def _local_asker(settings: Settings) -> Callable[[dataset.Item], dict]:
    from assistant.wiring import build_assistant

    assistant = build_assistant(settings)
    assistant.ask("warm-up", audience="resident")  # load the model before timing anything

    def ask(item: dataset.Item) -> dict:
        return answer_json(assistant.ask(item.question, audience=item.audience))

    return ask


def run(items: list[dataset.Item], ask: Callable[[dataset.Item], dict], progress: bool = True) -> list[dict]:
    from tqdm import tqdm

    rows = []
    for item in tqdm(items, desc="Vragen", unit="vraag", disable=not progress):
        started = time.perf_counter()
        response = ask(item)
        rows.append(scoring.record(item, response, (time.perf_counter() - started) * 1000))
    return rows


def evaluate(path: Path, ask: Callable[[dataset.Item], dict], out_dir: Path, via: str, progress: bool = True) -> Path:
    """Run one question set; write log.jsonl, summary.json and report.md into a new run folder."""
    items = dataset.load(path)
    rows = run(items, ask, progress)
    summary = scoring.summarise(rows)
    out = out_dir / f"{datetime.now():%Y%m%d-%H%M%S}-{path.stem}"
    out.mkdir(parents=True, exist_ok=True)
    (out / "log.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    report = {
        "source": str(path),
        "via": via,
        "summary": summary,
        "per_kind": scoring.breakdown(rows, "kind"),
        "per_audience": scoring.breakdown(rows, "audience"),
        "per_lang": scoring.breakdown(rows, "lang"),
    }
    (out / "summary.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    write_report(out, report, rows)
    print(f"\n{path} ({len(items)} vragen, via {via}) -> {out}")
    for key in HEADLINE:
        print(f"  {key:<20} {summary[key]}")
    for title, failed in decline_failures(rows).items():
        print(f"\n  {title}: {len(failed)}")
        for r in failed:
            print(f"    {r['id']:<12} {r['question'][:100]}")
    return out


def main(args: argparse.Namespace, settings: Settings) -> int:
    if args.compare:
        from evals.compare import main as compare

        return compare(*args.compare)
    if not args.questions:
        print("Geef een vragenset op, bijvoorbeeld: wegwijzer eval ../shared/evals/dev.jsonl")
        return 2
    ask = _http_asker(args.url) if args.url else _local_asker(settings)
    for path in args.questions:
        evaluate(path, ask, args.out, args.url or "in-process")
    return 0
