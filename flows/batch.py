"""One batch of seed files all the way to staged Parquet: ingest → extract → validate → stage.

A batch holds its rows only while it runs; what it returns is a small ``BatchOutcome``. Every row's
keys resolve within its own document, so validating a batch's new rows checks them completely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from flows import commit
from flows.datasets import DOCUMENT_TABLES, month_of, part_path
from flows.extraction import ExtractedTables, extract_documents
from flows.incremental import SeedFile
from flows.ingest import read_seed_files
from flows.report import quarantine_examples
from flows.stage_clock import StageClock
from flows.storage import Store
from flows.tables import QUARANTINE, UTC_MICROS, from_rows
from transforms.records import Document, RejectedDocument

EXAMPLES_PER_CHECK = 5


@dataclass(slots=True)
class CheckOutcome:
    """One expectation over one batch (GX's result, without the row positions)."""

    table_name: str
    expectation: str
    column: str | None
    description: str
    success: bool
    element_count: int | None
    unexpected_count: int | None
    unexpected_percent: float | None
    exception: str | None
    severity: str = "critical"  # "warning": reported, its rows stay published, the exit code stays 0


@dataclass(slots=True)
class BatchOutcome:
    index: int
    read: list[tuple[str, int, str, str]] = field(default_factory=list)  # (path, size, changed, document_id)
    extracted: dict[str, tuple[str, str]] = field(default_factory=dict)  # document id → (path, part)
    rejected: list[tuple[RejectedDocument, int, str]] = field(default_factory=list)  # with size, changed
    duplicates: list[RejectedDocument] = field(default_factory=list)  # same text as another file of the batch
    rows: dict[str, int] = field(default_factory=dict)  # rows staged per table
    checks: list[CheckOutcome] = field(default_factory=list)
    quarantined_rows: int = 0
    quarantine_examples: dict[str, list[str]] = field(default_factory=dict)  # "table|expectation|column" → ids
    staged_parts: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    gx_results: dict[str, dict[str, Any]] | None = None  # GX validation results as JSON, for Data Docs


def _first_ingestion(documents: pa.Table, first: dict[str, datetime]) -> pa.Table:
    """``ingested_at`` of a document published before is the time it was first ingested."""
    if not first or documents.num_rows == 0:
        return documents
    current = documents["ingested_at"].to_pylist()
    ids = documents["document_id"].to_pylist()
    merged = pa.array([first.get(doc_id, now) for doc_id, now in zip(ids, current, strict=True)], UTC_MICROS)
    index = documents.schema.get_field_index("ingested_at")
    return documents.set_column(index, documents.schema.field(index), merged)


def _rows_of(table: pa.Table, document_ids: list[str]) -> pa.Table:
    return table.filter(pc.fill_null(pc.is_in(table["document_id"], value_set=pa.array(document_ids, pa.string())), False))


def stage_parts(
    output: Store, run_id: str, label: str, tables: dict[str, pa.Table]
) -> dict[str, str]:
    """Write the rows of each ingestion month as one part (a file per document table) under staging.

    Returns document id → part.
    """
    documents = tables["documents"]
    months: dict[str, list[str]] = {}
    for document_id, ingested_at in zip(
        documents["document_id"].to_pylist(), documents["ingested_at"].to_pylist(), strict=True
    ):
        months.setdefault(month_of(ingested_at), []).append(document_id)
    placed: dict[str, str] = {}
    for month, document_ids in sorted(months.items()):
        part = part_path(month, run_id, label)
        for name, (_schema, order) in DOCUMENT_TABLES.items():
            rows = _rows_of(tables[name], document_ids).sort_by([(key, "ascending") for key in order])
            output.write_parquet(rows, commit.staged(run_id, f"{name}/{part}"))
        placed.update((document_id, part) for document_id in document_ids)
    return placed


def _check_outcomes(report: Any) -> list[CheckOutcome]:
    return [
        CheckOutcome(o.table_name, o.expectation, o.column, o.description, o.success, o.element_count,
                     o.unexpected_count, o.unexpected_percent, o.exception, o.severity)
        for o in report.outcomes
    ]


def validate_and_quarantine(tables: ExtractedTables) -> tuple[dict[str, pa.Table], list[dict[str, Any]], Any]:
    """(clean tables + quarantine table, quarantine rows, validation report) of a batch's new rows."""
    from flows import validate as validation  # GX loads only where something is validated

    report = validation.validate_tables(tables.as_dict())
    clean, quarantine = validation.quarantine_rows(tables.as_dict(), report)
    return {**clean, "quarantine": from_rows(quarantine, QUARANTINE)}, quarantine, report


def process_batch(
    index: int,
    files: list[SeedFile],
    seeds: Store,
    output: Store,
    run_id: str,
    run_time: datetime,
    engine_version: str,
    keep_gx_results: bool = False,
) -> BatchOutcome:
    """Read, extract, validate and stage one batch of seed files; the outcome, never the rows."""
    clock = StageClock()
    outcome = BatchOutcome(index=index)
    by_path = {item.path: item for item in files}
    ingested = read_seed_files(seeds, [item.path for item in files])
    outcome.rejected = [(item, by_path[item.uri].size, by_path[item.uri].changed) for item in ingested.rejected]
    to_extract: list[Document] = []
    first_ingested: dict[str, datetime] = {}
    seen: dict[str, str] = {}
    for path, document in zip(ingested.paths, ingested.documents, strict=True):
        seed = by_path[path]
        if document.document_id in seen:
            reason = f"same text as {seen[document.document_id]} (document_id {document.document_id})"
            outcome.duplicates.append(RejectedDocument(uri=path, stage="duplicate", error=reason))
            continue
        seen[document.document_id] = path
        outcome.read.append((path, seed.size, seed.changed, document.document_id))
        if document.document_id == seed.previous_id:
            if seed.reusable:
                continue  # touched, not changed: its published rows stay
            if seed.first_ingested is not None:
                first_ingested[document.document_id] = seed.first_ingested
        to_extract.append(document)
    clock.lap("ingest")
    if not to_extract:
        outcome.seconds = clock.seconds
        return outcome

    extracted = extract_documents(to_extract, run_time, engine_version)
    extracted.documents = _first_ingestion(extracted.documents, first_ingested)
    path_of_uri = {document.uri: seen[document.document_id] for document in to_extract}
    for item in extracted.rejected:
        seed = by_path[path_of_uri[item.uri]]
        outcome.rejected.append((RejectedDocument(uri=seed.path, stage=item.stage, error=item.error), seed.size, seed.changed))
    failed_paths = {path_of_uri[item.uri] for item in extracted.rejected}
    outcome.read = [entry for entry in outcome.read if entry[0] not in failed_paths]
    clock.lap("extract")
    if extracted.documents.num_rows == 0:
        outcome.seconds = clock.seconds
        return outcome

    tables, quarantine, report = validate_and_quarantine(extracted)
    outcome.checks = _check_outcomes(report)
    outcome.quarantined_rows = len({(row["table_name"], row["row_id"]) for row in quarantine})
    outcome.quarantine_examples = quarantine_examples(quarantine, EXAMPLES_PER_CHECK) | report.warning_examples
    if keep_gx_results or report.failed:
        outcome.gx_results = report.results
    clock.lap("validate")

    placed = stage_parts(output, run_id, f"b{index:05d}", tables)
    path_of = {document_id: path for path, _size, _changed, document_id in outcome.read}
    outcome.extracted = {document_id: (path_of[document_id], part) for document_id, part in placed.items()}
    outcome.staged_parts = sorted(set(placed.values()))
    outcome.rows = {name: table.num_rows for name, table in tables.items()}
    clock.lap("stage")
    outcome.seconds = clock.seconds
    return outcome
