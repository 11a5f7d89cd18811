"""What follows a number: its unit, or the noun it counts, and the entity it measures.

"1,000 square kilometers of Russian territory" -> km**2, entity "Russian territory";
"11,000 North Korean soldiers" -> soldier; "a 10-fold rise" -> a ratio. A mixin of
the quantity reader (``quantity_reading.Reading``), reading on from its cursor.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from transforms import entities
from transforms.alternation import compile_fast, trie_pattern
from transforms.lexicon import load_toml
from transforms.numbers import has_scale_word, number_words
from transforms.quantity_patterns import scan_words, unit_regex, word_after
from transforms.units import Unit, resolve_unit

if TYPE_CHECKING:
    from transforms.quantity_reading import Quantity


# Between a fraction and the one unit it divides: " of a " in "a quarter of a percentage point", " an " in "half an hour".
_FRACTION_ARTICLE = compile_fast(r"[ \u00a0]+(?:of[ \u00a0]+)?an?[ \u00a0]+")


class DescribedReading:
    """Reads the unit or counted noun after the number a reader has just read."""

    __slots__ = ()
    text: str
    lo: int
    hi: int
    cursor: int
    kind: str
    raw: str
    match: re.Match[str]
    compound: bool
    trailing_scale: float

    def _unit(self, currency: Unit | None, value: float) -> Unit | None:
        if self.kind in ("vague", "fraction", "multiple"):
            return None
        match = unit_regex().match(self.text, self.cursor, self.hi)
        if match is None:
            return None
        group = match.lastgroup  # unit_word, unit_symbol or unit_attached: the alternative closes after unit_sep
        kind, surface = group[5:], match.group(group)
        scaled = currency is not None or has_scale_word(self.raw) is not None
        unit = resolve_unit(surface, kind, scaled)  # by position: a keyword makes the cached call slower
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
        if self.kind == "multiple":  # "twice as much water"
            quantity.dimension, quantity.rule = "ratio", "ratio.multiplier"
            return
        multiplier = word_after().match(self.text, self.cursor, self.hi)
        if multiplier and multiplier.group(0).lower().lstrip(" \u00a0") in scan_words().multipliers:
            quantity.dimension, quantity.rule = "ratio", "ratio.multiplier"
            self.cursor = multiplier.end()
            return
        if self.kind == "fraction" and self._fraction_of_unit(quantity, period):
            return  # "a quarter of a percentage point", "half an hour"
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
        spelled_one = self.kind == "words" and quantity.value is not None and quantity.value <= 1
        compound = None if spelled_one else entities.compound_counted_noun(self.text, self.cursor, self.hi)
        if compound is not None:  # "a 5,000-seat arena": a count of seats, describing the arena
            self._count_noun(quantity, compound)
            phrase = entities.noun_phrase_after(self.text, compound.phrase.end, self.hi)
            quantity.entity = phrase.text if phrase else None
            quantity.rule, quantity.compound = "count.compound_adjective", True
            quantity.end = self.cursor = compound.phrase.end
            return
        counted = entities.counted_noun_after(self.text, self.cursor, self.hi, singular=quantity.value == 1)
        if counted is None and not spelled_one:  # "one of the cars" is no figure
            counted = _partitive(self.text, self.cursor, self.hi)
        if counted is None and not spelled_one:  # "150 Boeing 737 MAX 10 jets"
            counted = entities.counted_noun_after_name(self.text, self.cursor, self.hi)
        if counted is None:
            if spelled_one:
                quantity.dimension = "drop"
            elif _age_lead().search(self.text, max(self.lo, quantity.start - 40), quantity.start):
                quantity.unit, quantity.dimension, quantity.rule = "year", "duration", "duration.age"
                return  # "aged between 23 and 51", "aged 50 to 77": ages in years
            quantity.bare = True
            return
        quantity.rule = "count.noun"
        self._count_noun(quantity, counted)
        if counted.phrase.start == _first_word_start(self.text, self.cursor):
            quantity.end = counted.phrase.end
            self.cursor = counted.phrase.end

    def _fraction_of_unit(self, quantity: Quantity, period: str | None) -> bool:
        """A fraction of one unit: "a quarter of a percentage point" is 0.25 percentage_point."""
        article = _FRACTION_ARTICLE.match(self.text, self.cursor, self.hi)
        if article is None:
            return False
        match = unit_regex().match(self.text, article.end(), self.hi)
        if match is None or not match.group("unit_word") or match.group("unit_sep"):
            return False
        unit = resolve_unit(match.group("unit_word"), "word")
        if unit is None or unit.dimension == "currency":
            return False
        self.cursor = match.end()
        self._describe_measure(quantity, unit, period)
        return True

    def _count_noun(self, quantity: Quantity, counted: entities.CountedPhrase) -> None:
        quantity.unit = counted.noun.lemma
        quantity.entity = counted.phrase.text
        quantity.noun_kind = counted.noun.kind
        quantity.noun_category = counted.noun.category


@cache
def _age_lead() -> re.Pattern[str]:
    """Words that make the bare numbers after them ages: "aged 34", "aged between 23 and 51", "aged 19 and 22"."""
    leads = trie_pattern(load_toml("figure_words")["age_leads"], space=r"[ \u00a0]+")
    listed = r"(?:\d{1,3}(?:,[ \u00a0]+|[ \u00a0]+(?:and|or|to)[ \u00a0]+))*"  # "aged 19 and 22", "aged 16, 17 and 19"
    return compile_fast(rf"(?i:\b(?:{leads})[ \u00a0]+(?:between[ \u00a0]+|from[ \u00a0]+)?{listed}$)")


def _partitive(text: str, position: int, end: int) -> entities.CountedPhrase | None:
    """"1,000 of the soldiers": the counted noun after "of the"."""
    counted = entities.counted_noun_of(text, position, end)
    return counted if counted is not None and counted.noun.category is not None else None


def _first_word_start(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \u00a0":
        position += 1
    return position
