"""Every figure in a document: quantities, counts, durations, dates.

Per sentence: dates first (``transforms.dates``), then the quantity scanner over
what the dates did not claim; then the links between figures of one sentence —
bare numbers that take a unit stated elsewhere (``transforms.elided_units``: "out
of 11,000 soldiers, 1,000 had been killed", "by 52 votes to 48") and stated
conversions ("1,000-kilometer (620-mile)").
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from transforms import categories, entities
from transforms.dates import DateMention, find_dates
from transforms.elided_units import inherit_units
from transforms.ids import span_id
from transforms.quantities import Quantity, link_spans, not_quantity_spans, number_candidates, scan
from transforms.records import Document, Figure, Sentence
from transforms.units import to_si


# Between two halves of a stated conversion: "1,000-kilometer (620-mile)", "5 miles (8km)".
_CONVERSION_GAP = re.compile(r"[ \u00a0]*\([ \u00a0]*(?:about|around|roughly|some|or|c\.|approximately)?[ \u00a0]*")
_CONVERSION_CLOSE = re.compile(r"[ \u00a0]*\)")
# Calendar periods relativedelta understands, by canonical duration unit.
_PERIOD_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years", "hour": "hours",
                 "min": "minutes", "decade": "years", "century": "years"}
_PERIOD_FACTORS = {"decade": 10, "century": 100}


def extract_figures(document: Document, sentences: list[Sentence]) -> list[Figure]:
    figures: list[Figure] = []
    candidates = number_candidates(document.text)
    for sentence in sentences:
        figures.extend(_sentence_figures(document, sentence, candidates))
    figures.sort(key=lambda figure: (figure.start, figure.end))
    return figures


def _sentence_figures(document: Document, sentence: Sentence, candidates: list[int]) -> list[Figure]:
    """Dates and quantities of one sentence; a number inside a date is no quantity of its own,
    except a counted period ("the past three weeks"), which stays a duration with its date window."""
    text = document.text
    quantities: list[Quantity] = []
    first, last = bisect.bisect_left(candidates, sentence.start), bisect.bisect_left(candidates, sentence.end)
    if first < last:
        # Times, phone numbers and the like hold digits: a sentence whose candidates are all
        # number words ("one", "half") can hold links at most.
        if any(not text[position].isalpha() for position in candidates[first:last]):
            claimed = not_quantity_spans(text, sentence.start, sentence.end)
        else:
            claimed = link_spans(text, sentence.start, sentence.end)
        quantities = scan(text, sentence.start, sentence.end, claimed, candidates)
    mentions = find_dates(sentence, document.published_at)
    if quantities:
        periods = [(q.start, q.end) for q in quantities if q.period is not None]
        if periods:
            mentions = [m for m in mentions if not _overlaps(m.start, m.end, periods)]
        dated = [(mention.start, mention.end) for mention in mentions]
        quantities = [
            q for q in quantities
            if q.dimension != "drop" and (q.period is not None or not _overlaps(q.start, q.end, dated))
        ]
        inherit_units(text, sentence, quantities)
    figures = [_figure(document, sentence, quantity) for quantity in quantities]
    if len(figures) > 1:
        _pair_conversions(text, sentence, quantities, figures)
    if not mentions:
        return figures
    return [_date_figure(document, sentence, mention) for mention in mentions] + figures


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    for span_start, span_end in spans:
        if start < span_end and span_start < end:
            return True
    return False


# Figure fields are passed by position (keyword passing costs more than the rest of a figure):
# figure_id, document_id, sentence_index, start, end, surface, value, value_low, value_high, qualifier,
# unit, dimension, value_si, si_unit, entity, category, date_start, date_end, rule.

def _date_figure(document: Document, sentence: Sentence, mention: DateMention) -> Figure:
    value = float(mention.year) if mention.year is not None else None
    start, end = mention.start, mention.end
    return Figure(
        span_id("figure", document.document_id, start, end), document.document_id, sentence.index, start, end,
        document.text[start:end], value, value, value, "exact",
        None, "date", None, None, None, "date", mention.date_start, mention.date_end, mention.rule,
    )


def _figure(document: Document, sentence: Sentence, quantity: Quantity) -> Figure:
    text = document.text
    start, end, dimension = quantity.start, quantity.end, quantity.dimension
    value_si, si_unit = _si(quantity)
    date_start = date_end = None
    if quantity.period is not None or dimension == "date":
        date_start, date_end = _date_window(quantity, document.published_at)
    category = (
        "date"
        if dimension == "date"
        else categories.categorise_span(
            text, start, end, sentence.start, sentence.end,
            dimension, quantity.noun_kind, quantity.noun_category, quantity.entity,
        )
    )
    return Figure(
        span_id("figure", document.document_id, start, end), document.document_id, sentence.index, start, end,
        text[start:end], quantity.value, quantity.value_low, quantity.value_high, quantity.qualifier,
        quantity.unit, dimension, value_si, si_unit, quantity.entity, category, date_start, date_end, quantity.rule,
    )


def _si(quantity: Quantity) -> tuple[float | None, str | None]:
    if quantity.dimension in ("count", "score", "date") or quantity.unit is None:
        return (quantity.value, None) if quantity.dimension in ("count", "ratio") else (None, None)
    return to_si(quantity.value, quantity.unit)


def _date_window(quantity: Quantity, published_at: datetime | None) -> tuple[date | None, date | None]:
    if quantity.dimension == "date" and quantity.value is not None:
        return date(int(quantity.value), 1, 1), date(quantity.year_end or int(quantity.value), 12, 31)
    if quantity.period is None or published_at is None or quantity.value is None or quantity.unit is None:
        return None, None
    return _period_window(quantity.value, quantity.unit, quantity.period, published_at)


@lru_cache(maxsize=4096)
def _period_window(value: float, unit: str, direction: str, published_at: datetime) -> tuple[date | None, date | None]:
    """"the past three weeks" published on a day: the dates it spans (articles of one day share them)."""
    period = _period(value, unit)
    if period is None:
        return None, None
    try:
        if direction == "past":
            return (published_at - period).date(), published_at.date()
        return published_at.date(), (published_at + period).date()
    except (ValueError, OverflowError):  # off the calendar: "the past 30 centuries" before year 1
        return None, None


def _period(value: float, unit: str) -> relativedelta | timedelta | None:
    name = _PERIOD_UNITS.get(unit)
    if name is not None and float(value).is_integer():
        return relativedelta(**{name: int(value) * _PERIOD_FACTORS.get(unit, 1)})
    seconds, _ = to_si(value, unit)
    return None if seconds is None else timedelta(seconds=seconds)


# --- stated conversions -------------------------------------------------------------------
def _pair_conversions(text: str, sentence: Sentence, quantities: list[Quantity], figures: list[Figure]) -> None:
    """"1,000-kilometer (620-mile) front line": each half points at the other and shares the entity."""
    for index in range(len(figures) - 1):
        first, second = quantities[index], quantities[index + 1]
        if first.unit is None or second.unit is None or first.dimension != second.dimension:
            continue
        if first.dimension in ("count", "date", "score"):
            continue
        gap = _CONVERSION_GAP.match(text, first.end, sentence.end)
        if gap is None or gap.end() != second.start:
            continue
        close = _CONVERSION_CLOSE.match(text, second.end, sentence.end)
        if close is None:
            continue
        entity = first.entity or second.entity
        if entity is None and (first.compound or second.compound):
            phrase = entities.noun_phrase_after(text, close.end(), sentence.end)
            entity = phrase.text if phrase else None
        if entity is None:
            phrase = entities.of_phrase_after(text, close.end(), sentence.end)
            entity = phrase.text if phrase else None
        for figure in (figures[index], figures[index + 1]):
            figure.entity = entity
            if entity:
                figure.category = categories.categorise(figure.dimension, None, None, entity, "", "") or figure.category
        figures[index].paired_figure_id = figures[index + 1].figure_id
        figures[index + 1].paired_figure_id = figures[index].figure_id
