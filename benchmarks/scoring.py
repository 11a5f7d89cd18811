"""What the accuracy and attribution benchmarks share: reading gold paragraphs, and P/R/F1 from counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from transforms.documents import build_document


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched

    def scores(self, digits: int | None = None) -> dict[str, float | int]:
        """precision, recall, f1 (rounded to ``digits`` when given) and the counts behind them."""
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if digits is not None:
            precision, recall, f1 = round(precision, digits), round(recall, digits), round(f1, digits)
        return {"precision": precision, "recall": recall, "f1": f1,
                "gold": self.gold, "predicted": self.predicted, "matched": self.matched}


def gold_rows(path: Path) -> Iterator[tuple[dict, str]]:
    """Each annotated JSON line with its text normalised exactly as build_document does, so spans agree."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            yield row, build_document(row["id"], row["text"], {"published_at": row["published_at"]}).text
