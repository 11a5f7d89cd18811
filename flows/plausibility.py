"""Derived columns behind the figures suite's plausibility expectations.

Each function returns one value per figure row: True (plausible), False
(implausible) or None (the check does not apply), so the suite can say
``expect_column_values_to_be_in_set([True])`` and GX ignores the Nones.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pyarrow as pa

from transforms.lexicon import load_toml
from transforms.text import split_sentences

# Categories of a percentage that describe a change, which may exceed 100 ("rose 150%").
CHANGE_CATEGORIES = frozenset({"growth", "decline", "change"})


@cache
def _future_cues() -> tuple[str, ...]:
    return tuple(f" {cue.lower()} " for cue in load_toml("dates")["future_cues"]["words"])


def percentage_in_range(figures: pa.Table) -> list[bool | None]:
    """A percentage lies in 0–100 unless it is a change (category growth/decline)."""
    columns = (figures[name].to_pylist() for name in ("dimension", "value", "category"))
    return [
        None if dimension != "percentage" or value is None or category in CHANGE_CATEGORIES else 0 <= value <= 100
        for dimension, value, category in zip(*columns, strict=True)
    ]


def duration_positive(figures: pa.Table) -> list[bool | None]:
    columns = (figures[name].to_pylist() for name in ("dimension", "value_si"))
    return [None if dimension != "duration" or si is None else si > 0 for dimension, si in zip(*columns, strict=True)]


def part_within_whole(figures: pa.Table) -> tuple[list[float | None], list[bool | None]]:
    """For a count whose entity was taken from an earlier count in its sentence ("out of 11,000 soldiers …, 1,000"),
    the earlier count's value (the whole) and whether the part is not larger than it."""
    rows = figures.select(["document_id", "sentence_index", "start", "unit", "entity", "value", "rule"]).to_pylist()
    wholes: list[float | None] = []
    for row in rows:
        whole = None
        if row["rule"] == "count.elided" and row["value"] is not None and row["start"] is not None:
            earlier = [
                other for other in rows
                if other["document_id"] == row["document_id"] and other["sentence_index"] == row["sentence_index"]
                and other["start"] is not None and other["start"] < row["start"] and other["rule"] != "count.elided"
                and other["unit"] == row["unit"] and other["entity"] == row["entity"] and other["value"] is not None
            ]
            whole = max(earlier, key=lambda other: other["start"])["value"] if earlier else None
        wholes.append(whole)
    values = figures["value"].to_pylist()
    return wholes, [None if whole is None else value <= whole for value, whole in zip(values, wholes, strict=True)]


def date_not_after_publication(figures: pa.Table, documents: pa.Table) -> list[bool | None]:
    """A resolved date starts no later than the article's publication, unless its sentence speaks of the future."""
    published: dict[str, date | None] = {}
    texts: dict[str, str] = {}
    for document_id, published_at, text in zip(
        documents["document_id"].to_pylist(), documents["published_at"].to_pylist(), documents["text"].to_pylist(),
        strict=True,
    ):
        published[document_id] = published_at.date() if published_at else None
        texts[document_id] = text
    sentences: dict[str, list[str]] = {}
    result: list[bool | None] = []
    columns = (figures[name].to_pylist() for name in ("document_id", "sentence_index", "date_start"))
    for document_id, sentence_index, date_start in zip(*columns, strict=True):
        reference = published.get(document_id)
        if date_start is None or reference is None:
            result.append(None)
            continue
        if date_start <= reference:
            result.append(True)
            continue
        if document_id not in sentences:
            sentences[document_id] = [s.text for s in split_sentences(texts[document_id])]
        document_sentences = sentences[document_id]
        in_range = sentence_index is not None and 0 <= sentence_index < len(document_sentences)
        sentence = document_sentences[sentence_index] if in_range else ""
        result.append(any(cue in f" {sentence.lower()} " for cue in _future_cues()))
    return result
