"""`wegwijzer eval --compare RUN_A RUN_B`: what got better and what got worse, per question."""

from __future__ import annotations

import json
from pathlib import Path

CHECKS = ("key_facts", "hit@10", "citation_support")


def _rows(run: Path) -> dict[str, dict]:
    log = run / "log.jsonl" if run.is_dir() else run
    return {r["id"]: r for r in map(json.loads, log.read_text(encoding="utf-8").splitlines())}


def _ok(row: dict, check: str) -> bool | None:
    if check == "refusal":
        return row["refused"] == row["should_refuse"] if (row["should_refuse"] or row["answerable"]) else None
    return row.get(check)


def compare(run_a: Path, run_b: Path) -> dict[str, list[str]]:
    """Per question and check: 'regressions' (ok in A, not in B) and 'improvements' (the reverse)."""
    a, b = _rows(run_a), _rows(run_b)
    out: dict[str, list[str]] = {"regressions": [], "improvements": []}
    for qid in sorted(set(a) & set(b)):
        for check in (*CHECKS, "refusal"):
            before, after = _ok(a[qid], check), _ok(b[qid], check)
            if before is None or after is None or before == after:
                continue
            out["improvements" if after else "regressions"].append(f"{qid} {check}: {b[qid]['question'][:80]}")
    return out


def main(run_a: Path, run_b: Path) -> int:
    result = compare(run_a, run_b)
    for kind in ("regressions", "improvements"):
        print(f"{kind} ({len(result[kind])}):")
        for line in result[kind]:
            print(f"  {line}")
    return 1 if result["regressions"] else 0
