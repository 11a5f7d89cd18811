"""The quality page: self-contained, and showing failures when opened in a real headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyarrow as pa
import pytest

from flows.report import make_data_docs_offline, profile_tables, quarantine_examples, render_quality_page
from flows.validate import quarantine_rows, validate_tables
from tests.flows.fixtures import clean_tables
from transforms.records import RejectedDocument

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# What a browser would fetch by itself: scripts, stylesheets, images, CSS url(...). Plain links are fine.
REMOTE_ASSET = re.compile(
    r"""<script[^>]*\ssrc=["']https?://|<link[^>]*\shref=["']https?://|<img[^>]*\ssrc=["']https?://|url\(["']?https?://""",
    re.IGNORECASE,
)


def _with_bad_percentage(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    figures = tables["figures"]
    row = figures["dimension"].to_pylist().index("percentage")
    values = figures["value"].to_pylist()
    values[row] = 140.0
    index = figures.schema.get_field_index("value")
    return {**tables, "figures": figures.set_column(index, figures.schema.field(index), pa.array(values, pa.float64()))}


@pytest.fixture(scope="module")
def failing_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tables = _with_bad_percentage(clean_tables())
    docs = tmp_path_factory.mktemp("gx")
    report = validate_tables(tables, docs)
    make_data_docs_offline(docs)
    _clean, quarantine = quarantine_rows(tables, report)
    page = tmp_path_factory.mktemp("quality") / "index.html"
    page.write_text(render_quality_page(
        run_id="test-run", run_time="2025-03-01T00:00:00+00:00", seeds="fixture", profile=profile_tables(tables),
        outcomes=report.outcomes, quarantined_rows=len({row["row_id"] for row in quarantine}),
        examples=quarantine_examples(quarantine), rejected=[RejectedDocument(uri="broken.txt", stage="decode", error="the file is not valid UTF-8")],
        history=None, data_docs=str(docs / "index.html"),
    ), encoding="utf-8")
    return page


def test_page_and_data_docs_load_nothing_from_the_network(failing_page):
    assert not REMOTE_ASSET.search(failing_page.read_text(encoding="utf-8"))
    docs = Path(re.search(r'href="([^"]+index\.html)"', failing_page.read_text(encoding="utf-8")).group(1))
    pages = [*docs.parent.rglob("*.html"), *docs.parent.rglob("*.css")]
    assert len(pages) > 4
    for page in pages:
        assert not REMOTE_ASSET.search(page.read_text(encoding="utf-8")), page


def test_page_names_the_failure_the_quarantined_row_and_the_rejected_file(failing_page):
    html = failing_page.read_text(encoding="utf-8")
    assert "2 expectation(s) failed; 1 row(s) were quarantined" in html  # value_high and value_si checks
    warnings = html[html.index('id="warnings"'):]  # the percentage range is a plausibility warning
    assert "a percentage lies within 0–100 unless it is a change" in warnings[:warnings.index("</table>")]
    assert "broken.txt" in html


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium) — browser check skipped")
def test_headless_browser_renders_the_failures_offline(failing_page, tmp_path):
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", failing_page.as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout
    assert 'id="verdict"' in dom and "2 expectation(s) failed" in dom
    warnings_table = dom[dom.index('id="warnings"'):]
    assert "percentage_in_range" in warnings_table and "expect_column_values_to_be_in_set" in warnings_table
