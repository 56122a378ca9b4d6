"""The eval runner end to end on fakes, and an independent recount of its numbers from the log."""

import json
from pathlib import Path

from assistant.serialise import answer_json
from evals import dataset, runner, scoring
from evals.metrics import key_facts, quote_in

QUESTIONS = [
    {
        "id": "t-1",
        "question": "Waar kunnen mantelzorgers in Leiderdorp terecht?",
        "lang": "nl",
        "audience": "resident",
        "municipality": "Leiderdorp",
        "answerable": True,
        "kind": "where-to-go",
        "gold": [
            {
                "doc": "leiderdorp_mantelzorg.md",
                "quote": "Mantelzorgers kunnen ondersteuning krijgen van Incluzio Leiderdorp.",
            }
        ],
        "answer": "Bij Incluzio Leiderdorp.",
        "must_include": ["Incluzio"],
    },
    {
        "id": "t-2",
        "question": "Hoeveel opvangplekken organiseert Leiden?",
        "lang": "nl",
        "audience": "staff",
        "municipality": "Leiden",
        "answerable": True,
        "kind": "number/target",
        "gold": [{"doc": "leiden_jeugd.md", "quote": "Leiden 619 reguliere opvangplekken"}],
        "answer": "619",
        "must_include": ["619"],
    },
    {
        "id": "t-3",
        "question": "Wat is het telefoonnummer van Incluzio?",
        "lang": "nl",
        "audience": "resident",
        "municipality": None,
        "answerable": False,
        "kind": "unanswerable",
        "gold": [],
        "answer": "Staat er niet in.",
        "must_include": [],
        "must_not_include": ["071"],
    },
]


def test_runner_writes_log_and_report_whose_numbers_recount(mini, tmp_path: Path):
    questions = tmp_path / "q.jsonl"
    questions.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS), encoding="utf-8")
    run = runner.evaluate(
        questions,
        lambda item: answer_json(mini.ask(item.question, audience=item.audience)),
        tmp_path / "runs",
        "in-process",
        progress=False,
    )

    rows = [json.loads(line) for line in (run / "log.jsonl").read_text(encoding="utf-8").splitlines()]
    summary = json.loads((run / "summary.json").read_text(encoding="utf-8"))["summary"]
    assert (run / "report.md").exists()

    # Recount from the raw log, without the scoring module.
    items = {q["id"]: q for q in QUESTIONS}
    answerable = [r for r in rows if items[r["id"]]["answerable"]]
    hit10 = sum(
        all(any(quote_in(g["quote"], p["text"]) for p in r["passages"][:10]) for g in items[r["id"]]["gold"])
        for r in answerable
    )
    assert summary["hit@10"] == round(hit10 / len(answerable), 3)
    facts = sum(
        key_facts(r["answer"], items[r["id"]]["must_include"], items[r["id"]].get("must_not_include", [])) for r in rows
    )
    assert summary["key_facts"] == round(facts / len(rows), 3)
    refusals = [r for r in rows if not items[r["id"]]["answerable"]]
    assert summary["refusal_accuracy"] == round(sum(r["refused"] for r in refusals) / len(refusals), 3)
    assert summary["questions"] == 3 and summary["refusal_accuracy"] == 1.0 and summary["hit@10"] == 1.0


def test_dataset_reads_the_shared_format_unchanged():
    shared = Path(__file__).resolve().parents[2] / "shared" / "evals" / "dev.jsonl"
    if not shared.exists():
        import pytest

        pytest.skip("../shared/evals/dev.jsonl is not beside this checkout")
    items = dataset.load(shared)
    assert len(items) == 40 and all(i.answerable == bool(i.gold) for i in items)


def test_summary_of_no_rows_is_zero():
    assert scoring.summarise([])["questions"] == 0
