"""Great Expectations suites as data: one JSON file per published table."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import great_expectations as gx

from expectations import custom  # noqa: F401 - registers the custom expectations the suites name


def suite_definition(table_name: str) -> dict[str, Any]:
    """The raw JSON of ``expectations/<table_name>.json``."""
    path = resources.files(__name__).joinpath(f"{table_name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def load_suite(table_name: str) -> gx.ExpectationSuite:
    return gx.ExpectationSuite(**suite_definition(table_name))
