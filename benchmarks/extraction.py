"""Throughput and memory of the extraction engine alone (no Prefect, no GX, no Parquet).

    .venv/bin/python -m benchmarks.extraction [--corpus seed|dense] [--seeds seeds] [--gold FILE ...]
                                              [--megabytes 2] [--stage each|all|sentences|figures|sources|events]

Two corpora, so that both article-like and figure-dense text are measured:

    seed   the seed articles repeated up to the requested size (``--seeds``);
    dense  the distinct paragraphs of the annotated benchmark files (``--gold``, by default every
           benchmarks/annotated/*.jsonl; rows without a text, such as gold joined to its paragraphs
           by id, are skipped), about 23 figures per KB. Each copy is published one day after the
           one before, so no copy's dates are answered from the previous copy's cache.

Each stage runs over the corpus on one core; it prints MB/s, documents/s and records/s, best of
three passes, timed in CPU seconds of this process (``time.process_time``) so that other work on a
shared machine does not count against it. ``--stage each`` (the default) measures sentences, figures, sources, events and the
whole engine (``all``: everything ``newsfigures extract`` does, linking included) one after another.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from flows.ingest import list_articles, read_articles
from transforms.documents import build_document
from transforms.events import extract_events
from transforms.extract import extract
from transforms.figures import extract_figures
from transforms.records import Document
from transforms.sources import extract_sources
from transforms.text import split_sentences

ANNOTATED = Path(__file__).parent / "annotated"
STAGES = ("sentences", "figures", "sources", "events", "all")


def _repeated(documents: list[Document], megabytes: float, shift_days: bool) -> list[Document]:
    size, out, copy = 0, [], 0
    while size < megabytes * 1_000_000:
        for document in documents:
            if shift_days and document.published_at is not None:
                document = build_document(
                    f"{document.uri}#{copy}", document.text,
                    {"published_at": (document.published_at + timedelta(days=copy)).isoformat()},
                )
            out.append(document)
            size += len(document.text.encode("utf-8"))
        copy += 1
    return out


def seed_corpus(seeds: Path, megabytes: float) -> list[Document]:
    documents = read_articles(list_articles(seeds), seeds).documents
    if not documents:
        raise SystemExit(f"no readable articles under {seeds}")
    return _repeated(documents, megabytes, shift_days=False)


def dense_corpus(gold_files: list[Path], megabytes: float) -> list[Document]:
    """The distinct paragraphs of the annotated files, each copy a day later than the one before."""
    seen: dict[str, Document] = {}
    for path in gold_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if "text" in row and row["text"] not in seen:
                seen[row["text"]] = build_document(row["id"], row["text"], {"published_at": row.get("published_at")})
    if not seen:
        raise SystemExit(f"no paragraphs in {', '.join(map(str, gold_files))}")
    return _repeated(list(seen.values()), megabytes, shift_days=True)


def _stage(name: str) -> Callable[[Document], int]:
    def sentences(document: Document) -> int:
        return len(split_sentences(document.text))

    def figures(document: Document) -> int:
        return len(extract_figures(document, split_sentences(document.text)))

    def sources(document: Document) -> int:
        return len(extract_sources(document, split_sentences(document.text)))

    def events(document: Document) -> int:
        return len(extract_events(document, split_sentences(document.text), [], []))

    def everything(document: Document) -> int:
        return len(extract(document).figures)

    return {"sentences": sentences, "figures": figures, "sources": sources, "events": events, "all": everything}[name]


def measure(name: str, documents: list[Document]) -> tuple[float, int]:
    """(best seconds of three passes, records per pass) for one stage."""
    run = _stage(name)
    run(documents[0])  # load lexicons and the unit registry outside the timing
    best, records = float("inf"), 0
    for _ in range(3):
        started = time.process_time()
        records = sum(run(document) for document in documents)
        best = min(best, time.process_time() - started)
    return best, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=["seed", "dense"], default="seed")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--gold", type=Path, action="append",
                        help="annotated JSON Lines for --corpus dense (repeatable; default: benchmarks/annotated/*.jsonl)")
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--stage", choices=["each", *STAGES], default="each")
    args = parser.parse_args()
    if args.corpus == "dense":
        documents = dense_corpus(args.gold or sorted(ANNOTATED.glob("*.jsonl")), args.megabytes)
    else:
        documents = seed_corpus(args.seeds, args.megabytes)
    megabytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1_000_000
    print(f"corpus={args.corpus} documents={len(documents)} text={megabytes:.2f} MB (best of 3 passes, CPU seconds of one core)")
    for name in STAGES if args.stage == "each" else (args.stage,):
        best, records = measure(name, documents)
        print(f"  {name:<9} {megabytes / best:6.2f} MB/s · {best:6.3f} s · {len(documents) / best:7.0f} documents/s · "
              f"{records / best:8.0f} records/s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
