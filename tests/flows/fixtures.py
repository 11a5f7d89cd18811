"""Small hand-made tables for validation tests: one document with a paired conversion, a source chain and an event."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pyarrow as pa

from flows.tables import DOCUMENTS, EVENTS, FIGURES, SOURCES, to_table
from transforms.documents import build_document
from transforms.ids import span_id
from transforms.records import Event, Figure, Source

TEXT = (
    "The company said on Monday it had cut 1,200 jobs over the past two weeks, 300 of them in Ohio. "
    "Its shares rose 12% to $41.50. "
    "The 500-mile (805-kilometre) pipeline opened in March 2024, Reuters reported."
)
INGESTED_AT = datetime(2025, 3, 1, tzinfo=UTC)


def _span(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


def clean_tables() -> dict[str, pa.Table]:
    document = build_document("fixture.txt", TEXT, {"published_at": "2025-03-01", "publisher": "Fixture News"})
    doc_id = document.document_id

    def figure(surface: str, value: float, unit: str | None, dimension: str, **extra: object) -> Figure:
        start, end = _span(document.text, surface)
        fields: dict[str, object] = dict(
            figure_id=span_id("figure", doc_id, start, end), document_id=doc_id,
            sentence_index=sum(start > boundary for boundary in (document.text.index("Its"), document.text.index("The 5"))),
            start=start, end=end, surface=surface, value=value, value_low=value, value_high=value, qualifier="exact",
            unit=unit, dimension=dimension, value_si=value, si_unit=None, entity=None, category=None,
            date_start=None, date_end=None, rule="fixture",
        )
        fields.update(extra)
        return Figure(**fields)  # type: ignore[arg-type]

    jobs = figure("1,200 jobs", 1200.0, "job", "count", entity="jobs", category="employment", rule="count.noun")
    weeks = figure("the past two weeks", 2.0, "week", "duration", value_si=1209600.0, si_unit="s",
                   date_start=date(2025, 2, 15), date_end=date(2025, 3, 1))
    ohio = figure("300", 300.0, "job", "count", entity="jobs", category="employment", rule="count.elided")
    shares = figure("12%", 12.0, "percent", "percentage", value_si=0.12, si_unit="dimensionless")
    price = figure("$41.50", 41.5, "USD", "currency", si_unit="USD", category="money")
    miles = figure("500-mile", 500.0, "mi", "length", value_si=804672.0, si_unit="m", entity="pipeline")
    kilometres = figure("805-kilometre", 805.0, "km", "length", value_si=805000.0, si_unit="m", entity="pipeline")
    march = figure("March 2024", 2024.0, None, "date", date_start=date(2024, 3, 1), date_end=date(2024, 3, 31))
    miles.paired_figure_id, kilometres.paired_figure_id = kilometres.figure_id, miles.figure_id

    start, end = _span(document.text, "Reuters")
    reuters = Source(span_id("source", doc_id, start, end), doc_id, 1, start, end, "Reuters", "media", "reported", rule="fixture")
    start, end = _span(document.text, "The company")
    company = Source(span_id("source", doc_id, start, end), doc_id, 0, start, end, "The company", "company", "said",
                     via_source_id=reuters.source_id, rule="fixture")
    start, end = _span(document.text, "cut")
    layoffs = Event(span_id("event", doc_id, start, end), doc_id, 0, start, end, "layoffs", "cut", "asserted",
                    actor="The company", time_text="on Monday", date_start=date(2025, 2, 24),
                    date_end=date(2025, 2, 24), source_id=company.source_id, rule="fixture")
    jobs.source_id, jobs.event_id = company.source_id, layoffs.event_id
    for item in (miles, kilometres, march):
        item.source_id = reuters.source_id

    return {
        "documents": to_table([document], DOCUMENTS, ingested_at=INGESTED_AT, engine_version="fixture"),
        "figures": to_table([jobs, weeks, ohio, shares, price, miles, kilometres, march], FIGURES),
        "sources": to_table([company, reuters], SOURCES),
        "events": to_table([layoffs], EVENTS),
    }


PUBLISHED = ("documents", "figures", "sources", "events", "quarantine", "rejected_documents", "quality_results")


def sql(output: object, query: str) -> list[tuple]:
    """Run ``query`` with DuckDB; ``{figures}`` etc. stand for that table's dataset under ``output``."""
    import duckdb

    datasets = {name: f"read_parquet('{output}/{name}/**/*.parquet', hive_partitioning=true)" for name in PUBLISHED}
    with duckdb.connect() as connection:
        return connection.sql(query.format(**datasets)).fetchall()
