"""Precision, recall and F1 from counts, shared by the accuracy and attribution benchmarks."""

from __future__ import annotations

from dataclasses import dataclass


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
