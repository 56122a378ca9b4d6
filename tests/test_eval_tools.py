import json
from pathlib import Path

from evals import compare, external, report, scoring
from evals.dataset import Gold, Item


def _row(qid: str, key_facts: bool, refused: bool = False, answerable: bool = True) -> dict:
    item = Item(
        id=qid,
        question="q",
        answerable=answerable,
        kind="fact" if answerable else "unanswerable",
        gold=[Gold(doc="a.txt", quote="alpha beta gamma")] if answerable else [],
        must_include=["alpha"] if key_facts else ["zeta"],
    )
    response = {
        "answer": "alpha",
        "refused": refused,
        "citations": [{"n": 1, "document": "a.txt", "text": "alpha beta gamma"}],
        "passages": [{"document": "a.txt", "text": "alpha beta gamma"}],
    }
    return scoring.record(item, response, 10.0)


def _write(run: Path, rows: list[dict]) -> Path:
    run.mkdir(parents=True)
    (run / "log.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return run


def test_compare_lists_regressions_and_improvements(tmp_path: Path):
    a = _write(tmp_path / "a", [_row("1", True), _row("2", False), _row("3", True, refused=True, answerable=False)])
    b = _write(tmp_path / "b", [_row("1", False), _row("2", True), _row("3", True, refused=False, answerable=False)])
    result = compare.compare(a, b)
    assert [line.split(":")[0] for line in result["regressions"]] == ["1 key_facts", "3 refusal"]
    assert [line.split(":")[0] for line in result["improvements"]] == ["2 key_facts"]


def test_document_hits_and_reports(tmp_path: Path):
    rows = [_row("1", True), _row("2", False)]
    assert rows[0]["doc_hit@1"] is True
    summary = {
        "source": "s",
        "via": "v",
        "summary": scoring.summarise(rows),
        "per_kind": scoring.breakdown(rows, "kind"),
        "per_audience": scoring.breakdown(rows, "audience"),
        "per_lang": scoring.breakdown(rows, "lang"),
    }
    report.write(tmp_path, summary, rows)
    assert "## Worst failures" in (tmp_path / "report.md").read_text()
    assert "data:image/png;base64," in (tmp_path / "report.html").read_text()
    assert [r["id"] for r in report.failures(rows)] == ["2"]


def test_external_sets_convert_to_the_format():
    faq = external.jaapjunior(
        [
            {
                "id": "f1",
                "section": "s",
                "question": "Kan dat?",
                "answer": "Ja, dat kan via het berichtenverkeer van iWmo.\n\n---",
                "source_file": "jaapjunior-bronnen/packages/api/jw/bronnen/veelgestelde-vragen",
            }
        ]
    )
    assert faq[0].gold[0].doc == "jw/bronnen/veelgestelde-vragen" and faq[0].answerable
    probes = external.govbench([{"question": "Hoe vraag ik een paspoort aan?"}])
    assert probes[0].should_refuse and probes[0].kind == "out-of-scope"


def test_a_number_from_the_cited_documents_title_or_year_is_not_invented():
    item = Item(id="1", question="Hoe lang?", gold=[Gold(doc="a.txt", quote="ten hoogste 12 maanden")])
    citation = {
        "n": 1,
        "document": "a.txt",
        "title": "Beleidsregels 2024",
        "year": 2024,
        "text": "ten hoogste 12 maanden",
    }
    response = {"answer": "Uit 'Beleidsregels 2024' (2024):\nten hoogste 12 maanden [1].", "citations": [citation]}
    assert scoring.record(item, response, 1.0)["invented_numbers"] == []
    response["answer"] += " Of 18 maanden."
    assert scoring.record(item, response, 1.0)["invented_numbers"] == ["18"]
