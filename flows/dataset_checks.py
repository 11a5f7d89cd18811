"""Checks over the whole published dataset, cheap enough for every run.

Batches validate their new rows completely (every key resolves within its document), but only the
dataset as a whole shows that a document is published once and that each part's rows belong to
documents of that part. These checks read only ``document_id`` columns, of the files the run is about
to publish, before it commits.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from flows.batch import CheckOutcome
from flows.commit import Journal
from flows.datasets import DOCUMENT_TABLES
from flows.publish import published_after
from flows.storage import Store


def _outcome(table: str, expectation: str, description: str, checked: int, failing: int) -> CheckOutcome:
    return CheckOutcome(
        table_name=table, expectation=expectation, column="document_id", description=description,
        success=failing == 0, element_count=checked, unexpected_count=failing,
        unexpected_percent=100.0 * failing / checked if checked else 0.0, exception=None,
    )


def check_published(output: Store, journal: Journal) -> list[CheckOutcome]:
    documents = published_after(output, journal, "documents")
    ids_by_part: dict[str, pa.Array] = {
        part: output.read_parquet(path, ["document_id"])["document_id"].combine_chunks() for part, path in documents.items()
    }
    all_ids = pa.chunked_array(list(ids_by_part.values()), pa.string())
    distinct = pc.count_distinct(all_ids).as_py() if len(all_ids) else 0
    outcomes = [_outcome("documents", "dataset_document_id_unique", "document_id is unique across the whole dataset",
                         len(all_ids), len(all_ids) - distinct)]
    for table in DOCUMENT_TABLES:
        if table == "documents":
            continue
        checked = failing = 0
        for part, path in published_after(output, journal, table).items():
            column = output.read_parquet(path, ["document_id"])["document_id"]
            known = ids_by_part.get(part, pa.array([], pa.string()))
            resolves = pc.fill_null(pc.is_in(column, value_set=known), False)
            checked += len(column)
            failing += len(column) - pc.sum(resolves).as_py() if len(column) else 0
        outcomes.append(_outcome(table, "dataset_document_id_resolves_in_part",
                                 "every row's document_id is a document of the same part", checked, failing))
    return outcomes
