"""A run killed with SIGKILL at any point leaves every table complete and readable; the next run finishes.

The run is a real ``newsfigures run`` subprocess that kills itself at a named point of the commit
(``flows/faults.py``); the tables are then read with DuckDB.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flows.commit import roll_forward
from flows.pipeline import run_pipeline
from flows.storage import Store
from tests.flows.fixtures import sql

ARTICLES = {
    "markets.txt": "---\npublished_at: 2025-03-03\n---\nShares in Acme rose 5% to $12.40 on Monday, analysts said.\n",
    "weather.txt": "---\npublished_at: 2025-03-03\n---\nThe storm brought 120mm of rain and winds of 90 mph.\n",
    "sport.txt": "---\npublished_at: 2025-03-03\n---\nAbout 40,000 fans watched the final on Saturday.\n",
}
BEFORE = {"markets.txt", "weather.txt", "sport.txt"}
AFTER = {"markets.txt", "sport.txt", "bridge.txt"}


def _uris(output: Path) -> set[str]:
    return {row[0] for row in sql(output, "select uri from {documents}")}


def _assert_consistent(output: Path) -> None:
    """Every table readable; one row per document; every key resolves."""
    [(rows, distinct)] = sql(output, "select count(*), count(distinct document_id) from {documents}")
    assert rows == distinct > 0
    for table in ("figures", "sources", "events", "quarantine"):
        dangling = sql(output, f"select count(*) from {{{table}}} t anti join {{documents}} d using (document_id)")
        assert dangling == [(0,)], table
    dangling = sql(output, """select count(*) from {figures} f left join {sources} s using (source_id)
                              where f.source_id is not null and s.source_id is null""")
    assert dangling == [(0,)]
    assert sql(output, "select count(*) from {rejected_documents}")[0][0] >= 0
    assert sql(output, "select count(distinct run_id) from {quality_results}")[0][0] >= 1


def _change(seeds: Path) -> None:
    (seeds / "markets.txt").write_text(ARTICLES["markets.txt"].replace("5%", "7%"), encoding="utf-8")
    (seeds / "weather.txt").unlink()
    (seeds / "bridge.txt").write_text("---\npublished_at: 2025-03-04\n---\nThe bridge is 300 metres long.\n")


@pytest.mark.parametrize("point", ["staged", "journal-written", "mid-apply", "applied"])
def test_a_run_killed_at_any_point_leaves_complete_tables(tmp_path, point):
    seeds, output = tmp_path / "seeds", tmp_path / "output"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    _change(seeds)

    environment = {**os.environ, "NEWSFIGURES_KILL_AT": point}
    log = tmp_path / "run.log"
    with open(log, "wb") as sink:
        killed = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "run", "--seeds", str(seeds), "--output", str(output)],
            env=environment, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            returncode = killed.wait(timeout=600)
        finally:
            os.killpg(killed.pid, signal.SIGKILL)  # the run's own Prefect server, orphaned by the kill
    assert returncode == -signal.SIGKILL, log.read_text(errors="replace")[-2000:]

    if point in ("staged", "journal-written"):  # nothing applied yet: readers see the previous run, whole
        _assert_consistent(output)
        assert _uris(output) == BEFORE
    journals = sorted(path.parent.name for path in (output / "_staging").glob("*/journal.json"))
    assert len(journals) == (0 if point == "staged" else 1)
    assert roll_forward(Store(output)) == journals
    _assert_consistent(output)
    assert _uris(output) == (BEFORE if point == "staged" else AFTER)

    summary = run_pipeline(seeds_dir=str(seeds), output_dir=str(output))
    _assert_consistent(output)
    assert _uris(output) == AFTER
    assert sql(output, "select value from {figures} where unit = 'percent'") == [(7.0,)]
    assert not list(output.glob("_staging/*"))  # the killed run's leftovers are gone
    assert summary.counts["documents"] == 3 and summary.exit_code == 0
