"""Ranges and scores: two numbers joined by a dash, "to" or "and".

"10,000-12,000", "10 to 12 million", "between 10 and 12", "$5m-$6m" and "between 15km
and 25km" are one range figure; "climbed $1.40 to $76.85" is a change and a level, two
figures; "won 3-1" and "Chelsea 2-0" are scores; "3 minutes 51.2 seconds" is one duration. A mixin of the quantity
reader (``quantity_reading.Reading``), reading on from its cursor.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.alternation import compile_fast
from transforms.numbers import has_scale_word, number_words, parse_number
from transforms.qualifiers import ReversedSentence, previous_word
from transforms.quantity_patterns import GLUED, scan_words, signed_number, unit_follows, unit_regex, word_after
from transforms.units import Unit, base_conversion, resolve_unit

# What may separate the two ends of a range: "10,000-12,000", "10 to 12", "10 and 12" (after "between").
_RANGE_SEPARATOR = re.compile(r"[ \u00a0]*(?P<sep>[-–—]|to|and)[ \u00a0]*")
# The characters such a separator can start with, after at most one space: a quick test before the regex.
_SEPARATOR_INITIALS = frozenset("-–—ta \u00a0")


def _separator(text: str, position: int, end: int) -> re.Match[str] | None:
    """``_RANGE_SEPARATOR`` at ``position``, without calling the regex where the next character rules it out."""
    if position >= end:
        return None
    first = text[position]
    if first in " \u00a0" and position + 1 < end:
        first = text[position + 1]
    return _RANGE_SEPARATOR.match(text, position, end) if first in _SEPARATOR_INITIALS else None

# Between the parts of one measure in two units: " " of "3 minutes 51.2 seconds", " and " of "2 hours and 15 minutes".
_MIXED_UNIT_JOINT = compile_fast(r",?(?:[ \u00a0]+and)?[ \u00a0]+(?=\d)")
# Dimensions written in mixed units: durations, lengths ("6ft 2in"), masses ("8lb 6oz").
_MIXED_DIMENSIONS = frozenset({"duration", "length", "mass"})


@cache
def _range_end() -> re.Pattern[str]:
    """The far end of a range, read right after its separator ("12,000" of "10,000-12,000")."""
    return compile_fast(signed_number())


class RangeReading:
    """Reads the far end of a range, or a score, after the number a reader has just read."""

    __slots__ = ()
    text: str
    hi: int
    cursor: int
    kind: str
    raw: str
    match: re.Match[str]
    reversed: ReversedSentence

    def _range(self, value: float, between: bool, from_: bool, currency: Unit | None) -> tuple[float, float] | str | None:
        separator = _separator(self.text, self.cursor, self.hi)
        if separator is None or self.kind in ("vague", "fraction", "multiple"):
            return None
        sep = separator.group("sep")
        if (sep == "and" and not between) or (sep == "to" and (from_ or self._after_change_verb())):
            return None
        second = _range_end().match(self.text, separator.end(), self.hi)
        if second is None or second.lastgroup in ("vague", "fraction", "multiple"):
            return None
        other = parse_number(second.group(second.lastgroup or "digits"))
        if other is None:
            return None
        if sep in "-–—" and self._is_score(second, value, other):
            self.cursor = second.end()
            return "score"
        second_end = second.end()
        scale = has_scale_word(second.group(second.lastgroup or "digits"))
        suffix_scale = number_words().ambiguous_suffixes.get(self.text[second_end : second_end + 1])
        if currency is not None and suffix_scale and not GLUED.match(self.text, second_end + 1, self.hi):
            other, scale, second_end = other * suffix_scale, suffix_scale, second_end + 1  # "$5m-$6m"
        if scale and not has_scale_word(self.raw) and value * scale <= other:
            value *= scale  # "10-12 million"
        if other <= value:
            return None
        self.cursor = second_end
        return value, other

    def _range_after_unit(self, value: float, unit: Unit, between: bool) -> tuple[float, float] | None:
        """"between 15km and 25km", "15km-25km": a range with the unit written at both ends."""
        separator = _separator(self.text, self.cursor, self.hi)
        if separator is None or (separator.group("sep") in ("and", "to") and not between):
            return None
        second = _range_end().match(self.text, separator.end(), self.hi)
        if second is None or second.lastgroup != "digits" or second.group("currency") or second.group("minus"):
            return None
        other = parse_number(second.group("digits"))
        unit_match = unit_regex().match(self.text, second.end(), self.hi)
        if other is None or other <= value or unit_match is None or "-" in unit_match.group("unit_sep"):
            return None
        kind = "word" if unit_match.group("unit_word") else "symbol" if unit_match.group("unit_symbol") else "attached"
        if resolve_unit(unit_match.group(f"unit_{kind}"), kind, has_scale_word(second.group("digits")) is not None) != unit:
            return None
        self.cursor = unit_match.end()
        return value, other

    def _mixed_units(self, value: float, unit: Unit) -> tuple[float, Unit] | None:
        """"3 minutes 51.2 seconds", "2 hours, 1 minute and 9 seconds", "8lb 6oz": one figure in the smallest unit."""
        joint = _MIXED_UNIT_JOINT.match(self.text, self.cursor, self.hi)
        if joint is None:
            return None
        second = _range_end().match(self.text, joint.end(), self.hi)
        if second is None or second.lastgroup != "digits" or second.group("currency") or second.group("minus"):
            return None
        unit_match = unit_regex().match(self.text, second.end(), self.hi)
        other = parse_number(second.group("digits"))
        if other is None or unit_match is None or "-" in unit_match.group("unit_sep"):
            return None
        kind = "word" if unit_match.group("unit_word") else "symbol" if unit_match.group("unit_symbol") else "attached"
        smaller = resolve_unit(unit_match.group(f"unit_{kind}"), kind)
        if smaller is None or smaller.dimension != unit.dimension or smaller.dimension not in _MIXED_DIMENSIONS:
            return None
        larger_factor, smaller_factor = base_conversion(unit.name), base_conversion(smaller.name)
        if larger_factor.offset or larger_factor.factor <= smaller_factor.factor:
            return None
        self.cursor = unit_match.end()
        return value * larger_factor.factor / smaller_factor.factor + other, smaller

    def _after_change_verb(self) -> bool:
        """"climbed $1.40 to $76.85", "fell 12 to 340": a change and the level it reached, not a range."""
        word = previous_word(self.reversed, self.match.start())
        return word is not None and word.lower() in scan_words().change_verbs

    def _is_score(self, second: re.Match[str], first: float, other: float) -> bool:
        """"won 3-1", "a 2-0 win", "Chelsea 3-1": two small whole numbers joined by a dash."""
        raw_second = second.group(second.lastgroup or "digits")
        if not (self.raw.isdigit() and raw_second.isdigit()) or unit_follows(self.text, second.end(), self.hi):
            return False
        if other <= first and "," not in self.raw:
            return True  # a tally: "passed 52-48", "won 3-1"
        if first >= 30 or other >= 30:
            return False
        words = scan_words()
        before = previous_word(self.reversed, self.match.start()) or ""
        after = word_after().match(self.text, second.end(), self.hi)
        after_word = after.group(1).lower() if after else ""
        if before.lower() in words.score_before or after_word in words.score_after:
            return True
        return before[:1].isupper() and before.lower() not in words.function_words
