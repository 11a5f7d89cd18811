"""``newsfigures extract``: JSON Lines in and out, errors per line, and no Prefect or GX on the way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.extract_command import extract_lines

NEWSFIGURES = Path(sys.executable).with_name("newsfigures")


def _lines(*items: object) -> list[bytes]:
    return [item if isinstance(item, bytes) else json.dumps(item).encode() for item in items]


def test_each_line_gives_one_record_and_bad_lines_get_errors():
    records = list(extract_lines(_lines(
        {"id": "a", "text": "The firm cut 1,200 jobs last week.", "published_at": "2025-02-01"},
        b"{not json",
        {"id": "c"},
        b"\xff\xfe broken bytes",
        {"id": "e", "text": "Temperatures reached 40C.", "published_at": "yesterday"},
        {"id": "f", "text": "About 300 people attended."},
    )))
    assert [record.get("id") for record in records] == ["a", None, "c", None, "e", "f"]
    assert "figures" in records[0] and records[0]["document_id"]
    assert "not valid JSON" in records[1]["error"] and records[1]["line"] == 2
    assert "string \"id\" and a string \"text\"" in records[2]["error"]
    assert "not UTF-8" in records[3]["error"]
    assert "published_at" in records[4]["error"]
    assert "figures" in records[5]


def test_figure_links_resolve_within_a_line():
    [record] = extract_lines(_lines({"id": "x", "text": "The 5-mile (8-km) tunnel cost $2bn, officials said."}))
    ids = {figure["figure_id"] for figure in record["figures"]}
    assert all(figure["paired_figure_id"] in ids for figure in record["figures"] if figure["paired_figure_id"])
    source_ids = {source["source_id"] for source in record["sources"]}
    assert all(figure["source_id"] in source_ids for figure in record["figures"] if figure["source_id"])
    for figure in record["figures"]:
        assert set(figure) >= {"figure_id", "start", "end", "surface", "value", "value_low", "value_high", "qualifier",
                               "unit", "dimension", "value_si", "si_unit", "entity", "category", "date_start",
                               "date_end", "paired_figure_id", "source_id", "event_id", "rule"}


@pytest.mark.skipif(not NEWSFIGURES.exists(), reason="console script not installed in this environment")
def test_console_script_reads_stdin_and_never_imports_prefect(tmp_path):
    probe = (
        "import sys, io; from flows.cli import main; "
        "code = main(['extract']); "
        "assert 'prefect' not in sys.modules and 'great_expectations' not in sys.modules, 'engine imported orchestration'; "
        "sys.exit(code)"
    )
    line = json.dumps({"id": "s1", "text": "Over 1,000 people were evacuated.", "published_at": "2025-02-01"})
    done = subprocess.run([sys.executable, "-c", probe], input=line + "\n", capture_output=True, text=True, check=True)
    [record] = [json.loads(row) for row in done.stdout.splitlines()]
    assert record["id"] == "s1"
    assert any(figure["value"] == 1000 and figure["qualifier"] == "more_than" for figure in record["figures"])
    text = subprocess.run([str(NEWSFIGURES), "extract", "--text", "Shares fell 5% on Friday.", "--published-at",
                           "2025-02-01"], capture_output=True, text=True, check=True).stdout
    assert "percent" in text and "figures" in text
