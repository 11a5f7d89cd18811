"""Each kind of bad row is caught, quarantined with the right reason and reported; clean rows still publish.
Implausible values are reported as warnings and stay published."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest
from markupsafe import escape

from flows.plausibility import looks_forward
from flows.report import profile_tables, quarantine_examples, render_quality_page
from flows.validate import quarantine_rows, validate_tables
from tests.flows.fixtures import clean_tables
from tests.flows.test_validate import _set


def _row(figures: pa.Table, column: str, value: object) -> int:
    return figures[column].to_pylist().index(value)


def inconsistent_conversion(figures: pa.Table) -> tuple[pa.Table, int]:
    row = _row(figures, "unit", "mi")  # 500-mile (805-kilometre) becomes 900-mile (805-kilometre)
    return _set(_set(figures, "value", row, 900.0), "value_si", row, 900.0 * 1609.344), row


def unit_dimension_mismatch(figures: pa.Table) -> tuple[pa.Table, int]:
    row = _row(figures, "unit", "km")
    return _set(figures, "dimension", row, "mass"), row


def broken_span(figures: pa.Table) -> tuple[pa.Table, int]:
    row = _row(figures, "unit", "percent")
    return _set(figures, "start", row, figures["start"][row].as_py() + 1), row


def dangling_key(figures: pa.Table) -> tuple[pa.Table, int]:
    row = _row(figures, "unit", "percent")
    return _set(figures, "source_id", row, "no-such-source"), row


def part_larger_than_whole(figures: pa.Table) -> tuple[pa.Table, int]:
    row = _row(figures, "rule", "count.elided")  # "1,200 jobs …, 300 of them" becomes "…, 3,000 of them"
    for column in ("value", "value_low", "value_high"):
        figures = _set(figures, column, row, 3000.0)
    return figures, row


def future_date(figures: pa.Table) -> tuple[pa.Table, int]:
    row = _row(figures, "dimension", "date")  # "opened in March 2024" resolved to 2031
    return _set(_set(figures, "date_start", row, date(2031, 3, 1)), "date_end", row, date(2031, 3, 31)), row


@pytest.mark.parametrize(
    ("corrupt", "reason"),
    [
        (inconsistent_conversion, "a stated conversion agrees with its pair within the stated rounding (1,000 km ≈ 620 mi)"),
        (unit_dimension_mismatch, "pint gives the unit the figure's dimension (km**2 is [length] ** 2: area)"),
        (broken_span, "surface is exactly the document text at [start, end)"),
        (dangling_key, "every source_id resolves to a row of sources"),
    ],
    ids=lambda item: getattr(item, "__name__", ""),
)
def test_bad_row_is_quarantined_with_its_reason_and_reported(corrupt, reason):
    tables = clean_tables()
    tables["figures"], row = corrupt(tables["figures"])
    bad_id = tables["figures"]["figure_id"][row].as_py()
    report = validate_tables(tables)
    assert all(outcome.exception is None for outcome in report.outcomes)
    clean, quarantine = quarantine_rows(tables, report)

    assert reason in {item["reason"] for item in quarantine if item["row_id"] == bad_id}
    quarantined_ids = {item["row_id"] for item in quarantine if item["table_name"] == "figures"}
    assert bad_id not in clean["figures"]["figure_id"].to_pylist()
    assert clean["figures"].num_rows == tables["figures"].num_rows - len(quarantined_ids) > 0
    assert clean["documents"].num_rows == 1 and clean["sources"].num_rows == tables["sources"].num_rows

    page = render_quality_page(
        run_id="r", run_time="t", seeds="s", profile=profile_tables(tables), outcomes=report.outcomes,
        quarantined_rows=len({row["row_id"] for row in quarantine}), examples=quarantine_examples(quarantine), rejected=[],
        history=None, data_docs=None,
    )
    assert str(escape(reason)) in page and bad_id in page


@pytest.mark.parametrize(
    ("corrupt", "reason"),
    [
        (part_larger_than_whole, "a part is not larger than its whole (1,000 killed out of 11,000 deployed)"),
        (future_date, "a resolved date is not after publication unless its sentence speaks of the future"),
    ],
    ids=lambda item: getattr(item, "__name__", ""),
)
def test_implausible_row_is_reported_as_a_warning_and_stays_published(corrupt, reason):
    tables = clean_tables()
    tables["figures"], row = corrupt(tables["figures"])
    bad_id = tables["figures"]["figure_id"][row].as_py()
    report = validate_tables(tables)
    [warning] = [outcome for outcome in report.outcomes if outcome.description == reason]
    assert not warning.success and warning.severity == "warning" and warning.exception is None
    assert report.failed == [] and report.warned == [warning]
    clean, quarantine = quarantine_rows(tables, report)

    assert quarantine == [] and clean["figures"].num_rows == tables["figures"].num_rows
    assert bad_id in clean["figures"]["figure_id"].to_pylist()
    examples = quarantine_examples(quarantine) | report.warning_examples
    assert examples == {f"figures|{warning.expectation}|{warning.column}": [bad_id]}
    page = render_quality_page(
        run_id="r", run_time="t", seeds="s", profile=profile_tables(tables), outcomes=report.outcomes,
        quarantined_rows=0, examples=examples, rejected=[], history=None, data_docs=None,
    )
    assert 'id="warnings"' in page and str(escape(reason)) in page and bad_id in page
    assert 'id="failed"' not in page


@pytest.mark.parametrize(
    ("sentence", "before_date", "forward"),
    [
        ("Emissions must fall by 57% by 2033, the researchers warned.", "Emissions must fall by 57% by ", True),
        ("A further €21 million would be needed by 2029.", "A further €21 million would be needed by ", True),
        ("The council set targets for 2030.", "The council set targets for ", True),
        ("More details are expected in 2026.", "More details are expected in ", True),
        ("The government has promised a review, due in 2027.", "The government has promised a review, due in ", True),
        ("The road stays closed until the end of March.", "The road stays closed until ", True),
        ("The vote will take place in June.", "The vote will take place in ", True),  # the engine's own cue
        ("We'll know in June.", "We'll know in ", True),  # "'ll" read after an apostrophe
        ("The pipeline opened in March 2031.", "The pipeline opened in ", False),
        ("Sales fell by 12% in 2031, the company said.", "Sales fell by 12% in ", False),
        ("The bridge reopened in May 2031.", "The bridge reopened in ", False),  # "may" the month is no cue
    ],
)
def test_a_date_after_publication_is_plausible_when_the_text_looks_forward(sentence, before_date, forward):
    assert looks_forward(sentence, before_date) is forward
