"""Derived columns behind the figures suite's plausibility expectations.

Each function returns one value per figure row: True (plausible), False
(implausible) or None (the check does not apply), so the suite can say
``expect_column_values_to_be_in_set([True])`` and GX ignores the Nones.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import pyarrow as pa

from transforms.lexicon import load_toml
from transforms.text import split_sentences

# Categories of a percentage that describe a change, which may exceed 100 ("rose 150%").
CHANGE_CATEGORIES = frozenset({"growth", "decline", "change"})
# The engine's rule for a count whose noun is taken from an earlier count ("1,200 jobs …, 300 of them").
ELIDED_RULE = "count.elided"


# A word of running text; a clitic after an apostrophe is a word of its own ("we'll" -> "we", "'ll").
_WORD = re.compile(r"\w+|['’]\w+")
# How much text before a date is read for a word such as "by" or "until".
_BEFORE_DATE_CHARS = 40


@dataclass(frozen=True, slots=True)
class ForwardCues:
    """Phrases (space-padded, lower case) that make a date after publication plausible."""

    in_sentence: tuple[str, ...]
    before_date: tuple[str, ...]


def _words(text: str) -> str:
    """Lower-case words of ``text`` joined and padded by single spaces, for whole-word phrase tests."""
    return f" {' '.join(_WORD.findall(text.lower()))} "


@cache
def forward_cues() -> ForwardCues:
    """``expectations/plausibility.toml`` [forward_looking] with the engine's [future_cues] of dates.toml."""
    path = resources.files("expectations").joinpath("plausibility.toml")
    try:
        forward = tomllib.loads(path.read_text(encoding="utf-8"))["forward_looking"]
        sentence, before = list(forward["sentence"]), list(forward["before_date"])
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: needs [forward_looking] with lists 'sentence' and 'before_date' ({error})") from error
    engine = load_toml("dates")["future_cues"]["words"]
    return ForwardCues(
        in_sentence=tuple(dict.fromkeys(_words(cue) for cue in [*engine, *sentence])),
        before_date=tuple(dict.fromkeys(_words(cue) for cue in before)),
    )


def follows_forward_word(text_before_date: str) -> bool:
    """Whether a date follows a word such as "by" or "until" ("by the end of 2026")."""
    before = _words(text_before_date)
    return any(before.endswith(cue) for cue in forward_cues().before_date)


def speaks_of_future(sentence: str) -> bool:
    """Whether a sentence speaks of the future ("is expected to", "would be needed", "targets")."""
    words = _words(sentence)
    return any(cue in words for cue in forward_cues().in_sentence)


def looks_forward(sentence: str, text_before_date: str) -> bool:
    return follows_forward_word(text_before_date) or speaks_of_future(sentence)


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
    the earlier count's value (the whole) and whether the part is not larger than it.

    One pass over the figures of each sentence in order of position, remembering the last stated count of each
    (unit, entity): linear in the number of figures.
    """
    columns = ("document_id", "sentence_index", "start", "unit", "entity", "value", "rule")
    rows = list(zip(*(figures[name].to_pylist() for name in columns), strict=True))
    sentences: dict[tuple[object, object], list[int]] = {}
    for position, row in enumerate(rows):
        if row[2] is not None:
            sentences.setdefault((row[0], row[1]), []).append(position)
    wholes: list[float | None] = [None] * len(rows)
    for positions in sentences.values():
        if not any(rows[position][6] == ELIDED_RULE for position in positions):
            continue
        # By position; at one position an elided count comes first, so it never takes a count that starts with it.
        positions.sort(key=lambda position: (rows[position][2], rows[position][6] != ELIDED_RULE, position))
        last_stated: dict[tuple[object, object], tuple[int, float]] = {}
        for position in positions:
            _document, _sentence, start, unit, entity, value, rule = rows[position]
            if value is None:
                continue
            if rule == ELIDED_RULE:
                whole = last_stated.get((unit, entity))
                wholes[position] = whole[1] if whole is not None else None
            elif (unit, entity) not in last_stated or last_stated[(unit, entity)][0] < start:
                last_stated[(unit, entity)] = (start, value)
    values = figures["value"].to_pylist()
    return wholes, [None if whole is None else value <= whole for value, whole in zip(values, wholes, strict=True)]


def date_not_after_publication(figures: pa.Table, documents: pa.Table) -> list[bool | None]:
    """A resolved date starts no later than the article's publication, unless the text looks forward
    (see ``looks_forward``)."""
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
    columns = (figures[name].to_pylist() for name in ("document_id", "sentence_index", "start", "date_start"))
    for document_id, sentence_index, start, date_start in zip(*columns, strict=True):
        reference = published.get(document_id)
        if date_start is None or reference is None:
            result.append(None)
            continue
        if date_start <= reference:
            result.append(True)
            continue
        if start is not None and follows_forward_word(texts[document_id][max(0, start - _BEFORE_DATE_CHARS) : start]):
            result.append(True)
            continue
        if document_id not in sentences:  # split only documents with a date after publication and no cue before it
            sentences[document_id] = [s.text for s in split_sentences(texts[document_id])]
        document_sentences = sentences[document_id]
        in_range = sentence_index is not None and 0 <= sentence_index < len(document_sentences)
        result.append(speaks_of_future(document_sentences[sentence_index] if in_range else ""))
    return result
