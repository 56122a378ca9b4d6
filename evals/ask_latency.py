"""Answering time of a code tree, measured in its own process: `python evals/ask_latency.py TREE [SETS...]`.

Each question of the sets (default: ../shared/evals/dev.jsonl and dev2.jsonl) is asked three times
through `Assistant.ask` after a warm-up; the median over questions of each one's fastest time is what
the code costs, the median of all times what a busy machine adds. Run two trees alternately, each on
its own index (`WEGWIJZER_DATA_DIR`), to compare them in the same hour: HTTP adds the same to both.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path


def main(tree: str, sets: list[str]) -> None:
    sets = [str(Path(s).resolve()) for s in sets]
    sys.path.insert(0, tree)
    os.chdir(tree)  # the tree's own default data folder and model file
    from assistant.settings import Settings
    from assistant.wiring import build_assistant

    assistant = build_assistant(Settings())
    questions = [json.loads(line)["question"] for s in sets for line in Path(s).read_text().splitlines() if line]
    for q in questions[:5]:
        assistant.ask(q)
    best: list[float] = [float("inf")] * len(questions)
    every: list[float] = []
    for _ in range(3):
        for i, q in enumerate(questions):
            started = time.perf_counter()
            assistant.ask(q)
            ms = (time.perf_counter() - started) * 1000
            best[i] = min(best[i], ms)
            every.append(ms)
    print(
        f"{tree}: {len(questions)} questions, median of each one's fastest {statistics.median(best):.1f} ms, "
        f"median of all {statistics.median(every):.1f} ms"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:] or ["../shared/evals/dev.jsonl", "../shared/evals/dev2.jsonl"])
