"""Throughput, memory and the cost of orchestration at corpus scale, with no network.

    .venv/bin/python -m benchmarks.scale --sizes 1000,10000 [--workers 2] [--skip-flow | --skip-extraction]
                                         [--quantulum-kb 200] [--single-max 10000] [--out output/bench]

For each size: builds (or reuses) the corpus of benchmarks/corpus.py under <out>/corpus-<size>/;
times the extraction engine alone (transforms.extract.extract, no Prefect/GX/Parquet) in one worker
process (over at most --single-max articles) and in --workers processes; runs the whole pipeline
(`newsfigures run --runner processes --workers N`) into a fresh folder, with the time of each stage and the peak memory of its
process tree, then runs it again with nothing new. Once, on the first articles of the smallest
corpus up to --quantulum-kb of text, times quantulum3 and the engine on the same texts.

Writes <out>/scale.json (merged with earlier runs: each size keeps its latest measurement of each
kind, with when and at which commit it was taken), <out>/scale.md and <out>/scale.png.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.corpus import DEFAULT_SEED, build_corpus, corpus_bytes
from benchmarks.scale_extraction import WARM_UP_TEXT, measure_extraction
from benchmarks.scale_flow import has_summary_json, run_flow
from benchmarks.scale_report import write_markdown, write_plot
from flows.ingest import list_articles
from transforms.documents import build_document, parse_article
from transforms.extract import extract


def machine() -> dict:
    cpu = platform.processor() or "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    import psutil

    return {
        "cpu_model": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def commit() -> str | None:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() or None


def stamp() -> dict:
    return {"measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "commit": commit()}


def compare_with_quantulum(corpus_dir: Path, kilobytes: int) -> dict | None:
    """MB/s of quantulum3 and of the engine on the same article bodies (the first ``kilobytes`` of text)."""
    from benchmarks.accuracy import quantulum_parse

    parse = quantulum_parse()
    if parse is None:
        print("quantulum3 is not installed (pip install -e '.[bench]'): no comparison", file=sys.stderr)
        return None
    documents, size = [], 0
    for path in list_articles(corpus_dir):
        document = parse_article(path.relative_to(corpus_dir).as_posix(), path.read_bytes())
        documents.append(document)
        size += len(document.text.encode("utf-8"))
        if size >= kilobytes * 1000:
            break
    megabytes = size / 1e6
    warm_up = build_document("warm-up", WARM_UP_TEXT, {"published_at": "2025-02-01"})
    parse(warm_up.text)
    extract(warm_up)
    started = time.perf_counter()
    quantities = sum(len(parse(document.text)) for document in documents)
    quantulum_seconds = time.perf_counter() - started
    started = time.perf_counter()  # one pass, like quantulum3: a second would find the engine's caches warm
    figures = sum(len(extract(document).figures) for document in documents)
    engine_seconds = time.perf_counter() - started
    return {
        "articles": len(documents), "megabytes": megabytes,
        "quantulum3_seconds": quantulum_seconds, "quantulum3_mb_per_second": megabytes / quantulum_seconds,
        "quantulum3_quantities": quantities,
        "newsfigures_seconds": engine_seconds, "newsfigures_mb_per_second": megabytes / engine_seconds,
        "newsfigures_figures": figures,
        "ratio": quantulum_seconds / engine_seconds,
        **stamp(),
    }


def measure_size(size: int, args: argparse.Namespace, entry: dict, save: Callable[[], None]) -> None:
    """Measure one corpus size into ``entry``, saving after each measurement so an interrupted run keeps them."""
    corpus_dir = build_corpus(size, args.out, args.seed)
    paths = list_articles(corpus_dir)
    entry["corpus"] = {"articles": len(paths), "megabytes": corpus_bytes(corpus_dir) / 1e6, "folder": str(corpus_dir)}
    extraction = entry.setdefault("extraction", {})
    for workers in [] if args.skip_extraction else sorted({1, args.workers}):
        sample = paths[: args.single_max] if workers == 1 else paths
        print(f"[{size}] extraction alone, {workers} worker(s), {len(sample)} articles ...", flush=True)
        run = measure_extraction(sample, corpus_dir, workers)
        extraction[str(workers)] = {**run.as_dict(), **stamp()}
        save()
        print(f"  {run.articles_per_second:.0f} articles/s · {run.megabytes_per_second:.2f} MB/s · "
              f"{run.figures_per_second:.0f} figures/s · peak RSS {run.peak_rss_mb:.0f} MB per worker", flush=True)
    if args.skip_flow:
        return
    use_json = has_summary_json()
    output_dir = args.out / f"flow-{size}"
    shutil.rmtree(output_dir, ignore_errors=True)
    for kind, label in (("flow", "whole flow, fresh output"), ("flow_nothing_new", "whole flow again, nothing new")):
        print(f"[{size}] {label} ...", flush=True)
        run = run_flow(corpus_dir, output_dir, args.out / f"flow-{size}.{kind}.log", use_json, args.workers)
        entry[kind] = {**run.as_dict(), **stamp()}
        save()
        stages = " · ".join(f"{name} {seconds:.1f}s" for name, seconds in run.stages.items())
        if run.error:
            print(f"  the run ended without a summary (exit {run.exit_code}): {run.error}", flush=True)
        print(f"  wall {run.wall_seconds:.1f}s (start-up {run.startup_seconds}s · {stages}) · exit {run.exit_code} · "
              f"peak RSS {run.peak_tree_rss_mb:.0f} MB (process tree)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="corpus sizes in articles, comma-separated (default: 1000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for parallel extraction and for the flow's batches (default: 2)")
    parser.add_argument("--skip-flow", action="store_true", help="measure extraction alone, not the whole flow")
    parser.add_argument("--skip-extraction", action="store_true",
                        help="measure the whole flow only, not extraction alone (a 100k corpus takes minutes per pass)")
    parser.add_argument("--quantulum-kb", type=int, default=200, help="text for the quantulum3 comparison (default: 200)")
    parser.add_argument("--single-max", type=int, default=10000,
                        help="articles for the one-process extraction pass (default: 10000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus random seed")
    parser.add_argument("--out", type=Path, default=Path("output/bench"), help="folder for corpora and reports")
    args = parser.parse_args()
    sizes = sorted({int(size) for size in args.sizes.split(",")})
    args.out.mkdir(parents=True, exist_ok=True)
    results_path = args.out / "scale.json"
    results = json.loads(results_path.read_text()) if results_path.is_file() else {}
    results["machine"] = machine()
    results.setdefault("sizes", {})

    def save() -> None:
        results_path.write_text(json.dumps(results, indent=2) + "\n")

    for size in sizes:
        measure_size(size, args, results["sizes"].setdefault(str(size), {}), save)
    if args.quantulum_kb > 0:
        print(f"quantulum3 and newsfigures on the same {args.quantulum_kb} KB ...", flush=True)
        comparison = compare_with_quantulum(args.out / f"corpus-{sizes[0]}", args.quantulum_kb)
        if comparison:
            results["quantulum3"] = comparison
            print(f"  quantulum3 {comparison['quantulum3_mb_per_second']:.4f} MB/s · newsfigures "
                  f"{comparison['newsfigures_mb_per_second']:.3f} MB/s · ratio {comparison['ratio']:.0f}x", flush=True)
    results_path.write_text(json.dumps(results, indent=2) + "\n")
    markdown = write_markdown(results, args.out / "scale.md")
    write_plot(results, args.out / "scale.png")
    print(markdown)
    print(f"wrote {results_path}, {args.out / 'scale.md'}, {args.out / 'scale.png'}")


if __name__ == "__main__":
    main()
