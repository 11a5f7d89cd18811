"""Progress of a long run on the terminal: one bar per stage, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

Item = TypeVar("Item")


def tracked(items: Iterable[Item], total: int, stage: str) -> Iterator[Item]:
    """Yield ``items``, advancing a ``stage`` bar of ``total`` steps as each one arrives."""
    columns = (TextColumn(f"{stage:>8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True, disable=not sys.stderr.isatty()) as progress:
        bar = progress.add_task(stage, total=total)
        for item in items:
            yield item
            progress.advance(bar)
