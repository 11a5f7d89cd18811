"""What follows a number: its unit, or the noun it counts, and the entity it measures.

"1,000 square kilometers of Russian territory" -> km**2, entity "Russian territory";
"11,000 North Korean soldiers" -> soldier; "a 10-fold rise" -> a ratio. A mixin of
the quantity reader (``quantity_reading.Reading``), reading on from its cursor.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transforms import entities
from transforms.numbers import has_scale_word, number_words
from transforms.quantity_patterns import scan_words, unit_regex, word_after
from transforms.units import Unit, resolve_unit

if TYPE_CHECKING:
    from transforms.quantity_reading import Quantity


class DescribedReading:
    """Reads the unit or counted noun after the number a reader has just read."""

    text: str
    hi: int
    cursor: int
    kind: str
    raw: str
    match: re.Match[str]
    compound: bool
    trailing_scale: float

    def _unit(self, currency: Unit | None, value: float) -> Unit | None:
        if self.kind in ("vague", "fraction"):
            return None
        match = unit_regex().match(self.text, self.cursor, self.hi)
        if match is None:
            return None
        kind = "word" if match.group("unit_word") else "symbol" if match.group("unit_symbol") else "attached"
        surface = match.group(f"unit_{kind}")
        scaled = currency is not None or has_scale_word(self.raw) is not None
        unit = resolve_unit(surface, kind, scaled=scaled)
        if unit is None:
            return None
        if kind == "attached" and surface in number_words().ambiguous_suffixes and self.kind == "digits":
            if entities.counted_noun_after(self.text, match.end(), self.hi) is not None:
                self.trailing_scale = number_words().ambiguous_suffixes[surface]
                self.cursor = match.end()
                return None
        if currency is not None and unit.dimension != "currency":
            return None
        self.cursor = match.end()
        self.compound = "-" in match.group("unit_sep")
        return unit

    def _describe(self, quantity: Quantity, unit: Unit | None, currency: Unit | None, period: str | None) -> None:
        measured = currency or unit
        if measured is not None:
            self._describe_measure(quantity, measured, period)
        else:
            self._describe_count(quantity, period)
        quantity.end = max(quantity.end, self.cursor) if quantity.rule != "count.noun" else quantity.end

    def _describe_measure(self, quantity: Quantity, unit: Unit, period: str | None) -> None:
        quantity.unit, quantity.dimension = unit.name, unit.dimension
        quantity.compound = self.compound
        if quantity.compound:
            quantity.rule = "measure.compound_adjective"
        elif unit.dimension == "currency":
            quantity.rule = "measure.currency"
        elif unit.dimension == "duration":
            quantity.rule = "duration.unit"
        elif unit.dimension == "percentage":
            quantity.rule = "measure.percent"
        else:
            quantity.rule = "measure.unit"
        if period and unit.dimension == "duration" and not quantity.compound:
            quantity.period = period
            quantity.rule = f"duration.{period}_period"
        elif period:
            quantity.start = self.match.start()
        if not quantity.compound:
            phrase = entities.of_phrase_after(self.text, self.cursor, self.hi)
            if phrase is not None:
                quantity.entity = phrase.text
        else:
            phrase = entities.noun_phrase_after(self.text, self.cursor, self.hi)
            if phrase is not None:
                quantity.entity = phrase.text

    def _describe_count(self, quantity: Quantity, period: str | None) -> None:
        if period:
            quantity.start = self.match.start()  # "the last 10 matches" is a count, not a period
        multiplier = word_after().match(self.text, self.cursor, self.hi)
        if multiplier and multiplier.group(0).lower().lstrip(" \u00a0") in scan_words().multipliers:
            quantity.dimension, quantity.rule = "ratio", "ratio.multiplier"
            self.cursor = multiplier.end()
            return
        if self.kind in ("vague", "fraction"):
            counted = entities.counted_noun_of(self.text, self.cursor, self.hi)
            phrase = entities.of_phrase_after(self.text, self.cursor, self.hi)
            if self.kind == "fraction":
                quantity.dimension, quantity.rule = "ratio", "ratio.fraction"
                quantity.entity = phrase.text if phrase else None
                return
            quantity.rule = "count.vague"
            if counted is not None:
                self._count_noun(quantity, counted)
                quantity.end = self.cursor = counted.phrase.end  # "tens of thousands of people"
            elif phrase is not None:
                quantity.entity = phrase.text
            return
        counted = entities.counted_noun_after(self.text, self.cursor, self.hi, singular=quantity.value == 1)
        spelled_one = self.kind == "words" and quantity.value is not None and quantity.value <= 1
        if counted is None and not spelled_one:  # "one of the cars" is no figure
            counted = _partitive(self.text, self.cursor, self.hi)
        if counted is None:
            if spelled_one:
                quantity.dimension = "drop"
            quantity.bare = True
            return
        quantity.rule = "count.noun"
        self._count_noun(quantity, counted)
        if counted.phrase.start == _first_word_start(self.text, self.cursor):
            quantity.end = counted.phrase.end
            self.cursor = counted.phrase.end

    def _count_noun(self, quantity: Quantity, counted: entities.CountedPhrase) -> None:
        quantity.unit = counted.noun.lemma
        quantity.entity = counted.phrase.text
        quantity.noun_kind = counted.noun.kind
        quantity.noun_category = counted.noun.category


def _partitive(text: str, position: int, end: int) -> entities.CountedPhrase | None:
    """"1,000 of the soldiers": the counted noun after "of the"."""
    counted = entities.counted_noun_of(text, position, end)
    return counted if counted is not None and counted.noun.category is not None else None


def _first_word_start(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \u00a0":
        position += 1
    return position
