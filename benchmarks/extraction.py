"""Throughput and memory of the extraction engine alone (no Prefect, no GX, no Parquet).

    .venv/bin/python -m benchmarks.extraction [--seeds seeds] [--megabytes 2] [--stage all|figures|sources|events]

Builds a corpus by repeating the seed articles up to the requested size, runs each stage over it
on one core, and prints MB/s, documents/s and figures/s, best of three passes.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from pathlib import Path

from flows.ingest import list_articles, read_articles
from transforms.events import extract_events
from transforms.extract import extract
from transforms.figures import extract_figures
from transforms.records import Document
from transforms.sources import extract_sources
from transforms.text import split_sentences


def corpus(seeds: Path, megabytes: float) -> list[Document]:
    documents = read_articles(list_articles(seeds), seeds).documents
    if not documents:
        raise SystemExit(f"no readable articles under {seeds}")
    size, out = 0, []
    while size < megabytes * 1_000_000:
        for document in documents:
            out.append(document)
            size += len(document.text.encode("utf-8"))
    return out


def _stage(name: str) -> Callable[[Document], int]:
    def figures(document: Document) -> int:
        return len(extract_figures(document, split_sentences(document.text)))

    def sources(document: Document) -> int:
        return len(extract_sources(document, split_sentences(document.text)))

    def events(document: Document) -> int:
        sentences = split_sentences(document.text)
        return len(extract_events(document, sentences, [], []))

    def everything(document: Document) -> int:
        return len(extract(document).figures)

    return {"all": everything, "figures": figures, "sources": sources, "events": events}[name]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--stage", choices=["all", "figures", "sources", "events"], default="all")
    args = parser.parse_args()
    documents = corpus(args.seeds, args.megabytes)
    megabytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1_000_000
    run = _stage(args.stage)
    run(documents[0])  # load lexicons and the unit registry outside the timing
    best, records = float("inf"), 0
    for _ in range(3):
        started = time.perf_counter()
        records = sum(run(document) for document in documents)
        best = min(best, time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"stage={args.stage} documents={len(documents)} text={megabytes:.2f} MB best_of_3={best:.3f} s")
    print(f"  {megabytes / best:.2f} MB/s · {len(documents) / best:.0f} documents/s · {records / best:.0f} records/s · "
          f"peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
