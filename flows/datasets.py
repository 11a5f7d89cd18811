"""How the tables are laid out under the output folder, and how to read them back.

Each table is a Hive-partitioned Parquet dataset:

    <output>/<table>/ingest_month=YYYY-MM/part-<run id>-<label>.parquet

for the five document tables (documents, figures, sources, events, quarantine), partitioned by the month
a document was first ingested. One *part* is the same relative path in each of the five: the rows of a
set of documents, whole, so a document's rows are always found (and rewritten) together.
``rejected_documents/`` holds one file (the seeds' current bad files) and ``quality_results/`` one file
per run, partitioned by ``run_month``. ``_state/manifest.parquet`` remembers each seed file's size and
modification time (see ``flows/incremental.py``); ``_staging/`` holds a run's files until it commits
(see ``flows/commit.py``). Readers skip names starting with ``_`` or ``.``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc

from flows import commit
from flows.storage import Store
from flows.tables import QUALITY_RESULTS, QUARANTINE, REJECTED_DOCUMENTS, TABLES

PARTITION = "ingest_month"
MANIFEST = "_state/manifest.parquet"

# Tables whose rows belong to a document: name → (schema, sort order). They share parts.
DOCUMENT_TABLES: dict[str, tuple[pa.Schema, tuple[str, ...]]] = {
    **{name: (schema, order) for name, (schema, _key, order) in TABLES.items()},
    "quarantine": (QUARANTINE, ("table_name", "row_id", "expectation")),
}
ALL_TABLES: dict[str, pa.Schema] = {
    **{name: schema for name, (schema, _order) in DOCUMENT_TABLES.items()},
    "rejected_documents": REJECTED_DOCUMENTS,
    "quality_results": QUALITY_RESULTS,
}
INDEX_COLUMNS = ["document_id", "uri", "text_sha256", "engine_version", "ingested_at"]


def month_of(moment: datetime) -> str:
    return f"{moment:%Y-%m}"


def part_path(month: str, run_id: str, label: str) -> str:
    """Relative path of a part inside each document table's folder."""
    return f"{PARTITION}={month}/part-{run_id}-{label}.parquet"


def quality_path(run_id: str, run_time: datetime) -> str:
    return f"quality_results/run_month={month_of(run_time)}/part-{run_id}.parquet"


def rejected_path(run_id: str) -> str:
    return f"rejected_documents/part-{run_id}.parquet"


def table_files(store: Store, table: str) -> list[str]:
    """Relative paths (under the output folder) of a table's Parquet files."""
    return [
        item.path for item in store.files(table)
        if item.path.endswith(".parquet") and not any(part[:1] in "._" for part in item.path.split("/")[1:])
    ]


def read_index(store: Store) -> pa.Table:
    """The small columns of every published document, with the part that holds its rows.

    Reads only those columns of ``documents`` (never the text), one file at a time.
    """
    pieces = []
    for path in table_files(store, "documents"):
        piece = store.read_parquet(path, columns=INDEX_COLUMNS)
        part = path.split("/", 1)[1]
        pieces.append(piece.append_column("part", pa.array([part] * piece.num_rows, pa.string())))
    if not pieces:
        schema = ALL_TABLES["documents"]
        return pa.schema([schema.field(name) for name in INDEX_COLUMNS] + [pa.field("part", pa.string())]).empty_table()
    return pa.concat_tables(pieces)


def count_rows(store: Store, table: str) -> int:
    """Rows of a published table, from the Parquet footers alone."""
    if not table_files(store, table):
        return 0
    return store.dataset(table, ALL_TABLES[table]).count_rows()


def scan_column(store: Store, table: str, column: str) -> Iterator[pa.Array]:
    """One column of a published table, record batch by record batch (never the whole column at once)."""
    commit.roll_forward(store)
    if not table_files(store, table):
        return
    for batch in store.dataset(table, ALL_TABLES[table]).to_batches(columns=[column]):
        yield batch.column(0)


def read_table(output: str | Store, table: str, columns: list[str] | None = None) -> pa.Table:
    """A whole published table (or some of its columns) as one Arrow table, in its contract schema.

    A commit left half-applied by a killed run is first rolled forward, so what is read is always a
    complete state.
    """
    store = output if isinstance(output, Store) else Store(output)
    commit.roll_forward(store)
    schema = ALL_TABLES[table]
    if not table_files(store, table):
        empty = schema.empty_table()
        return empty.select(columns) if columns else empty
    result = store.dataset(table, schema).to_table(columns=columns)
    order = DOCUMENT_TABLES.get(table, (None, ()))[1]
    if columns is None and order:
        result = result.sort_by([(key, "ascending") for key in order])
    return result


def without_documents(table: pa.Table, document_ids: set[str]) -> pa.Table:
    if not document_ids or table.num_rows == 0:
        return table
    drop = pc.is_in(table["document_id"], value_set=pa.array(sorted(document_ids), pa.string()))
    return table.filter(pc.invert(pc.fill_null(drop, False)))
