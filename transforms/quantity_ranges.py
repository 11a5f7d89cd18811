"""Ranges and scores: two numbers joined by a dash, "to" or "and".

"10,000-12,000", "10 to 12 million", "between 10 and 12" and "$5m-$6m" are one
range figure; "won 3-1" and "Chelsea 2-0" are scores. A mixin of the quantity
reader (``quantity_reading.Reading``), reading on from its cursor.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.numbers import has_scale_word, number_words, parse_number
from transforms.qualifiers import ReversedSentence, previous_word
from transforms.quantity_patterns import GLUED, scan_words, signed_number, unit_follows, word_after
from transforms.units import Unit

# What may separate the two ends of a range: "10,000-12,000", "10 to 12", "10 and 12" (after "between").
_RANGE_SEPARATOR = re.compile(r"[ \u00a0]*(?P<sep>[-–—]|to|and)[ \u00a0]*")


@cache
def _range_end() -> re.Pattern[str]:
    """The far end of a range, read right after its separator ("12,000" of "10,000-12,000")."""
    return re.compile(signed_number())


class RangeReading:
    """Reads the far end of a range, or a score, after the number a reader has just read."""

    text: str
    hi: int
    cursor: int
    kind: str
    raw: str
    match: re.Match[str]
    reversed: ReversedSentence

    def _range(self, value: float, between: bool, from_: bool, currency: Unit | None) -> tuple[float, float] | str | None:
        separator = _RANGE_SEPARATOR.match(self.text, self.cursor, self.hi)
        if separator is None or self.kind in ("vague", "fraction"):
            return None
        sep = separator.group("sep")
        if (sep == "and" and not between) or (sep == "to" and from_):
            return None
        second = _range_end().match(self.text, separator.end(), self.hi)
        if second is None or second.lastgroup in ("vague", "fraction"):
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
