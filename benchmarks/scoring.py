"""What the benchmarks share: reading gold paragraphs, finding gold surfaces, P/R/F1 and accuracies from counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from transforms.documents import build_document
from transforms.extract import extract
from transforms.records import Extraction


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

    def markdown_row(self, label: str) -> str:
        """``| label | precision | recall | F1 | gold | predicted | matched |``"""
        s = self.scores()
        return (f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                f"{self.gold} | {self.predicted} | {self.matched} |")


@dataclass(slots=True)
class Ratio:
    """An accuracy from counts: correct / total."""

    correct: int = 0
    total: int = 0

    def count(self, correct: bool) -> None:
        self.total += 1
        self.correct += int(correct)

    def add(self, other: Ratio) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def markdown_row(self, label: str) -> str:
        """``| label | accuracy | correct / total |``"""
        return f"| {label} | {self.value:.3f} | {self.correct} / {self.total} |"


def locate(text: str, surface: str, occurrence: int = 1) -> tuple[int, int]:
    """Span of the n-th (1-based) plain-substring occurrence of surface in text."""
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            raise ValueError(f"gold surface {surface!r} (occurrence {occurrence}) is not in the text")
    return start, start + len(surface)


@dataclass(frozen=True, slots=True)
class Error:
    """One scoring error of a paragraph, listed in a benchmark's report."""

    paragraph_id: str
    error_type: str
    detail: str


def extract_paragraph(paragraph_id: str, text: str, published_at: str | None) -> Extraction:
    """The engine over one gold paragraph, built into a document as the pipeline builds one."""
    return extract(build_document(paragraph_id, text, {"published_at": published_at}))


def json_lines(path: Path) -> Iterator[tuple[int, dict]]:
    """Each non-blank line of a JSON Lines file with its 1-based number; a bad line names the file and line."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not JSON ({error})") from error


def gold_rows(path: Path) -> Iterator[tuple[dict, str]]:
    """Each annotated JSON line with its text normalised exactly as build_document does, so spans agree."""
    for _number, row in json_lines(path):
        yield row, build_document(row["id"], row["text"], {"published_at": row["published_at"]}).text
