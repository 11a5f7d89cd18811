"""What a run publishes, assembled as one commit (see ``flows/commit.py``).

New parts come staged from the batches. Parts holding rows of documents that changed or left are
rewritten without them (only those parts); the manifest, the rejected files and the run's quality
results are staged beside them; then one journal publishes everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import pyarrow as pa

from flows import commit
from flows.commit import Journal
from flows.datasets import DOCUMENT_TABLES, MANIFEST, quality_path, rejected_path, table_files, without_documents
from flows.storage import Store
from flows.tables import QUALITY_RESULTS, REJECTED_DOCUMENTS, from_rows, sort_table
from transforms.records import RejectedDocument


def rejected_table(rejected: Iterable[RejectedDocument]) -> pa.Table:
    rows = [{"uri": item.uri, "stage": item.stage, "error": item.error} for item in rejected]
    return sort_table(from_rows(rows, REJECTED_DOCUMENTS), ("uri", "stage"))


def quality_table(rows: list[dict[str, Any]], run_id: str, run_time: datetime) -> pa.Table:
    return from_rows(({"run_id": run_id, "run_time": run_time, **row} for row in rows), QUALITY_RESULTS)


def _stage(output: Store, journal: Journal, table: pa.Table, published_path: str) -> None:
    staged = commit.staged(journal.run_id, published_path)
    output.write_parquet(table, staged)
    journal.moves.append((staged, published_path))


def drop_from_staged_part(output: Store, run_id: str, part: str, document_ids: set[str]) -> None:
    """Take documents out of a part a batch staged (a duplicate found across batches)."""
    for name in DOCUMENT_TABLES:
        path = commit.staged(run_id, f"{name}/{part}")
        output.write_parquet(without_documents(output.read_parquet(path), document_ids), path)


def rewrite_parts(output: Store, journal: Journal, leaving: dict[str, set[str]]) -> None:
    """Each published part holding documents that leave is replaced by one without them (or just deleted)."""
    for number, (part, document_ids) in enumerate(sorted(leaving.items())):
        journal.deletions.extend(f"{name}/{part}" for name in DOCUMENT_TABLES)
        remaining = without_documents(output.read_parquet(f"documents/{part}"), document_ids)
        if remaining.num_rows == 0:
            continue
        replacement = f"{part.rsplit('/', 1)[0]}/part-{journal.run_id}-r{number:05d}.parquet"
        _stage(output, journal, remaining, f"documents/{replacement}")
        for name in DOCUMENT_TABLES:
            if name != "documents":
                table = without_documents(output.read_parquet(f"{name}/{part}"), document_ids)
                _stage(output, journal, table, f"{name}/{replacement}")


def stage_publication(
    output: Store,
    run_id: str,
    new_parts: list[str],
    leaving: dict[str, set[str]],
    manifest: pa.Table,
    rejected: list[RejectedDocument],
) -> Journal:
    """Stage everything the run changes in the document tables, the manifest and the rejected files."""
    journal = Journal(run_id)
    journal.moves.extend(
        (commit.staged(run_id, f"{name}/{part}"), f"{name}/{part}") for part in new_parts for name in DOCUMENT_TABLES
    )
    rewrite_parts(output, journal, leaving)
    _stage(output, journal, manifest, MANIFEST)
    journal.deletions.extend(table_files(output, "rejected_documents"))
    _stage(output, journal, rejected_table(rejected), rejected_path(run_id))
    return journal


def stage_quality(output: Store, journal: Journal, quality: pa.Table, run_time: datetime) -> None:
    """The run's expectation results: a file of their own, so earlier runs' files are never rewritten."""
    _stage(output, journal, quality, quality_path(journal.run_id, run_time))


def published_after(output: Store, journal: Journal, table: str) -> dict[str, str]:
    """The files ``table`` will hold once ``journal`` is applied: relative path in the table → where to read it now."""
    leaving = set(journal.deletions)
    files = {path.split("/", 1)[1]: path for path in table_files(output, table) if path not in leaving}
    files.update(
        (target.split("/", 1)[1], source) for source, target in journal.moves if target.startswith(f"{table}/")
    )
    return files
