"""Incremental runs: unchanged articles are reused, changed ones replace their rows, removed ones leave."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.pipeline import run_pipeline

ARTICLES = {
    "markets.txt": "---\npublished_at: 2025-03-03\n---\nShares in Acme rose 5% to $12.40 on Monday.\n",
    "weather.txt": "---\npublished_at: 2025-03-03\n---\nThe storm brought 120mm of rain and winds of 90 mph.\n",
    "sport.txt": "---\npublished_at: 2025-03-03\n---\nAbout 40,000 fans watched the final on Saturday.\n",
}


def _documents(output: Path) -> dict[str, str]:
    with duckdb.connect() as connection:
        return dict(connection.sql(f"select uri, document_id from '{output}/documents.parquet'").fetchall())


def _figure_documents(output: Path) -> set[str]:
    with duckdb.connect() as connection:
        rows = connection.sql(f"select distinct document_id from '{output}/figures.parquet'").fetchall()
    return {row[0] for row in rows}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    seeds = tmp_path_factory.mktemp("seeds")
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds, tmp_path_factory.mktemp("output")


def test_first_run_extracts_everything(folders):
    seeds, output = folders
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    assert (summary.extracted_documents, summary.reused_documents, summary.removed_documents) == (3, 0, 0)
    assert set(_documents(output)) == set(ARTICLES)


def test_a_run_with_nothing_new_extracts_nothing_and_changes_nothing(folders):
    seeds, output = folders
    before = {path.name: path.read_bytes() for path in output.glob("*.parquet") if path.name != "quality_results.parquet"}
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    assert (summary.extracted_documents, summary.reused_documents, summary.removed_documents) == (0, 3, 0)
    after = {name: (output / name).read_bytes() for name in before}
    assert after == before


def test_a_changed_article_replaces_its_rows_and_a_removed_one_leaves(folders):
    seeds, output = folders
    old = _documents(output)
    (seeds / "markets.txt").write_text(ARTICLES["markets.txt"].replace("5%", "7%"), encoding="utf-8")
    (seeds / "weather.txt").unlink()
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    assert (summary.extracted_documents, summary.reused_documents, summary.removed_documents) == (1, 1, 1)
    new = _documents(output)
    assert set(new) == {"markets.txt", "sport.txt"}
    assert new["markets.txt"] != old["markets.txt"] and new["sport.txt"] == old["sport.txt"]
    assert _figure_documents(output) == set(new.values())  # no rows of the old text, none of the removed article
    with duckdb.connect() as connection:
        values = connection.sql(f"select value from '{output}/figures.parquet' where unit = 'percent'").fetchall()
    assert values == [(7.0,)]


def test_full_run_extracts_everything_again(folders):
    seeds, output = folders
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output), full=True)
    assert (summary.extracted_documents, summary.reused_documents) == (2, 0)
