"""Loads the data files under ``transforms/lexicons/`` once per process."""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from importlib import resources
from typing import Any

_PACKAGE = "transforms.lexicons"


@cache
def load_toml(name: str) -> dict[str, Any]:
    """``load_toml("units")`` reads ``transforms/lexicons/units.toml``."""
    with resources.files(_PACKAGE).joinpath(f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """``load_csv("places")`` reads ``transforms/lexicons/places.csv`` as rows."""
    with resources.files(_PACKAGE).joinpath(f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(row for row in handle if not row.startswith("#")))


def read_text(filename: str) -> str:
    """Raw text of a lexicon file (for pint definition files and the like)."""
    return resources.files(_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
