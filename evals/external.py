"""Convert third-party question sets into the FORMAT.md shape.

    python -m evals.external jaapjunior ../shared/external/jaapjunior/faq-iwmo-ijw-3.2.jsonl OUT.jsonl
    python -m evals.external govbench ../shared/external/govbench-vac/evaluation_dataset.jsonl OUT.jsonl

Jaapjunior's FAQ pairs become answerable questions whose gold document is the FAQ source file
(scored on gold-document hit@k after ingesting that corpus into its own data folder); the
govbench questions (Woo, DigiD, passports, elections) are out of scope and must be declined.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from evals.dataset import Gold, Item, dump


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().strip("-").strip()
        if 20 <= len(line) <= 300:
            return line
    return text.strip()[:300]


def jaapjunior(rows: list[dict]) -> list[Item]:
    items = []
    for r in rows:
        # "jaapjunior-bronnen/packages/api/jw/bronnen/X" -> "jw/bronnen/X", relative to the jaapjunior folder.
        doc = r["source_file"].split("/packages/api/", 1)[-1]
        items.append(
            Item(
                id=r["id"],
                question=r["question"],
                lang="nl",
                audience="staff",
                answerable=True,
                kind="fact",
                gold=[Gold(doc=doc, quote=_first_line(r["answer"]))],
                answer=r["answer"][:500],
            )
        )
    return items


def govbench(rows: list[dict]) -> list[Item]:
    return [
        Item(
            id=f"govbench-{i:03d}",
            question=r["question"],
            lang="nl",
            audience="resident",
            answerable=False,
            kind="out-of-scope",
            answer="Valt buiten de bronnen.",
        )
        for i, r in enumerate(rows)
    ]


def main(argv: list[str]) -> int:
    kind, source, out = argv
    rows = [json.loads(line) for line in Path(source).read_text(encoding="utf-8").splitlines() if line.strip()]
    items = {"jaapjunior": jaapjunior, "govbench": govbench}[kind](rows)
    dump(items, Path(out))
    print(f"{len(items)} questions -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
