"""Every expectation of every suite passes on clean tables and fails, for the right reason, on a corrupted row."""

from __future__ import annotations

from datetime import date, timedelta

import pyarrow as pa
import pytest

from expectations import suite_definition
from flows.tables import TABLES
from flows.validate import quarantine_rows, validate_tables
from tests.flows.fixtures import clean_tables


def _set(table: pa.Table, column: str, row: int, value: object) -> pa.Table:
    index = table.schema.get_field_index(column)
    values = table[column].to_pylist()
    values[row] = value
    return table.set_column(index, table.schema.field(index), pa.array(values, table.schema.field(index).type))


def _below(value: object) -> object:
    """Something strictly smaller than ``value`` (a number or a date)."""
    return value - timedelta(days=1) if isinstance(value, date) else value - 1


def _row_with(table: pa.Table, column: str) -> int:
    """A row whose ``column`` is not null, so a corruption of it is seen."""
    return next(i for i, value in enumerate(table[column].to_pylist()) if value is not None)


def corrupt(tables: dict[str, pa.Table], table_name: str, expectation: dict) -> dict[str, pa.Table]:
    """The smallest change to clean tables that this one expectation must catch."""
    kind, kwargs = expectation["type"], expectation["kwargs"]
    table = tables[table_name]
    column = kwargs.get("column")
    if kind == "expect_table_columns_to_match_ordered_list":
        table = table.append_column("unexpected", pa.array([1] * table.num_rows, pa.int64()))
    elif kind == "expect_column_values_to_not_be_null":
        table = _set(table, column, 0, None)
    elif kind == "expect_column_values_to_be_unique":
        table = pa.concat_tables([table, table.slice(0, 1)])
    elif kind == "expect_column_value_lengths_to_equal":
        table = _set(table, column, 0, "short")
    elif kind == "expect_stated_conversions_to_agree":  # 500 mi (805 km) becomes 900 mi (805 km)
        row = _row_with(table, "paired_figure_id")
        table = _set(table, "value", row, 900.0)
        table = _set(table, "value_si", row, 900.0 * 1609.344)
    elif kind == "expect_column_values_to_be_in_set" and column == "unit_dimension_matches":
        table = _set(table, "dimension", _row_with(table, "si_unit"), "mass")
    elif kind == "expect_column_values_to_be_in_set" and column == "value_si_matches":
        row = _row_with(table, "si_unit")
        table = _set(table, "value_si", row, table["value_si"][row].as_py() * 2)
    elif column == "part_within_whole":  # "1,200 jobs …, 300 of them" becomes "…, 3,000 of them"
        row = table["rule"].to_pylist().index("count.elided")
        for name in ("value", "value_low", "value_high"):
            table = _set(table, name, row, 3000.0)
    elif column == "percentage_in_range":
        table = _set(table, "value", table["dimension"].to_pylist().index("percentage"), 112.0)
    elif column == "duration_positive":
        table = _set(table, "value_si", table["dimension"].to_pylist().index("duration"), -1209600.0)
    elif column == "date_not_after_publication":
        row = table["dimension"].to_pylist().index("date")
        table = _set(_set(table, "date_start", row, date(2031, 3, 1)), "date_end", row, date(2031, 3, 31))
    elif kind == "expect_column_values_to_be_in_set" and column.endswith("_resolves"):  # a key that dangles
        key = column.removesuffix("_resolves")
        table = _set(table, key, _row_with(table, key), "no-such-row")
    elif kind == "expect_column_values_to_be_in_set" and column == "span_in_text":
        table = _set(table, "end", 0, 10_000_000)
    elif kind == "expect_column_values_to_be_in_set":
        table = _set(table, column, _row_with(table, column), "not-a-known-value")
    elif kind == "expect_column_pair_values_to_be_equal":
        table = _set(table, kwargs["column_A"], 0, "tampered")
    elif kind == "expect_column_pair_values_a_to_be_greater_than_b":
        column_a, column_b = kwargs["column_A"], kwargs["column_B"]
        row = next(i for i in range(table.num_rows) if table[column_a][i].is_valid and table[column_b][i].is_valid)
        table = _set(table, column_a, row, _below(table[column_b][row].as_py()))
    else:
        raise AssertionError(f"no corruption known for {kind}; add one so the expectation is shown to fail")
    return {**tables, table_name: table}


CASES = [
    pytest.param(name, index, expectation, id=f"{name}-{index}-{expectation['type']}")
    for name in TABLES
    for index, expectation in enumerate(suite_definition(name)["expectations"])
]


def test_every_expectation_passes_on_clean_tables():
    report = validate_tables(clean_tables())
    assert report.outcomes, "suites were loaded"
    assert [o for o in report.outcomes if not o.success] == []
    assert [o for o in report.outcomes if o.exception] == []


@pytest.mark.parametrize(("table_name", "index", "expectation"), CASES)
def test_each_expectation_fails_on_a_corrupted_row(table_name, index, expectation):
    report = validate_tables(corrupt(clean_tables(), table_name, expectation))
    [mine] = [
        o for o in report.outcomes
        if o.table_name == table_name and o.expectation == expectation["type"]
        and o.description == expectation["meta"]["description"]
    ]
    assert mine.exception is None, mine.exception
    assert not mine.success
    assert mine.severity == expectation.get("severity", "critical")
    assert (mine in report.failed) == (mine.severity == "critical")  # only critical failures quarantine


def test_failing_rows_are_quarantined_and_the_rest_published():
    tables = clean_tables()
    figures = tables["figures"]
    bad = _set(figures, "value_low", 0, 1e9)  # value_low above value
    tables["figures"] = bad
    report = validate_tables(tables)
    clean, quarantine = quarantine_rows(tables, report)
    assert clean["figures"].num_rows == figures.num_rows - 1
    assert [row["row_id"] for row in quarantine] == [figures["figure_id"][0].as_py()]
    assert quarantine[0]["reason"] == "value_low <= value"
    assert clean["sources"].num_rows == tables["sources"].num_rows


def _quarantine_reasons(tables: dict[str, pa.Table]) -> tuple[dict[str, pa.Table], set[tuple[str, str]]]:
    clean, quarantine = quarantine_rows(tables, validate_tables(tables))
    return clean, {(row["table_name"], row["reason"]) for row in quarantine}


def _keys_resolve(clean: dict[str, pa.Table]) -> bool:
    kept = {name: set(clean[name][f"{name[:-1]}_id"].to_pylist()) for name in ("figures", "sources", "events")}
    return (
        all(s is None or s in kept["sources"] for s in clean["figures"]["source_id"].to_pylist())
        and all(p is None or p in kept["figures"] for p in clean["figures"]["paired_figure_id"].to_pylist())
        and all(v is None or v in kept["sources"] for v in clean["sources"]["via_source_id"].to_pylist())
        and all(s is None or s in kept["sources"] for s in clean["events"]["source_id"].to_pylist())
    )


def test_the_pair_of_a_quarantined_figure_follows_it():
    tables = clean_tables()
    row = tables["figures"]["unit"].to_pylist().index("mi")  # 500-mile, paired with 805-kilometre
    tables["figures"] = _set(tables["figures"], "value_high", row, 1.0)  # value above value_high
    clean, reasons = _quarantine_reasons(tables)
    assert reasons == {("figures", "value <= value_high"),
                       ("figures", "paired_figure_id refers to a quarantined figures row")}
    assert clean["figures"].num_rows == tables["figures"].num_rows - 2 and _keys_resolve(clean)


def test_rows_attributed_to_a_quarantined_source_follow_it():
    tables = clean_tables()
    tables["sources"] = _set(tables["sources"], "kind", 1, "astrologer")  # Reuters: not a known kind
    clean, reasons = _quarantine_reasons(tables)
    assert ("sources", "kind is a known source kind") in reasons
    assert ("sources", "via_source_id refers to a quarantined sources row") in reasons  # the company, via Reuters
    assert ("figures", "source_id refers to a quarantined sources row") in reasons
    assert ("events", "source_id refers to a quarantined sources row") in reasons
    assert clean["sources"].num_rows == 0 and _keys_resolve(clean)
