"""The Prefect flow: ingest → extract → validate → publish → report.

Each task wraps one plain function from ``flows/``; the flow only wires them.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

from prefect import flow, task, unmapped
from prefect.futures import as_completed
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from flows import incremental
from flows.locking import exclusive_run
from flows.progress import tracked
from flows import ingest as ingestion
from flows import publish as publishing
from flows import report as reporting
from flows import validate as validation
from flows.extraction import ExtractedTables, concat_batches, extract_documents
from flows.tables import QUALITY_RESULTS
from transforms.records import Document, RejectedDocument


@dataclass(slots=True)
class FailedExpectation:
    table_name: str
    expectation: str
    column: str | None
    description: str
    unexpected_count: int | None
    example_row_ids: list[str]


@dataclass(slots=True)
class RunSummary:
    run_id: str
    counts: dict[str, int]
    failed: list[FailedExpectation] = field(default_factory=list)
    rejected: list[RejectedDocument] = field(default_factory=list)
    quarantined_rows: int = 0
    report: Path | None = None
    tables: dict[str, Path] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each stage inside the flow
    extracted_documents: int = 0  # new or changed articles that went through the engine this run
    reused_documents: int = 0  # unchanged articles whose published rows were carried over
    removed_documents: int = 0  # published articles no longer in the seeds folder

    @property
    def exit_code(self) -> int:
        """0 when every expectation passed; 1 when any failed (failing rows are quarantined, the rest published)."""
        return 1 if self.failed else 0


@task(name="ingest")
def ingest_task(paths: list[Path], seeds_dir: Path) -> ingestion.IngestedBatch:
    return ingestion.read_articles(paths, seeds_dir)


@task(name="extract")
def extract_task(documents: list[Document], ingested_at: datetime, engine_version: str) -> ExtractedTables:
    return extract_documents(documents, ingested_at, engine_version)


@task(name="validate")
def validate_task(tables: ExtractedTables, data_docs_dir: Path) -> validation.ValidationReport:
    return validation.validate_tables(tables.as_dict(), data_docs_dir)


@task(name="publish")
def publish_task(
    output_dir: Path, tables: ExtractedTables, report: validation.ValidationReport, run_id: str, run_time: datetime
) -> tuple[dict[str, Path], list[dict]]:
    clean, quarantine = validation.quarantine_rows(tables.as_dict(), report)
    quality_rows = [
        {
            "table_name": outcome.table_name,
            "expectation": outcome.expectation,
            "column": outcome.column,
            "success": outcome.success,
            "element_count": outcome.element_count,
            "unexpected_count": outcome.unexpected_count,
            "unexpected_percent": outcome.unexpected_percent,
            "exception": outcome.exception,
        }
        for outcome in report.outcomes
    ]
    quality = publishing.quality_table(quality_rows, run_id, run_time)
    written = publishing.publish(output_dir, clean, quarantine, tables.rejected, quality)
    return written, quarantine


@task(name="report")
def report_task(
    output_dir: Path,
    seeds_dir: Path,
    tables: ExtractedTables,
    report: validation.ValidationReport,
    quarantine: list[dict],
    run_id: str,
    run_time: datetime,
) -> Path:
    quality_dir = output_dir / "quality"
    if report.data_docs_index is not None:
        reporting.make_data_docs_offline(report.data_docs_index.parent)
    history = publishing.read_if_valid(output_dir / "quality_results.parquet", QUALITY_RESULTS)
    page = reporting.render_quality_page(
        run_id=run_id,
        run_time=run_time.isoformat(timespec="seconds"),
        seeds=str(seeds_dir),
        tables=tables.as_dict(),
        report=report,
        quarantine=quarantine,
        rejected=tables.rejected,
        history=history,
        data_docs="gx/index.html" if report.data_docs_index is not None else None,
    )
    index = quality_dir / "index.html"
    temporary = index.with_name(".index.html.tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(index)
    _publish_artifacts(tables, report, index)
    return index


def _publish_artifacts(tables: ExtractedTables, report: validation.ValidationReport, index: Path) -> None:
    """The run's quality at a glance, for users who look at runs in a Prefect server's UI."""
    counts = " · ".join(f"{name}: {table.num_rows}" for name, table in tables.as_dict().items())
    failed = "\n".join(
        f"- **{o.table_name}**: {o.description} (`{o.expectation}`) — {o.unexpected_count} row(s)" for o in report.failed
    )
    verdict = f"{len(report.failed)} expectation(s) failed:\n{failed}" if report.failed else "All expectations passed."
    create_markdown_artifact(
        markdown=f"# newsfigures run\n{counts} · rejected documents: {len(tables.rejected)}\n\n{verdict}\n\n"
        f"Report: `{index.resolve()}`",
        key="newsfigures-quality",
        description="Data quality of the run",
    )
    create_table_artifact(
        table=[
            {"table": o.table_name, "check": o.description, "success": o.success, "failing_rows": o.unexpected_count}
            for o in report.outcomes
        ],
        key="newsfigures-expectations",
        description="Every expectation of the run",
    )


class _StageClock:
    """Wall time between successive ``lap`` calls, by stage name."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = round(now - self._last, 3)
        self._last = now


def _fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def summarise(run_id: str, tables: ExtractedTables, report: validation.ValidationReport, quarantine: list[dict]) -> RunSummary:
    examples: dict[tuple[str, str, str | None], list[str]] = {}
    for row in quarantine:
        examples.setdefault((row["table_name"], row["expectation"], row["column"]), []).append(row["row_id"])
    failed = [
        FailedExpectation(
            table_name=outcome.table_name,
            expectation=outcome.expectation,
            column=outcome.column,
            description=outcome.description,
            unexpected_count=outcome.unexpected_count,
            example_row_ids=examples.get((outcome.table_name, outcome.expectation, outcome.column), [])[:5],
        )
        for outcome in report.failed
    ]
    counts = {name: table.num_rows for name, table in tables.as_dict().items()}
    counts["rejected_documents"] = len(tables.rejected)
    return RunSummary(
        run_id=run_id,
        counts=counts,
        failed=failed,
        rejected=list(tables.rejected),
        quarantined_rows=len({(row["table_name"], row["row_id"]) for row in quarantine}),
    )


@flow(name="newsfigures-run", log_prints=False)
def run_pipeline(
    seeds_dir: str = "seeds", output_dir: str = "output", batch_size: int = 200, full: bool = False
) -> RunSummary:
    """Extract figures, sources and events from every article under ``seeds_dir`` into ``output_dir``.

    Only new or changed articles are extracted unless ``full`` (see ``flows/incremental.py``).
    """
    clock = _StageClock()
    seeds, output = Path(seeds_dir), Path(output_dir)
    with exclusive_run(output):
        run_time = datetime.now(UTC).replace(microsecond=0)
        run_id = f"{run_time:%Y%m%dT%H%M%SZ}-{uuid4().hex[:6]}"
        paths = ingestion.list_articles(seeds)

        path_batches = list(ingestion.batched(paths, batch_size))
        ingest_futures = ingest_task.map(path_batches, unmapped(seeds))
        ingested = [f.result() for f in tracked(as_completed(ingest_futures), len(path_batches), "ingest")]
        documents, duplicates = ingestion.drop_duplicates(doc for batch in ingested for doc in batch.documents)
        version = incremental.engine_version()
        plan = incremental.plan_run(documents, output, version, full)
        clock.lap("ingest")
        new = plan.to_extract
        document_batches = [new[i : i + batch_size] for i in range(0, len(new), batch_size)]
        futures = extract_task.map(document_batches, unmapped(run_time), unmapped(version))
        batches = [f.result() for f in tracked(as_completed(futures), len(document_batches), "extract")]
        extracted = concat_batches([*([plan.reused] if plan.reused else []), *batches])
        extracted.rejected = [item for batch in ingested for item in batch.rejected] + duplicates + extracted.rejected
        clock.lap("extract")

        report = validate_task(extracted, _fresh_dir(output / "quality" / "gx"))
        clock.lap("validate")
        written, quarantine = publish_task(output, extracted, report, run_id, run_time)
        clock.lap("publish")
        index = report_task(output, seeds, extracted, report, quarantine, run_id, run_time)
        clock.lap("report")

        summary = summarise(run_id, extracted, report, quarantine)
        summary.report, summary.tables, summary.seconds = index, written, clock.laps
        summary.extracted_documents, summary.reused_documents = len(new), plan.reused_documents
        summary.removed_documents = plan.removed_documents
        return summary
