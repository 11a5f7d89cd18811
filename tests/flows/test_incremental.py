"""Incremental runs: unchanged articles are reused, changed ones replace their rows, removed ones leave."""

from __future__ import annotations

from pathlib import Path

import os

import pytest

from flows.pipeline import run_pipeline
from tests.flows.fixtures import sql

ARTICLES = {
    "markets.txt": "---\npublished_at: 2025-03-03\n---\nShares in Acme rose 5% to $12.40 on Monday.\n",
    "weather.txt": "---\npublished_at: 2025-03-03\n---\nThe storm brought 120mm of rain and winds of 90 mph.\n",
    "sport.txt": "---\npublished_at: 2025-03-03\n---\nAbout 40,000 fans watched the final on Saturday.\n",
}


def _documents(output: Path) -> dict[str, str]:
    return dict(sql(output, "select uri, document_id from {documents}"))


def _figure_documents(output: Path) -> set[str]:
    return {row[0] for row in sql(output, "select distinct document_id from {figures}")}


def _document_tables(files: dict[Path, bytes]) -> dict[Path, bytes]:
    tables = {"documents", "figures", "sources", "events", "quarantine"}
    return {path: data for path, data in files.items() if tables & set(path.parts)}


def _files(output: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in output.rglob("*.parquet") if "quality_results" not in path.parts}


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
    before = _files(output)
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    assert (summary.extracted_documents, summary.reused_documents, summary.removed_documents) == (0, 3, 0)
    assert summary.batches == 0 and _files(output) == before


def test_a_touched_but_unchanged_article_is_read_again_but_not_extracted(folders):
    seeds, output = folders
    before = _files(output)
    os.utime(seeds / "sport.txt", ns=(1_000_000_000, 1_000_000_000))
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    assert (summary.extracted_documents, summary.reused_documents, summary.batches) == (0, 3, 1)
    assert _document_tables(_files(output)) == _document_tables(before)


def test_a_changed_article_replaces_its_rows_and_a_removed_one_leaves(folders):
    seeds, output = folders
    old = _documents(output)
    before = _files(output)
    (seeds / "extra.txt").write_text("---\npublished_at: 2025-03-04\n---\nThe bridge is 300 metres long.\n")
    assert run_pipeline(seeds_dir=str(seeds), output_dir=str(output)).extracted_documents == 1
    unchanged = _document_tables(before)
    assert {path: data for path, data in _document_tables(_files(output)).items() if path in unchanged} == unchanged
    (seeds / "extra.txt").unlink()
    (seeds / "markets.txt").write_text(ARTICLES["markets.txt"].replace("5%", "7%"), encoding="utf-8")
    (seeds / "weather.txt").unlink()
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    assert (summary.extracted_documents, summary.reused_documents, summary.removed_documents) == (1, 1, 2)
    new = _documents(output)
    assert set(new) == {"markets.txt", "sport.txt"}
    assert new["markets.txt"] != old["markets.txt"] and new["sport.txt"] == old["sport.txt"]
    assert _figure_documents(output) == set(new.values())  # no rows of the old text, none of the removed articles
    assert sql(output, "select value from {figures} where unit = 'percent'") == [(7.0,)]
    [(unique,)] = sql(output, "select count(*) = count(distinct document_id) from {documents}")
    assert unique


def test_a_second_file_with_published_text_is_rejected_as_a_duplicate(folders):
    seeds, output = folders
    (seeds / "zz_copy.txt").write_text((seeds / "sport.txt").read_text(encoding="utf-8"), encoding="utf-8")
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    assert [(item.uri, item.stage) for item in summary.rejected] == [("zz_copy.txt", "duplicate")]
    assert sql(output, "select uri from {documents} order by uri") == [("markets.txt",), ("sport.txt",)]
    (seeds / "zz_copy.txt").unlink()


def test_full_run_extracts_everything_again(folders):
    seeds, output = folders
    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output), full=True)
    assert (summary.extracted_documents, summary.reused_documents) == (2, 0)
