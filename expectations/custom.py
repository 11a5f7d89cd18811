"""Custom Great Expectations expectations the suites refer to by name.

``expect_stated_conversions_to_agree``: a figure and the figure it is paired
with (``1,000-kilometer (620-mile)``) must describe the same amount, within the
rounding the text used. Each side is read at its stated precision — 620 is
given to the nearest 10, 1,000 to the nearest 1,000, 8.5 to the nearest 0.1 —
and the two amounts (in base units) may differ by at most half the finer of
the two precisions. 1,000 km vs 620 mi (997.8 km) agree; 1,000 km vs 900 mi
(1,448 km) do not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
from great_expectations.compatibility import pydantic
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    MulticolumnMapMetricProvider,
    multicolumn_condition_partial,
)


def stated_precision(value: float) -> float:
    """The rounding step a stated number implies: 620 → 10, 1000 → 1000, 8.5 → 0.1, 7 → 1."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    magnitude = abs(value)
    if magnitude != int(magnitude):
        decimals = len(f"{magnitude:.6f}".rstrip("0").split(".")[1])
        return 10.0 ** -decimals
    step = 1.0
    while magnitude % (step * 10) == 0:
        step *= 10
    return step


def conversions_agree(value: float, value_si: float, paired_value: float, paired_value_si: float) -> bool:
    """Whether two stated amounts of one quantity agree within the finer stated rounding."""
    if value == 0 or paired_value == 0:
        return value_si == paired_value_si
    tolerance_here = stated_precision(value) / 2 * abs(value_si / value)
    tolerance_there = stated_precision(paired_value) / 2 * abs(paired_value_si / paired_value)
    return abs(value_si - paired_value_si) <= min(tolerance_here, tolerance_there) * (1 + 1e-9)


class MulticolumnValuesStatedConversionsAgree(MulticolumnMapMetricProvider):
    condition_metric_name = "multicolumn_values.stated_conversions_agree"
    condition_domain_keys = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list: pd.DataFrame, **kwargs: object) -> pd.Series:
        rows = column_list.astype("float64").itertuples(index=False, name=None)
        return pd.Series([conversions_agree(*row) for row in rows], index=column_list.index, dtype=bool)


class ExpectStatedConversionsToAgree(MulticolumnMapExpectation):
    """column_list: [value, value_si, paired_value, paired_value_si], in that order."""

    column_list: Sequence[str] = pydantic.Field(description="value, value_si, paired_value, paired_value_si")
    ignore_row_if: str = "any_value_is_missing"

    map_metric = "multicolumn_values.stated_conversions_agree"
    domain_keys = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")
    args_keys = ("column_list",)
    library_metadata = {"tags": ["newsfigures", "units"], "contributors": ["newsfigures"]}
