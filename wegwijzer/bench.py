"""`wegwijzer bench`: ingest throughput, index size, peak memory and query latency for a corpus."""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.settings import Settings
from assistant.versions import TEXTS
from evals import dataset
from evals.metrics import percentile

if TYPE_CHECKING:  # for the annotation only: the caller builds the assistant
    from assistant.core import Assistant


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kilobytes


def _queries(questions: Path | None, assistant: Assistant, n: int) -> list[str]:
    """The question set's questions, or (for other corpora) opening words of random passages."""
    if questions is not None:
        return [i.question for i in dataset.load(questions)][:n]
    rng = random.Random(7)
    docs = list(assistant.documents())
    out = []
    for doc in rng.sample(docs, min(n, len(docs))):
        text = rng.choice(assistant.passages_of(doc)).text
        out.append(" ".join(text.split()[:12]))
    return out


def bench(
    corpus: Path, settings: Settings, questions: Path | None = None, n_queries: int = 40, keep: Path | None = None
) -> dict:
    """Index `corpus` into a fresh folder (or `keep`) and measure; the project's own index is not touched.

    With `keep`, an interrupted run resumes there (ingest is resumable), and the result says
    how many passages were already indexed when this run started.
    """
    from assistant.wiring import build_assistant, build_embedder, build_store
    from ingest.indexing import corpus_files, ingest

    work = keep or Path(tempfile.mkdtemp(prefix="wegwijzer-bench-"))
    try:
        run = settings.model_copy(update={"data_dir": work, "embedding_model": settings.embedding_model_path})
        embedder = build_embedder(run)
        embedder.embed_query("warm-up")  # load the model outside the timing
        store, sentences = build_store(run), build_store(run, "sentences") if run.sentence_vectors else None
        files = corpus_files(corpus)
        already = store.count()
        started = time.perf_counter()
        report = ingest(corpus, embedder, store, work / TEXTS, sentence_store=sentences, progress=True)
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        ingest(corpus, embedder, store, work / TEXTS, sentence_store=sentences, progress=False)
        reingest_s = time.perf_counter() - started

        # Two assistants, each with its own query-vector cache, so neither path is timed warm.
        searcher = build_assistant(run, embedder=embedder, store=store, sentence_store=sentences)
        asker = build_assistant(run, embedder=embedder, store=store, sentence_store=sentences)
        searcher.search("warm-up")
        asker.ask("warm-up")
        queries = _queries(questions, searcher, n_queries)
        search_ms, ask_ms = [], []
        for q in queries:
            t = time.perf_counter()
            searcher.search(q)
            search_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            asker.ask(q)
            ask_ms.append((time.perf_counter() - t) * 1000)
        return {
            "corpus": str(corpus),
            "files": len(files),
            "bytes": sum(f.stat().st_size for f in files),
            "errors": len(report.errors),
            "chunks": store.count(),
            "sentences": sentences.count() if sentences else 0,
            "ingest_s": round(ingest_s, 1),
            "resumed_from": already,
            "chunks_per_s": round((store.count() - already) / ingest_s, 1),
            "texts_per_s": round((store.count() - already + (sentences.count() if sentences else 0)) / ingest_s, 1),
            "reingest_s": round(reingest_s, 2),
            "index_mb": round(_du(work / "index") / 2**20, 1),
            "peak_rss_mb": round(_peak_rss_mb()),
            "queries": len(queries),
            "search_p50_ms": round(percentile(search_ms, 50), 1),
            "search_p95_ms": round(percentile(search_ms, 95), 1),
            "ask_p50_ms": round(percentile(ask_ms, 50), 1),
            "ask_p95_ms": round(percentile(ask_ms, 95), 1),
            "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
            "date": date.today().isoformat(),
        }
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def compare(corpus: Path, settings: Settings) -> dict:
    """The embedding work of indexing `corpus`, done the previous release's way and today's, in one run.

    Before: every passage and every sentence through the model on its own, in float32, 128 texts
    per call (as up to commit 79d0580). Now: each passage once, its sentence vectors pooled from that
    pass, in the configured precision. Both models are loaded first; only embedding is timed.
    """
    from assistant.embedders import SentenceTransformerEmbedder
    from ingest.indexing import BATCH, rows_of

    rows = rows_of(corpus)
    sentences = sum(len(r.sentences) for r in rows)
    # The previous release's queue: per passage run, its sentences first, then its passages.
    queue = [s.text for r in rows for s, _, _ in r.sentences] + [r.text for r in rows]
    before = SentenceTransformerEmbedder(settings.embedding_model_path, batch_size=16, precision="float32")
    now = SentenceTransformerEmbedder(settings.embedding_model_path, precision=settings.precision)
    before.embed_query("warm-up")
    now.embed_query("warm-up")

    started = time.perf_counter()
    for start in range(0, len(queue), 128):
        before.embed_documents(queue[start : start + 128])
    before_s = time.perf_counter() - started
    started = time.perf_counter()
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        now.embed_passages([r.text for r in batch], [r.spans for r in batch])
    now_s = time.perf_counter() - started

    texts = len(rows) + sentences
    return {
        "corpus": str(corpus),
        "passages": len(rows),
        "sentences": sentences,
        "before_s": round(before_s, 1),
        "before_texts_per_s": round(texts / before_s, 1),
        "now_s": round(now_s, 1),
        "now_texts_per_s": round(texts / now_s, 1),
        "now_precision": "bfloat16" if now.bfloat16 else "float32",
        "speedup": round(before_s / now_s, 2),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "date": date.today().isoformat(),
    }


def main(args: argparse.Namespace, settings: Settings) -> int:
    if args.compare:
        print(json.dumps(compare(args.corpus, settings), indent=2))
        return 0
    if args.plot:
        plot_growth(args.out or Path("evals/bench.jsonl"), args.plot)
        print(f"Grafiek: {args.plot}")
        return 0
    result = bench(args.corpus, settings, args.questions, args.queries, args.keep)
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(result) + "\n")
    return 0


def plot_growth(results: Path, png: Path) -> None:
    """How cost grows with corpus size: one panel per measure, passages on a log axis."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines() if line.strip()]
    latest: dict[str, dict] = {}
    for row in rows:  # the last measurement of each corpus counts
        latest[Path(row["corpus"]).name] = row
    points = sorted(latest.items(), key=lambda item: item[1]["chunks"])
    panels = [
        ("passages indexed per second", "chunks_per_s"),
        ("index on disk (MB)", "index_mb"),
        ("peak memory (MB)", "peak_rss_mb"),
        ("search p95 (ms)", "search_p95_ms"),
    ]
    fig, axes = plt.subplots(1, len(panels), figsize=(16, 3.6))
    for ax, (title, key) in zip(axes, panels, strict=True):
        xs = [row["chunks"] for _, row in points]
        ax.plot(xs, [row[key] for _, row in points], marker="o")
        for name, row in points:
            label = name + ("" if row.get("sentences") else "\n(no sentence vectors)")
            ax.annotate(label, (row["chunks"], row[key]), fontsize=7, xytext=(4, 4), textcoords="offset points")
        ax.set_xscale("log")
        ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.set_xlabel("passages")
        ax.set_title(title, fontsize=9)
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=110)
    plt.close(fig)
