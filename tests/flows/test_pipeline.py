"""The real flow over the seed (plus broken files) into a temporary folder, read back with DuckDB."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from flows.datasets import ALL_TABLES, read_table
from flows.pipeline import run_pipeline
from tests.flows.fixtures import PUBLISHED, sql

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seeds_with_bad_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    for article in SEEDS.glob("*.txt"):
        shutil.copy(article, seeds / article.name)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (seeds / "latin1.txt").write_bytes("Le caf\xe9 a vendu 300 tasses.".encode("latin-1"))
    (seeds / "no_metadata.txt").write_text("Shares rose 5% to $12.40 after the company hired 300 engineers.\n")
    return seeds


@pytest.fixture(scope="module")
def first_run(seeds_with_bad_files: Path, tmp_path_factory: pytest.TempPathFactory):
    output = tmp_path_factory.mktemp("output")
    summary = run_pipeline(seeds_dir=str(seeds_with_bad_files), output_dir=str(output))
    return summary, output


def test_every_table_is_a_dataset_read_back_by_duckdb_pyarrow_and_polars(first_run):
    summary, output = first_run
    for name in PUBLISHED:
        assert list((output / name).rglob("*.parquet")), name
        rows = sql(output, f"select count(*) from {{{name}}}")[0][0]
        assert rows == ds.dataset(output / name, format="parquet", partitioning="hive").count_rows(), name
        frame = polars.scan_parquet(output / name / "**" / "*.parquet", hive_partitioning=True).collect()
        assert frame.height == rows, name
    assert sql(output, "select count(*) from {documents}")[0][0] == 2
    assert summary.counts["documents"] == 2 and summary.counts["figures"] == read_table(output, "figures").num_rows > 0
    assert (output / "quality" / "index.html").exists()
    assert (output / "quality" / "gx" / "index.html").exists()


def test_document_tables_are_partitioned_by_ingestion_month(first_run):
    summary, output = first_run
    month = summary.run_id[:4] + "-" + summary.run_id[4:6]
    for name in ("documents", "figures", "sources", "events", "quarantine"):
        [partition] = [path.name for path in (output / name).iterdir()]
        assert partition == f"ingest_month={month}", name
    assert sql(output, "select distinct ingest_month from {figures}") == [(month,)]


def test_parquet_schemas_are_exactly_the_contract(first_run):
    _summary, output = first_run
    for name, schema in ALL_TABLES.items():
        files = list((output / name).rglob("*.parquet"))
        assert files, name
        for path in files:
            assert pq.read_schema(path).remove_metadata().equals(schema), path


def test_duckdb_sees_the_contract_types(first_run):
    _summary, output = first_run
    types = dict(sql(output, "select column_name, column_type from (describe select * from {figures})"))
    assert types["value"] == "DOUBLE" and types["start"] == "INTEGER" and types["date_start"] == "DATE"
    types = dict(sql(output, "select column_name, column_type from (describe select * from {documents})"))
    assert types["published_at"] == "TIMESTAMP WITH TIME ZONE" and types["text"] == "VARCHAR"


def test_every_span_matches_the_document_text(first_run):
    _summary, output = first_run
    mismatches = sql(output, """
        select f.surface, substr(d.text, f.start + 1, f."end" - f.start)
        from {figures} f join {documents} d using (document_id)
        where substr(d.text, f.start + 1, f."end" - f.start) <> f.surface""")
    assert mismatches == []
    assert sql(output, "select count(*) from {figures}")[0][0] > 0


def test_keys_resolve(first_run):
    _summary, output = first_run
    dangling = sql(output, """
        select f.figure_id from {figures} f
        left join {sources} s on f.source_id = s.source_id
        where f.source_id is not null and s.source_id is null""")
    assert dangling == []
    dangling = sql(output, """
        select f.figure_id from {figures} f
        left join {figures} p on f.paired_figure_id = p.figure_id
        where f.paired_figure_id is not null and p.figure_id is null""")
    assert dangling == []


def test_bad_files_are_rejected_by_name_and_the_good_articles_come_out(first_run):
    summary, output = first_run
    rejected = dict(sql(output, "select uri, error from {rejected_documents}"))
    assert set(rejected) == {"empty.txt", "binary.txt", "latin1.txt"}
    assert "empty" in rejected["empty.txt"]
    assert "binary" in rejected["binary.txt"]
    assert "UTF-8" in rejected["latin1.txt"]
    uris = {row[0] for row in sql(output, "select uri from {documents}")}
    assert uris == {"000_aee1465f0a7bc0de.txt", "no_metadata.txt"}
    assert {item.uri for item in summary.rejected} == set(rejected)


def test_seed_metadata_comes_from_front_matter(first_run):
    _summary, output = first_run
    [(publisher, published)] = sql(output, """
        select publisher, strftime(published_at at time zone 'UTC', '%Y-%m-%d')
        from {documents} where uri like '000_%'""")
    assert (publisher, published) == ("BBC News", "2025-02-01")
    text = sql(output, "select text from {documents} where uri like '000_%'")[0][0]
    assert text.startswith("Ukrainian special forces") and "---" not in text


def _figures(output: Path, where: str) -> list[tuple]:
    return sql(output, f"""
        select value, value_low, value_high, qualifier, unit, dimension, entity, value_si
        from {{figures}} f join {{documents}} d using (document_id)
        where d.uri like '000_%' and {where}""")


def test_seed_headline_figures(first_run):
    _summary, output = first_run
    [soldiers] = _figures(output, "f.value = 11000")
    assert soldiers[3:7] == ("approximately", "soldier", "count", "North Korean soldiers")
    [area] = _figures(output, "f.unit = 'km**2'")
    assert area[:5] == (1000.0, 1000.0, None, "more_than", "km**2")
    assert area[7] == pytest.approx(1e9)
    [front_km] = _figures(output, "f.unit = 'km'")
    [front_mi] = _figures(output, "f.unit = 'mi'")
    assert front_km[0] == 1000.0 and front_mi[0] == 620.0
    assert front_km[6] == front_mi[6] == "front line"
    pairs = sql(output, """
        select a.unit, b.unit from {figures} a join {figures} b
        on a.paired_figure_id = b.figure_id where a.unit in ('km', 'mi')""")
    assert sorted(pairs) == [("km", "mi"), ("mi", "km")]


def test_a_second_run_over_the_same_seeds_changes_no_file(first_run, seeds_with_bad_files):
    _summary, output = first_run
    before = {path: path.read_bytes() for path in output.rglob("*.parquet")}
    summary = run_pipeline(seeds_dir=str(seeds_with_bad_files), output_dir=str(output))
    assert (summary.extracted_documents, summary.reused_documents) == (0, 2)
    assert {item.uri for item in summary.rejected} == {"empty.txt", "binary.txt", "latin1.txt"}
    assert {path: path.read_bytes() for path in output.rglob("*.parquet")} == before
    assert sql(output, "select count(distinct run_id) from {quality_results}")[0][0] == 1


def test_quality_results_record_each_check_with_its_severity(first_run):
    _summary, output = first_run
    rows = sql(output, "select table_name, expectation, \"column\", severity, success from {quality_results}")
    severities = {(table, expectation, column): severity for table, expectation, column, severity, _ok in rows}
    assert set(severities.values()) == {"critical", "warning"}
    assert severities[("figures", "expect_column_values_to_be_in_set", "date_not_after_publication")] == "warning"
    assert all(ok for *_key, severity, ok in rows if severity == "critical")
