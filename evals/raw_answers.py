"""`python -m evals.raw_answers QUESTIONS.jsonl [START END]`: what the language model wrote, before verification.

For reading by hand: each answerable question's raw model text, the mode of the final answer
(`llm:...` if it survived verification, else `extractive`), and time to first token and total.
Uses the settings (WEGWIJZER_LLM must name a model).
"""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.domain import Answer
from assistant.settings import get_settings
from assistant.wiring import build_assistant
from evals import dataset


def main() -> None:
    path, start, end = Path(sys.argv[1]), *(int(a) for a in (sys.argv[2:4] or ["0", "10"]))
    assistant = build_assistant(get_settings())
    for item in dataset.load(path)[start:end]:
        if not item.answerable:
            continue
        pieces: list[str] = []
        answer: Answer | None = None
        for event in assistant.ask_events(item.question, audience=item.audience):
            if isinstance(event, str):
                pieces.append(event)
            else:
                answer = event
        assert answer is not None  # the last event is always the Answer
        print(f"{item.id}: {item.question}\nRAW: {''.join(pieces)}")
        print(
            f"MODE: {answer.mode}  first token {answer.timings_ms.get('first_token')} ms, "
            f"total {answer.timings_ms['total']} ms\nFINAL: {answer.text}\n"
        )


if __name__ == "__main__":
    main()
