"""Explicit Arrow schemas of the published tables, and records → Arrow at the edge.

Column names and meanings are the output contract (see output/README.md).
Nothing here lets pandas infer a type.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
import pyarrow as pa

UTC_MICROS = pa.timestamp("us", tz="UTC")


def _schema(*fields: tuple[str, pa.DataType, bool]) -> pa.Schema:
    return pa.schema([pa.field(name, data_type, nullable=nullable) for name, data_type, nullable in fields])


DOCUMENTS = _schema(
    ("document_id", pa.string(), False),
    ("uri", pa.string(), False),
    ("title", pa.string(), True),
    ("publisher", pa.string(), True),
    ("published_at", UTC_MICROS, True),
    ("language", pa.string(), False),
    ("text", pa.large_string(), False),
    ("text_sha256", pa.string(), False),
    ("ingested_at", UTC_MICROS, False),
    ("engine_version", pa.string(), False),
)

FIGURES = _schema(
    ("figure_id", pa.string(), False),
    ("document_id", pa.string(), False),
    ("sentence_index", pa.int32(), False),
    ("start", pa.int32(), False),
    ("end", pa.int32(), False),
    ("surface", pa.string(), False),
    ("value", pa.float64(), True),
    ("value_low", pa.float64(), True),
    ("value_high", pa.float64(), True),
    ("qualifier", pa.string(), False),
    ("unit", pa.string(), True),
    ("dimension", pa.string(), False),
    ("value_si", pa.float64(), True),
    ("si_unit", pa.string(), True),
    ("entity", pa.string(), True),
    ("category", pa.string(), True),
    ("date_start", pa.date32(), True),
    ("date_end", pa.date32(), True),
    ("source_id", pa.string(), True),
    ("event_id", pa.string(), True),
    ("paired_figure_id", pa.string(), True),
    ("rule", pa.string(), False),
)

SOURCES = _schema(
    ("source_id", pa.string(), False),
    ("document_id", pa.string(), False),
    ("sentence_index", pa.int32(), False),
    ("start", pa.int32(), False),
    ("end", pa.int32(), False),
    ("name", pa.string(), False),
    ("kind", pa.string(), False),
    ("via_source_id", pa.string(), True),
    ("attribution", pa.string(), False),
    ("rule", pa.string(), False),
)

EVENTS = _schema(
    ("event_id", pa.string(), False),
    ("document_id", pa.string(), False),
    ("sentence_index", pa.int32(), False),
    ("start", pa.int32(), False),
    ("end", pa.int32(), False),
    ("event_type", pa.string(), False),
    ("trigger", pa.string(), False),
    ("actor", pa.string(), True),
    ("target", pa.string(), True),
    ("location", pa.string(), True),
    ("time_text", pa.string(), True),
    ("date_start", pa.date32(), True),
    ("date_end", pa.date32(), True),
    ("modality", pa.string(), False),
    ("source_id", pa.string(), True),
    ("rule", pa.string(), False),
)

REJECTED_DOCUMENTS = _schema(
    ("uri", pa.string(), False),
    ("stage", pa.string(), False),
    ("error", pa.string(), False),
)

QUARANTINE = _schema(
    ("table_name", pa.string(), False),
    ("row_id", pa.string(), False),
    ("document_id", pa.string(), True),
    ("expectation", pa.string(), False),
    ("column", pa.string(), True),
    ("reason", pa.string(), False),
    ("row_json", pa.large_string(), False),
)

QUALITY_RESULTS = _schema(
    ("run_id", pa.string(), False),
    ("run_time", UTC_MICROS, False),
    ("table_name", pa.string(), False),
    ("expectation", pa.string(), False),
    ("column", pa.string(), True),
    ("success", pa.bool_(), False),
    ("severity", pa.string(), False),  # critical (failing rows quarantined) or warning (rows only flagged)
    ("element_count", pa.int64(), True),
    ("unexpected_count", pa.int64(), True),
    ("unexpected_percent", pa.float64(), True),
    ("exception", pa.string(), True),
)

# Published tables: name → (schema, primary key, sort order)
TABLES: dict[str, tuple[pa.Schema, str, tuple[str, ...]]] = {
    "documents": (DOCUMENTS, "document_id", ("document_id",)),
    "figures": (FIGURES, "figure_id", ("document_id", "start", "end", "figure_id")),
    "sources": (SOURCES, "source_id", ("document_id", "start", "end", "source_id")),
    "events": (EVENTS, "event_id", ("document_id", "start", "end", "event_id")),
}

# (table, column, referenced table): every non-null value must be a key of the referenced table.
FOREIGN_KEYS: tuple[tuple[str, str, str], ...] = (
    ("figures", "document_id", "documents"),
    ("figures", "source_id", "sources"),
    ("figures", "event_id", "events"),
    ("figures", "paired_figure_id", "figures"),
    ("sources", "document_id", "documents"),
    ("sources", "via_source_id", "sources"),
    ("events", "document_id", "documents"),
    ("events", "source_id", "sources"),
)


def to_table(records: Iterable[object], schema: pa.Schema, **constants: object) -> pa.Table:
    """Dataclass records → Arrow table with exactly ``schema``.

    Columns named in ``constants`` take that one value on every row (run-level
    values such as ``ingested_at``); every other column is the records' attribute.
    """
    rows: Sequence[object] = list(records)
    columns = [
        pa.array(
            [constants[name]] * len(rows) if name in constants else [getattr(row, name) for row in rows],
            type=schema.field(name).type,
        )
        for name in schema.names
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def from_rows(rows: Iterable[dict[str, object]], schema: pa.Schema) -> pa.Table:
    """Mapping rows → Arrow table with exactly ``schema``."""
    materialised = list(rows)
    return pa.Table.from_pylist(materialised, schema=schema) if materialised else schema.empty_table()


def sort_table(table: pa.Table, keys: Sequence[str]) -> pa.Table:
    return table.sort_by([(key, "ascending") for key in keys])
