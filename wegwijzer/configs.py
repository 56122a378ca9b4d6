"""`wegwijzer eval --configs`: configurations side by side in one run, each over its own index.

Every claim of improvement is then a ratio measured on the same machine in the same run. This
lives with the command because it composes ingest, the core and the evals.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from assistant.core import Assistant
from assistant.protocols import Embedder
from assistant.retrieval import Retriever
from assistant.serialise import answer_json
from assistant.settings import Settings
from assistant.stores import ChromaStore
from assistant.versions import TEXTS
from evals import dataset, runner
from evals.report import HEADLINE
from ingest import chunking
from ingest.indexing import ingest

# name -> (chunker, retrieval mode, sentence vectors, what it shows)
CONFIGS: dict[str, tuple[str, str, bool, str]] = {
    "default": ("structure", "hybrid", True, "structure-aware chunks, dense + BM25, sentence vectors"),
    "dense": ("structure", "dense", True, "dense retrieval only"),
    "bm25": ("structure", "bm25", True, "BM25 with Dutch stemming only"),
    "no-sentence-vectors": ("structure", "hybrid", False, "sentences chosen by shared terms only"),
    "small-chunks": ("small", "hybrid", True, "structure-aware chunks of ~100 words (max 150)"),
    "quickstart": (
        "quickstart",
        "dense",
        False,
        "langchain quick-start: RecursiveCharacterTextSplitter 1000/200, dense",
    ),
}


def _chunker(name: str) -> Callable:
    if name == "small":
        return partial(chunking.split, target=100, maximum=150)
    if name == "quickstart":
        from assistant.langchain_adapter import quickstart_splitter

        return quickstart_splitter(1000, 200)
    return chunking.split


def build(names: list[str], corpus: Path, embedder: Embedder) -> tuple[dict[str, Assistant], Path]:
    """An assistant per configuration, each over its own index in one temporary folder."""
    unknown = set(names) - set(CONFIGS)
    if unknown:
        raise ValueError(f"unknown configurations {sorted(unknown)}; choose from {sorted(CONFIGS)}")
    work = Path(tempfile.mkdtemp(prefix="wegwijzer-configs-"))
    indexes: dict[str, tuple[ChromaStore, ChromaStore | None]] = {}
    assistants = {}
    for name in names:
        chunker, mode, sentence_vectors, _ = CONFIGS[name]
        key = f"{chunker}-{sentence_vectors}"
        if key not in indexes:
            store = ChromaStore.persistent(work / key, "passages")
            sentences = ChromaStore.persistent(work / key, "sentences") if sentence_vectors else None
            ingest(corpus, embedder, store, work / key / TEXTS, sentence_store=sentences, splitter=_chunker(chunker))
            indexes[key] = (store, sentences)
        store, sentences = indexes[key]
        retriever = Retriever(embedder, store, sentences, mode=mode)
        assistants[name] = Assistant(retriever)
    return assistants, work


def cleanup(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)


CONFIG_COLUMNS = tuple(k for k in HEADLINE if k not in ("questions", "doc_hit@10", "forbidden_hits", "latency_p95_ms"))


def compare_configs(names: list[str], paths: list[Path], settings: Settings, out_dir: Path) -> int:
    """Each configuration over its own index of the corpus, on the same questions, in one run."""
    from assistant.wiring import build_embedder

    embedder = build_embedder(settings)
    assistants, work = build(names, settings.corpus_dir, embedder)
    try:
        for path in paths:
            root = out_dir / f"{datetime.now():%Y%m%d-%H%M%S}-configs-{path.stem}"
            lines = [
                f"Configurations on `{path.name}` ({settings.corpus_dir}), {datetime.now():%Y-%m-%d}",
                "",
                "| configuration | " + " | ".join(CONFIG_COLUMNS) + " |",
                "|---" * (len(CONFIG_COLUMNS) + 1) + "|",
            ]
            for name, assistant in assistants.items():
                assistant.ask("warm-up")

                def ask(item: dataset.Item, assistant: Assistant = assistant) -> dict:
                    return answer_json(assistant.ask(item.question, audience=item.audience))

                run = runner.evaluate(path, ask, root, f"in-process, configuration {name}", progress=False)
                summary = json.loads((run / "summary.json").read_text(encoding="utf-8"))["summary"]
                lines.append(f"| {name} | " + " | ".join(str(summary[c]) for c in CONFIG_COLUMNS) + " |")
            lines += ["", *(f"- **{n}**: {CONFIGS[n][3]}" for n in assistants)]
            (root / "configs.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
            print("\n" + "\n".join(lines))
    finally:
        cleanup(work)
    return 0
