"""Writing the tables: sorted, through their explicit schemas, each file replaced atomically."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.tables import DOCUMENTS, QUALITY_RESULTS, QUARANTINE, REJECTED_DOCUMENTS, TABLES, UTC_MICROS, from_rows, sort_table
from transforms.records import RejectedDocument


def write_atomically(table: pa.Table, path: Path) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over ``path``.

    Readers see either the previous complete file or the new complete file, never a partial one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, temporary, compression="zstd")
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def read_if_valid(path: Path, schema: pa.Schema) -> pa.Table | None:
    """A previously published table, or None when absent or not of this schema."""
    if not path.exists():
        return None
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError):
        return None
    return table if table.schema.equals(schema) else None


def keep_first_ingestion(documents: pa.Table, previous: pa.Table | None) -> pa.Table:
    """``ingested_at`` of a document already published is the time it was first ingested."""
    if previous is None or previous.num_rows == 0 or documents.num_rows == 0:
        return documents
    first_seen = dict(zip(previous["document_id"].to_pylist(), previous["ingested_at"].to_pylist(), strict=True))
    current = documents["ingested_at"].to_pylist()
    ids = documents["document_id"].to_pylist()
    merged = pa.array([first_seen.get(doc_id, now) for doc_id, now in zip(ids, current, strict=True)], UTC_MICROS)
    index = documents.schema.get_field_index("ingested_at")
    return documents.set_column(index, documents.schema.field(index), merged)


def rejected_table(rejected: Iterable[RejectedDocument]) -> pa.Table:
    rows = [{"uri": item.uri, "stage": item.stage, "error": item.error} for item in rejected]
    return sort_table(from_rows(rows, REJECTED_DOCUMENTS), ("uri", "stage"))


def quality_table(rows: list[dict[str, Any]], run_id: str, run_time: datetime) -> pa.Table:
    return from_rows(({"run_id": run_id, "run_time": run_time, **row} for row in rows), QUALITY_RESULTS)


def publish(
    output_dir: Path,
    tables: dict[str, pa.Table],
    quarantine: list[dict[str, Any]],
    rejected: list[RejectedDocument],
    quality: pa.Table,
) -> dict[str, Path]:
    """Write every table of the run; quality results are appended to the history of earlier runs."""
    tables = dict(tables)
    tables["documents"] = keep_first_ingestion(
        tables["documents"], read_if_valid(output_dir / "documents.parquet", DOCUMENTS)
    )
    written: dict[str, Path] = {}
    for name, (_schema, _key, order) in TABLES.items():
        written[name] = output_dir / f"{name}.parquet"
        write_atomically(sort_table(tables[name], order), written[name])
    quarantine_rows = from_rows(quarantine, QUARANTINE)
    written["quarantine"] = output_dir / "quarantine.parquet"
    write_atomically(sort_table(quarantine_rows, ("table_name", "row_id", "expectation")), written["quarantine"])
    written["rejected_documents"] = output_dir / "rejected_documents.parquet"
    write_atomically(rejected_table(rejected), written["rejected_documents"])
    history = read_if_valid(output_dir / "quality_results.parquet", QUALITY_RESULTS)
    if history is not None:
        history = history.filter(pc.not_equal(history["run_id"], quality["run_id"][0])) if quality.num_rows else history
        quality = pa.concat_tables([history, quality])
    written["quality_results"] = output_dir / "quality_results.parquet"
    write_atomically(quality, written["quality_results"])
    return written
