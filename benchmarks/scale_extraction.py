"""Extraction alone over a corpus folder: transforms.extract.extract in 1..N worker processes.

No Prefect, no GX, no Parquet: each worker reads article files, parses them into documents and
runs the engine; it returns counts only, so nothing accumulates. Workers are spawned (not forked)
so their peak RSS is the engine's own, and each loads the lexicons before the clock starts.
"""

from __future__ import annotations

import multiprocessing
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from transforms.documents import DocumentError, build_document, parse_article
from transforms.extract import extract

ARTICLES_PER_CHUNK = 50
WARM_UP_TEXT = "Over 1,000 people were evacuated last week, officials said, and 3.5 million lost power."


@dataclass(frozen=True, slots=True)
class ChunkCounts:
    articles: int
    rejected: int
    bytes: int
    figures: int
    sources: int
    events: int
    engine_seconds: float
    peak_rss_mb: float


@dataclass(frozen=True, slots=True)
class ExtractionRun:
    workers: int
    articles: int
    rejected: int
    megabytes: float
    figures: int
    sources: int
    events: int
    wall_seconds: float
    engine_seconds: float  # summed over workers: time inside extract()
    peak_rss_mb: float  # the largest worker's peak resident memory

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.wall_seconds

    @property
    def megabytes_per_second(self) -> float:
        return self.megabytes / self.wall_seconds

    @property
    def figures_per_second(self) -> float:
        return self.figures / self.wall_seconds

    def as_dict(self) -> dict:
        return {**asdict(self), "articles_per_second": self.articles_per_second,
                "megabytes_per_second": self.megabytes_per_second, "figures_per_second": self.figures_per_second}


def _warm_up() -> None:
    """Load lexicons and the unit registry once per worker, outside the timing."""
    extract(build_document("warm-up", WARM_UP_TEXT, {"published_at": "2025-02-01"}))


def _ready(pause: float) -> int:
    time.sleep(pause)
    return multiprocessing.current_process().pid


def extract_chunk(paths: list[Path], root: Path) -> ChunkCounts:
    """Read, parse and extract each article; count what came out."""
    articles = rejected = size = figures = sources = events = 0
    engine_seconds = 0.0
    for path in paths:
        raw = path.read_bytes()
        size += len(raw)
        try:
            document = parse_article(path.relative_to(root).as_posix(), raw)
        except DocumentError:
            rejected += 1
            continue
        started = time.perf_counter()
        extraction = extract(document)
        engine_seconds += time.perf_counter() - started
        articles += 1
        figures += len(extraction.figures)
        sources += len(extraction.sources)
        events += len(extraction.events)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return ChunkCounts(articles, rejected, size, figures, sources, events, engine_seconds, peak)


def measure_extraction(paths: list[Path], root: Path, workers: int) -> ExtractionRun:
    """Extract every article in ``workers`` spawned processes; wall time from the first chunk to the last."""
    chunks = [paths[i : i + ARTICLES_PER_CHUNK] for i in range(0, len(paths), ARTICLES_PER_CHUNK)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm_up) as pool:
        list(pool.map(_ready, [0.5] * workers))  # every worker started and warmed up
        started = time.perf_counter()
        counts = list(pool.map(extract_chunk, chunks, [root] * len(chunks)))
        wall = time.perf_counter() - started
    return ExtractionRun(
        workers=workers,
        articles=sum(c.articles for c in counts),
        rejected=sum(c.rejected for c in counts),
        megabytes=sum(c.bytes for c in counts) / 1e6,
        figures=sum(c.figures for c in counts),
        sources=sum(c.sources for c in counts),
        events=sum(c.events for c in counts),
        wall_seconds=wall,
        engine_seconds=sum(c.engine_seconds for c in counts),
        peak_rss_mb=max((c.peak_rss_mb for c in counts), default=0.0),
    )
