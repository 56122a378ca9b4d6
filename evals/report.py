"""Reports of an eval run: Markdown and HTML with plots and the worst failures side by side."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib is imported only when plotting
    from matplotlib.figure import Figure

HEADLINE = (
    *("questions", "hit@1", "hit@3", "hit@5", "hit@10", "doc_hit@10", "mrr", "citation_support", "key_facts"),
    *("refusal_accuracy", "over_refusal", "forbidden_hits", "latency_p50_ms", "latency_p95_ms"),
)
# Per group, and per configuration: the headline without what only matters overall.
PER_GROUP = tuple(
    k for k in HEADLINE if k not in ("hit@1", "hit@3", "hit@5", "doc_hit@10", "forbidden_hits", "latency_p95_ms")
)


def failures(rows: Sequence[dict], n: int = 10) -> list[dict]:
    """The worst answers first: wrong refusals, forbidden strings, then missed facts and retrieval."""

    def badness(r: dict) -> int:
        return (
            4 * (r["should_refuse"] != r["refused"] and (r["should_refuse"] or r["answerable"]))
            + 4 * r["forbidden_hit"]
            + 2 * (not r["key_facts"])
            + (r.get("hit@10") is False)
            + (r.get("citation_support") is False)
        )

    ranked = sorted((r for r in rows if badness(r) > 0), key=lambda r: -badness(r))
    return ranked[:n]


def decline_failures(rows: Sequence[dict]) -> dict[str, list[dict]]:
    """The two ways the answer-or-decline choice goes wrong, each a list of rows."""
    return {
        "Answered but should have declined": [r for r in rows if r["should_refuse"] and not r["refused"]],
        "Declined although the gold passage was retrieved": [
            r for r in rows if r["answerable"] and r["refused"] and r.get("hit@10")
        ],
    }


def _table(groups: dict[str, dict]) -> list[str]:
    lines = ["| group | " + " | ".join(PER_GROUP) + " |", "|---" * (len(PER_GROUP) + 1) + "|"]
    for name, s in groups.items():
        lines.append(f"| {name} | " + " | ".join(str(s[k]) for k in PER_GROUP) + " |")
    return lines


def markdown(report: dict, rows: Sequence[dict]) -> str:
    s = report["summary"]
    lines = [f"# Evaluation: {report['source']}", "", f"Via: {report['via']}", "", "| metric | value |", "|---|---|"]
    lines += [f"| {k} | {s[k]} |" for k in HEADLINE]
    for title, key in (("kind", "per_kind"), ("audience", "per_audience"), ("language", "per_lang")):
        lines += ["", f"## Per {title}", "", *_table(report[key])]
    for title, failed in decline_failures(rows).items():
        lines += ["", f"## {title} ({len(failed)})", ""]
        lines += [f"- **{r['id']}** ({r['kind']}): {r['question']}" for r in failed] or ["None."]
    lines += ["", "## Worst failures", ""]
    for r in failures(rows):
        lines += [
            f"### {r['id']} ({r['kind']})",
            "",
            f"**Question:** {r['question']}",
            "",
            f"**Expected:** {r['expected']}",
            "",
            f"**Given** (refused: {r['refused']}):",
            "",
            "> " + r["answer"].replace("\n", "\n> "),
            "",
            f"must include {r['must_include']}; key facts {'ok' if r['key_facts'] else 'MISSING'}; "
            f"gold rank {r.get('gold_rank')}",
            "",
        ]
    return "\n".join(lines) + "\n"


def _png(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode()


def plots(report: dict, rows: Sequence[dict]) -> dict[str, str]:
    """Base64 PNGs: metrics per kind, latency distribution, rank of the gold passage."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = {}
    kinds = list(report["per_kind"])
    fig, ax = plt.subplots(figsize=(9, 3.5))
    width = 0.25
    for i, metric in enumerate(("hit@10", "citation_support", "key_facts")):
        ax.bar(
            [k + i * width for k in range(len(kinds))],
            [report["per_kind"][k][metric] for k in kinds],
            width,
            label=metric,
        )
    ax.set_xticks([k + width for k in range(len(kinds))], kinds, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_title("Metrics per kind")
    out["Metrics per kind"] = _png(fig)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist([r["latency_ms"] for r in rows], bins=20)
    ax.set_xlabel("latency (ms)")
    ax.set_ylabel("questions")
    ax.set_title("Latency of the whole request")
    out["Latency"] = _png(fig)
    plt.close(fig)

    ranks = [r["gold_rank"] for r in rows if "gold_rank" in r]
    fig, ax = plt.subplots(figsize=(6, 3))
    labels = [str(k) for k in range(1, 11)] + ["none"]
    counts = [sum(1 for r in ranks if r == k) for k in range(1, 11)] + [sum(1 for r in ranks if r is None or r > 10)]
    ax.bar(labels, counts)
    ax.set_xlabel("rank at which all gold passages are retrieved")
    ax.set_title("Retrieval rank of the gold passages")
    out["Gold rank"] = _png(fig)
    plt.close(fig)
    return out


def html_report(report: dict, rows: Sequence[dict]) -> str:
    e = html.escape
    s = report["summary"]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Wegwijzer evaluation</title>",
        "<style>body{font-family:sans-serif;max-width:70rem;margin:auto;padding:1rem}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}.side{display:grid;"
        "grid-template-columns:1fr 1fr 1fr;gap:1rem}.side div{white-space:pre-wrap;font-size:.9rem}</style></head><body>",
        f"<h1>Evaluation: {e(report['source'])}</h1><p>Via: {e(report['via'])}</p><table>",
        *(f"<tr><th>{e(k)}</th><td>{e(str(s[k]))}</td></tr>" for k in HEADLINE),
        "</table>",
    ]
    for title, data in plots(report, rows).items():
        parts.append(f"<h2>{e(title)}</h2><img alt='{e(title)}' src='data:image/png;base64,{data}'>")
    for title, key in (("kind", "per_kind"), ("audience", "per_audience"), ("language", "per_lang")):
        parts.append(
            f"<h2>Per {title}</h2><table><tr><th>group</th>" + "".join(f"<th>{e(k)}</th>" for k in PER_GROUP) + "</tr>"
        )
        for name, g in report[key].items():
            parts.append(f"<tr><th>{e(name)}</th>" + "".join(f"<td>{e(str(g[k]))}</td>" for k in PER_GROUP) + "</tr>")
        parts.append("</table>")
    parts.append("<h2>Worst failures</h2>")
    for r in failures(rows):
        passages = "\n\n".join(f"[{i + 1}] {p['document']}: {p['text'][:400]}" for i, p in enumerate(r["passages"][:3]))
        parts.append(
            f"<h3>{e(r['id'])} ({e(r['kind'])}): {e(r['question'])}</h3><div class='side'>"
            f"<div><strong>Expected</strong>\n{e(r['expected'])}\n\nmust include: {e(', '.join(r['must_include']))}</div>"
            f"<div><strong>Given</strong> (refused: {r['refused']})\n{e(r['answer'])}</div>"
            f"<div><strong>Retrieved</strong> (gold rank {e(str(r.get('gold_rank')))})\n{e(passages)}</div></div>"
        )
    parts.append("</body></html>")
    return "".join(parts)


def write(out: Path, report: dict, rows: Sequence[dict]) -> None:
    (out / "report.md").write_text(markdown(report, rows), encoding="utf-8")
    (out / "report.html").write_text(html_report(report, rows), encoding="utf-8")
