"""Wall time spent in each named stage of a run or a batch."""

from __future__ import annotations

import time


class StageClock:
    """Seconds between successive ``lap`` calls, summed by stage name (a stage may be lapped more than once)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(self.seconds.get(stage, 0.0) + now - self._last, 3)
        self._last = now
