"""Incremental runs: only new or changed articles go through the engine.

A document is keyed by the hash of its text. A run reuses the published rows of
a document when the same text was published before by the same engine version
(a hash of everything under ``transforms/``) and none of its rows sat in
quarantine. Everything else is extracted again. The tables mirror the seeds
folder: a changed article replaces its old rows, and an article no longer in the
folder leaves the tables (its rows are dropped, not kept as history).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

import transforms
from flows.extraction import ExtractedTables
from flows.publish import read_if_valid
from flows.tables import QUARANTINE, TABLES
from transforms.records import Document


@cache
def engine_version() -> str:
    """Hash of the engine's code and lexicons: a change to either re-extracts every document."""
    digest = hashlib.sha256()
    root = Path(transforms.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".toml", ".csv", ".txt"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(slots=True)
class RunPlan:
    to_extract: list[Document]
    reused: ExtractedTables | None  # published rows of unchanged documents, or None
    reused_documents: int
    removed_documents: int  # published articles whose uri is no longer among the seeds


def _rows_of(table: pa.Table, document_ids: set[str]) -> pa.Table:
    return table.filter(pc.is_in(table["document_id"], value_set=pa.array(sorted(document_ids), pa.string())))


def plan_run(documents: Sequence[Document], output_dir: Path, version: str, full: bool = False) -> RunPlan:
    """Which documents to extract, and which published rows to carry over unchanged."""
    previous = {name: read_if_valid(output_dir / f"{name}.parquet", schema) for name, (schema, _k, _o) in TABLES.items()}
    if full or any(table is None for table in previous.values()):
        return RunPlan(list(documents), None, 0, 0)
    published = previous["documents"]
    quarantine = read_if_valid(output_dir / "quarantine.parquet", QUARANTINE)
    held_back = set(quarantine["document_id"].to_pylist()) if quarantine is not None else set()
    current_ids = {document.document_id for document in documents}
    reusable = {
        document_id
        for document_id, document_version in zip(
            published["document_id"].to_pylist(), published["engine_version"].to_pylist(), strict=True
        )
        if document_version == version and document_id not in held_back and document_id in current_ids
    }
    removed = len(set(published["uri"].to_pylist()) - {document.uri for document in documents})
    if not reusable:
        return RunPlan(list(documents), None, 0, removed)
    reused = ExtractedTables(**{name: _rows_of(table, reusable) for name, table in previous.items()})
    to_extract = [document for document in documents if document.document_id not in reusable]
    return RunPlan(to_extract, reused, len(reusable), removed)
