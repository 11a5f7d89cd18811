"""Reading one number match outwards: its value, what it is not, its range, unit and qualifier.

``Reading(text, lo, hi, reversed_sentence, match).read()`` turns one scanner
match into a ``Quantity`` or None: ordinals, codes ("F-16"), names ("Windows
11"), list numbers and years are set aside; ranges and scores are read by
``quantity_ranges``, units and counted nouns by ``quantity_description``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms import entities
from transforms.numbers import number_words, parse_number
from transforms.qualifiers import ReversedSentence, bounds, previous_word, read_after, read_left
from transforms.quantity_description import DescribedReading
from transforms.quantity_patterns import GLUED, GLUED_CHARS, scan_words, unit_follows
from transforms.quantity_ranges import RangeReading
from transforms.units import Unit, resolve_unit

# Ordinal suffix straight after digits: "21st", "3rd".
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# The letters it can start with (case-insensitive, and "ſ" folds to "s"): most numbers need no regex call.
_ORDINAL_FIRST = frozenset("sSnNrRtTſ")
# A year-range tail: "2019-20", "2019–2021".
_YEAR_RANGE_TAIL = re.compile(r"[-–/](\d{2}|\d{4})(?![\w])")


@dataclass(slots=True)
class Quantity:
    """A number read in context, before it becomes a Figure."""

    start: int
    end: int
    value: float | None
    value_low: float | None
    value_high: float | None
    qualifier: str
    unit: str | None
    dimension: str
    rule: str
    entity: str | None = None
    noun_kind: str | None = None
    noun_category: str | None = None
    compound: bool = False  # "1,000-kilometer": the entity follows the unit
    period: str | None = None  # past or next: "the past three weeks"
    bare: bool = False  # a plain number: no unit, no counted noun
    year_end: int | None = None  # for date.year figures: last year of a range


class Reading(RangeReading, DescribedReading):
    """Reads one number match outwards: scale, range, unit, noun, qualifier."""

    __slots__ = ("text", "lo", "hi", "reversed", "match", "kind", "raw", "cursor", "compound", "trailing_scale")

    def __init__(self, text: str, lo: int, hi: int, reversed_sentence: ReversedSentence, match: re.Match[str]):
        self.text, self.lo, self.hi = text, lo, hi
        self.reversed = reversed_sentence
        self.match = match
        self.kind = match.lastgroup or "digits"
        self.raw = match.group(self.kind)
        self.cursor = match.end()
        self.compound = False
        self.trailing_scale = 1.0  # "4m people": an "m" read as million after the fact

    def read(self) -> Quantity | None:
        value = parse_number(self.raw)
        if value is None:
            return None
        minus, sign = self.match.group("minus", "currency")
        if minus:
            value = -value
        currency = resolve_unit(sign, "sign") if sign else None
        if currency is not None:
            value = self._ambiguous_scale(value)
        if (self.kind == "digits" and self.cursor < self.hi and self.text[self.cursor] in _ORDINAL_FIRST
                and _ORDINAL_SUFFIX.match(self.text, self.cursor, self.hi)):
            self.cursor += 2
            return None
        left = read_left(self.reversed, self.match.start())
        if self._is_code(currency):
            return None
        if self._is_year(value, currency):
            return self._year(value)
        low, high, qualifier = value, value, "exact"
        ranged = self._range(value, left.between, left.from_, currency)
        if ranged == "score":
            return self._score(left.start)
        if ranged is None and self._is_name(currency):
            return None
        if ranged is not None:
            low, high = ranged
            value, qualifier = (low + high) / 2, "range"
        unit = self._unit(currency, value)
        if ranged is None and unit is not None and currency is None and self.trailing_scale == 1.0:
            ranged = self._range_after_unit(value, unit, left.between)
            if ranged is not None:
                low, high = ranged
                value, qualifier = (low + high) / 2, "range"
            else:
                mixed = self._mixed_units(value, unit)
                while mixed is not None:
                    value, unit = mixed
                    low = high = value
                    mixed = self._mixed_units(value, unit)
        if self.trailing_scale != 1.0:
            value, low, high = (value * self.trailing_scale, low * self.trailing_scale, high * self.trailing_scale)
        if self.cursor < self.hi and self.text[self.cursor] in GLUED_CHARS:
            return None
        if self._is_list_number(unit, currency):
            return None
        after = read_after(self.text, self.cursor, self.hi)
        if after is not None and qualifier == "exact":
            qualifier = after[0]
            self.cursor = after[1]
        if left.qualifier and qualifier == "exact":
            qualifier = left.qualifier
        if qualifier not in ("exact", "range"):
            low, high = bounds(qualifier, value)
        # start, end, value, value_low, value_high, qualifier, unit, dimension, rule (by position: cheaper)
        quantity = Quantity(
            left.start if (left.qualifier or left.period) else self.match.start(), self.cursor,
            value, low, high, qualifier, None, "count", "count.bare",
        )
        if self.kind == "vague":
            quantity.qualifier, quantity.value_high = "approximately", None
        self._describe(quantity, unit, currency, left.period)
        return quantity

    # --- the number itself -------------------------------------------------------------
    def _ambiguous_scale(self, value: float) -> float:
        """"$4m" and "£2b" are millions and billions after a currency sign."""
        suffix = self.text[self.cursor : self.cursor + 1]
        multiplier = number_words().ambiguous_suffixes.get(suffix)
        if multiplier and self.kind == "digits" and not GLUED.match(self.text, self.cursor + 1, self.hi):
            self.cursor += 1
            self.raw += suffix
            return value * multiplier
        return value

    def _plain_integer(self, currency: Unit | None) -> bool:
        return currency is None and self.kind == "digits" and self.raw.isdigit()

    def _is_code(self, currency: Unit | None) -> bool:
        """"F-16", "COVID-19", "Su-34": a number hyphenated to letters (but "mid-2024" is a year)."""
        start = self.match.start()
        if start < 2 or self.text[start - 1] != "-" or not self._plain_integer(currency):
            return False  # the hyphen first: most numbers have none
        if not self.text[start - 2].isalpha():
            return False
        return self.text[max(self.lo, start - 5) : start - 1].lower() not in ("mid", "pre", "post", "late", "early")

    def _is_name(self, currency: Unit | None) -> bool:
        """"Windows 11", "article 5", "No. 10", "Boeing 737": part of a name, not a quantity."""
        if not self._plain_integer(currency):
            return False
        word = previous_word(self.reversed, self.match.start())
        if word is None:
            return False
        lowered = word.lower()
        words = scan_words()
        if lowered in words.identifier_heads:
            return True
        return (
            not word.islower()
            and any(char.isupper() for char in word)
            and lowered not in words.function_words
            and lowered.rstrip(".") not in words.calendar_words
            and not lowered.endswith(("'s", "’s"))
            and resolve_unit(word, "sign") is None
            and not unit_follows(self.text, self.cursor, self.hi)
        )

    def _is_list_number(self, unit: Unit | None, currency: Unit | None) -> bool:
        """"1. Introduction" at the start of a sentence, or "(3)"."""
        if unit is not None or currency is not None or not self.raw.isdigit():
            return False
        start = self.match.start()
        closing = self.text[self.cursor : self.cursor + 1]
        if start == self.lo and closing in (".", ")"):
            return True
        return start > self.lo and self.text[start - 1] == "(" and closing == ")"

    def _is_year(self, value: float, currency: Unit | None) -> bool:
        """A bare 1900-2100 with no unit is a year, unless a known counted noun follows it."""
        if currency is not None or self.kind != "digits" or not self.raw.isdigit() or len(self.raw) != 4:
            return False
        if not 1900 <= value <= 2100 or unit_follows(self.text, self.cursor, self.hi):
            return False
        word = (previous_word(self.reversed, self.match.start()) or "").lower()
        if word in scan_words().year_prepositions or word.rstrip(".") in scan_words().calendar_words:
            return True
        counted = entities.counted_noun_after(self.text, self.cursor, self.hi)
        return counted is None or counted.noun.category is None

    def _year(self, value: float) -> Quantity:
        last = int(value)
        tail = _YEAR_RANGE_TAIL.match(self.text, self.cursor, self.hi)
        if tail:
            digits = tail.group(1)
            candidate = int(digits) if len(digits) == 4 else (last // 100) * 100 + int(digits)
            if candidate > last:
                last = candidate
                self.cursor = tail.end()
        return Quantity(
            start=self.match.start(), end=self.cursor, value=value, value_low=value, value_high=value,
            qualifier="exact", unit=None, dimension="date", rule="date.year", year_end=last,
        )

    def _score(self, start: int) -> Quantity:
        return Quantity(
            start=self.match.start(), end=self.cursor, value=None, value_low=None, value_high=None,
            qualifier="exact", unit=None, dimension="score", rule="score.dash",
        )
