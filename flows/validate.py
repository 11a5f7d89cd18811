"""Great Expectations validation of the tables, with row-level failures turned into quarantine rows.

The suites are data: ``expectations/<table>.json`` in GX's own suite format.
Columns used only for checking (such as ``text_at_span``) are derived here,
next to the table, and never published.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import logging  # noqa: E402

import great_expectations as gx  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402
from great_expectations.core.expectation_validation_result import ExpectationSuiteValidationResultSchema  # noqa: E402
from great_expectations.core.run_identifier import RunIdentifier  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402
from great_expectations.data_context.types.resource_identifiers import (  # noqa: E402
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)
from great_expectations.validator.v1_validator import Validator  # noqa: E402

from expectations import load_suite  # noqa: E402
from flows.tables import FOREIGN_KEYS, TABLES  # noqa: E402
from flows.checks import derive_check_columns  # noqa: E402


# GX's severities (an expectation's "severity" in the suite JSON); anything but critical only warns.
CRITICAL = "critical"
EXAMPLES_PER_WARNING = 5


@dataclass(slots=True)
class ExpectationOutcome:
    table_name: str
    expectation: str
    column: str | None
    success: bool
    element_count: int | None
    unexpected_count: int | None
    unexpected_percent: float | None
    exception: str | None
    failing_rows: list[int] = field(default_factory=list)  # row positions in the validated table
    description: str = ""
    severity: str = CRITICAL  # "critical": failing rows are quarantined; "warning": reported only


@dataclass(slots=True)
class ValidationReport:
    outcomes: list[ExpectationOutcome]
    data_docs_index: Path | None
    gx_results: dict[str, Any] = field(default_factory=dict)  # GX's suite validation results, per table
    warning_examples: dict[str, list[str]] = field(default_factory=dict)  # "table|expectation|column" → row ids

    @property
    def results(self) -> dict[str, dict[str, Any]]:
        """GX results as JSON, per table: converted only when asked (for Data Docs)."""
        return {table_name: result.to_json_dict() for table_name, result in self.gx_results.items()}

    @property
    def failed(self) -> list[ExpectationOutcome]:
        """Failed critical expectations: their rows are quarantined and the run exits with code 1."""
        return [outcome for outcome in self.outcomes if not outcome.success and outcome.severity == CRITICAL]

    @property
    def warned(self) -> list[ExpectationOutcome]:
        """Failed warnings (plausibility): reported with example rows, which stay published."""
        return [outcome for outcome in self.outcomes if not outcome.success and outcome.severity != CRITICAL]


# GX sets INFO on some of its own loggers ("Created temporary directory ... for ephemeral docs site").
for _name in ("great_expectations", "great_expectations.data_context.types.base"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def _describe(config: dict[str, Any]) -> str:
    meta = config.get("meta") or {}
    return str(meta.get("description") or config["type"])


def _column_of(kwargs: dict[str, Any]) -> str | None:
    if "column" in kwargs:
        return kwargs["column"]
    if "column_A" in kwargs:
        return f"{kwargs['column_A']},{kwargs['column_B']}"
    return None


def _outcome(table_name: str, result: Any) -> ExpectationOutcome:
    config = result.expectation_config.to_json_dict()
    details = result.result or {}
    exception = result.exception_info or {}
    raised = exception.get("raised_exception")
    return ExpectationOutcome(
        table_name=table_name,
        expectation=config["type"],
        column=_column_of(config.get("kwargs", {})),
        success=bool(result.success),
        element_count=details.get("element_count"),
        unexpected_count=details.get("unexpected_count"),
        unexpected_percent=details.get("unexpected_percent"),
        exception=exception.get("exception_message") if raised else None,
        failing_rows=sorted({int(index) for index in details.get("unexpected_index_list") or []}),
        description=_describe(config),
        severity=str(getattr(result.expectation_config.severity, "value", result.expectation_config.severity)),
    )


def _context(data_docs_dir: Path | None) -> Any:
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    if data_docs_dir is not None:
        context.add_data_docs_site(
            site_name="quality",
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(data_docs_dir.resolve()),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


def validation_frame(table: pa.Table) -> pd.DataFrame:
    """pandas view with Arrow-backed dtypes, so nothing is re-inferred."""
    return table.to_pandas(types_mapper=pd.ArrowDtype)


class _Suites:
    """One GX context with every table's suite and batch definition, built once per process.

    Validating runs the suites directly (GX's v1 Validator), so nothing accumulates in the context's
    result store from one batch to the next.
    """

    def __init__(self) -> None:
        context = _context(None)
        datasource = context.data_sources.add_pandas("newsfigures")
        self.lock = threading.Lock()  # GX's context and validators are not meant to be shared by threads
        self.suites = {name: context.suites.add(load_suite(name)) for name in TABLES}
        self.batches = {
            name: datasource.add_dataframe_asset(name).add_batch_definition_whole_dataframe("run") for name in TABLES
        }


@cache
def _suites() -> _Suites:
    return _Suites()


def _validate_suite(suites: _Suites, table_name: str, frame: pd.DataFrame) -> Any:
    """The table's suite with BASIC results (counts and a few examples, no row lists: about half the work of
    COMPLETE), then each failed expectation again with COMPLETE results, whose unexpected_index_list names
    every failing row."""
    validator = Validator(
        batch_definition=suites.batches[table_name], batch_parameters={"dataframe": frame}, result_format="BASIC"
    )
    result = validator.validate_expectation_suite(suites.suites[table_name])
    failed = [position for position, item in enumerate(result.results) if not item.success]
    if failed:
        validator.result_format = "COMPLETE"
        for position in failed:
            expectation = result.results[position].expectation_config.to_domain_obj()
            result.results[position] = validator.validate_expectation(expectation)
    return result


def validate_tables(tables: dict[str, pa.Table], data_docs_dir: Path | None = None) -> ValidationReport:
    """Run every table's suite; build GX Data Docs into ``data_docs_dir`` when given."""
    suites = _suites()
    outcomes: list[ExpectationOutcome] = []
    results: dict[str, Any] = {}
    with suites.lock:
        for table_name in TABLES:
            frame = validation_frame(derive_check_columns(table_name, tables))
            result = _validate_suite(suites, table_name, frame)
            outcomes.extend(_outcome(table_name, expectation_result) for expectation_result in result.results)
            results[table_name] = result
    report = ValidationReport(outcomes=outcomes, data_docs_index=None, gx_results=results)
    if data_docs_dir is not None:
        report.data_docs_index = build_data_docs(report.results, data_docs_dir)
    report.warning_examples = _warning_examples(tables, report)
    return report


def _warning_examples(tables: dict[str, pa.Table], report: ValidationReport) -> dict[str, list[str]]:
    """Ids of a few rows behind each failed warning, keyed like quarantine examples ("table|expectation|column")."""
    examples: dict[str, list[str]] = {}
    for outcome in report.warned:
        keys = tables[outcome.table_name][TABLES[outcome.table_name][1]]
        ids = examples.setdefault(f"{outcome.table_name}|{outcome.expectation}|{outcome.column or ''}", [])
        for position in outcome.failing_rows:
            if len(ids) >= EXAMPLES_PER_WARNING:
                break
            if str(keys[position].as_py()) not in ids:
                ids.append(str(keys[position].as_py()))
    return examples


def build_data_docs(results: dict[str, dict[str, Any]], data_docs_dir: Path, run_name: str = "newsfigures") -> Path:
    """GX Data Docs of validation results (as JSON, from any process) in ``data_docs_dir``; its index page."""
    context = _context(data_docs_dir)
    run_id = RunIdentifier(run_name=run_name)
    for table_name, result in results.items():
        context.suites.add(load_suite(table_name))
        key = ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=table_name), run_id=run_id,
            batch_identifier=table_name,
        )
        context.validation_results_store.set(key, ExpectationSuiteValidationResultSchema().load(result))
    context.build_data_docs(site_names=["quality"])
    return data_docs_dir / "index.html"


@dataclass(frozen=True, slots=True)
class _Reason:
    expectation: str
    column: str | None
    description: str


def _failing_positions(report: ValidationReport) -> dict[str, dict[int, list[_Reason]]]:
    failing: dict[str, dict[int, list[_Reason]]] = {name: {} for name in TABLES}
    for outcome in report.failed:
        reason = _Reason(outcome.expectation, outcome.column, outcome.description)
        for row in outcome.failing_rows:
            failing[outcome.table_name].setdefault(row, []).append(reason)
    return failing


def _cascade(tables: dict[str, pa.Table], failing: dict[str, dict[int, list[_Reason]]]) -> None:
    """A row whose foreign key points at a quarantined row is quarantined too, so published keys always resolve."""
    changed = True
    while changed:
        changed = False
        quarantined_ids = {
            name: {tables[name][TABLES[name][1]][position].as_py() for position in failing[name]} for name in TABLES
        }
        for table_name, column, target in FOREIGN_KEYS:
            if not quarantined_ids[target]:
                continue
            for position, value in enumerate(tables[table_name][column].to_pylist()):
                if value in quarantined_ids[target] and position not in failing[table_name]:
                    reason = _Reason("references_quarantined_row", column, f"{column} refers to a quarantined {target} row")
                    failing[table_name][position] = [reason]
                    changed = True


def quarantine_rows(tables: dict[str, pa.Table], report: ValidationReport) -> tuple[dict[str, pa.Table], list[dict[str, Any]]]:
    """Split failing rows out of each table: (clean tables, quarantine rows with their reasons).

    Only failed critical expectations quarantine; a failed warning leaves its rows published. Rows that refer to a quarantined row (a figure of a quarantined source, the pair of a quarantined
    figure) follow it into quarantine.
    """
    failing = _failing_positions(report)
    _cascade(tables, failing)
    clean: dict[str, pa.Table] = {}
    quarantined: list[dict[str, Any]] = []
    for table_name, table in tables.items():
        rows = failing.get(table_name, {})
        if not rows:
            clean[table_name] = table
            continue
        key = TABLES[table_name][1]
        for position, reasons in sorted(rows.items()):
            record = table.slice(position, 1).to_pylist()[0]
            row_json = json.dumps({k: v for k, v in record.items() if k != "text"}, default=str, sort_keys=True)
            quarantined.extend(
                {
                    "table_name": table_name,
                    "row_id": str(record[key]),
                    "document_id": record.get("document_id"),
                    "expectation": reason.expectation,
                    "column": reason.column,
                    "reason": reason.description,
                    "row_json": row_json,
                }
                for reason in reasons
            )
        keep = pa.array([position not in rows for position in range(table.num_rows)])
        clean[table_name] = table.filter(keep)
    return clean, quarantined
