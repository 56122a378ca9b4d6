"""Per-question records and their summary; the summary is recomputable from the log alone."""

from __future__ import annotations

from collections.abc import Sequence

from evals import metrics
from evals.dataset import Item

KS = (1, 3, 5, 10)


def record(item: Item, response: dict, latency_ms: float) -> dict:
    """One log line: the question, what came back, and its per-question scores."""
    passages = [p["text"] for p in response.get("passages", [])]
    cited = [c["text"] for c in response.get("citations", [])]
    # What an answer may name besides the cited text: how the citation is named (a staff answer opens with
    # "Uit 'Beleidsregels bijzondere bijstand Rotterdam 2024' (2024)").
    sourced = [
        " ".join(str(c.get(k) or "") for k in ("title", "year", "section", "text"))
        for c in response.get("citations", [])
    ]
    golds = [g.quote for g in item.gold]
    answer = response.get("answer", "")
    row = {
        "id": item.id,
        "kind": item.kind,
        "audience": item.audience,
        "lang": item.lang,
        "question": item.question,
        "expected": item.answer,
        "answerable": item.answerable,
        "should_refuse": item.should_refuse,
        "answer": answer,
        "refused": bool(response.get("refused")),
        "citations": [
            {"n": c["n"], "document": c["document"], "text": c["text"]} for c in response.get("citations", [])
        ],
        "passages": [{"document": p["document"], "text": p["text"]} for p in response.get("passages", [])],
        "gold": [g.model_dump() for g in item.gold],
        "must_include": item.must_include,
        "must_not_include": item.must_not_include,
        "latency_ms": round(latency_ms, 1),
        "key_facts": metrics.key_facts(answer, item.must_include, item.must_not_include),
        "forbidden_hit": metrics.forbidden_hit(answer, item.must_not_include),
        "mode": response.get("mode", ""),
        "first_token_ms": (response.get("timings_ms") or {}).get("first_token"),
        "invented_numbers": metrics.invented_numbers(answer, sourced) if not response.get("refused") else [],
    }
    if item.answerable and golds:
        documents = [p["document"] for p in response.get("passages", [])]
        gold_docs = {g.doc for g in item.gold}
        for k in KS:
            row[f"doc_hit@{k}"] = gold_docs <= set(documents[:k])
        row["gold_rank"] = metrics.gold_rank(golds, passages)
        for k in KS:
            row[f"hit@{k}"] = metrics.gold_hit(golds, passages, k)
        row["citation_support"] = metrics.citation_support(golds, cited)
        row["citation_support_all"] = metrics.citation_support(golds, cited, strict=True)
    return row


def summarise(rows: Sequence[dict]) -> dict:
    """Aggregate metrics over log rows (each a `record`)."""
    answerable = [r for r in rows if r["answerable"] and r["gold"]]
    must_refuse = [r for r in rows if r["should_refuse"]]
    latencies = [r["latency_ms"] for r in rows]
    ranks = [r["gold_rank"] for r in answerable]
    out = {
        "questions": len(rows),
        **{f"hit@{k}": metrics.mean(r[f"hit@{k}"] for r in answerable) for k in KS},
        **{f"doc_hit@{k}": metrics.mean(r[f"doc_hit@{k}"] for r in answerable) for k in KS},
        "mrr": metrics.mean(1.0 / rank if rank else 0.0 for rank in ranks),
        "citation_support": metrics.mean(r["citation_support"] for r in answerable),
        "citation_support_all": metrics.mean(r["citation_support_all"] for r in answerable),
        "key_facts": metrics.mean(r["key_facts"] for r in rows),
        "refusal_accuracy": metrics.mean(r["refused"] for r in must_refuse),
        "over_refusal": metrics.mean(r["refused"] for r in rows if r["answerable"]),
        "forbidden_hits": sum(r["forbidden_hit"] for r in rows),
        "answers_with_invented_numbers": sum(bool(r.get("invented_numbers")) for r in rows),
        "generated_share": metrics.mean(str(r.get("mode", "")).startswith("llm:") for r in rows if not r["refused"]),
        "first_token_p50_ms": metrics.percentile([r["first_token_ms"] for r in rows if r.get("first_token_ms")], 50),
        "latency_p50_ms": metrics.percentile(latencies, 50),
        "latency_p95_ms": metrics.percentile(latencies, 95),
    }
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}


def breakdown(rows: Sequence[dict], field: str) -> dict[str, dict]:
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(str(r[field]), []).append(r)
    return {name: summarise(group) for name, group in sorted(groups.items())}
