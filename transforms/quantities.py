"""The quantity scanner: every number in a sentence, read with what surrounds it.

One combined regex finds number expressions (with a currency sign before them);
a handful of anchored regex matches then read the range, unit, counted noun and
qualifier around each. Numbers that are not quantities (ordinals, identifiers
such as "F-16" or "Windows 11", list numbers, times of day, scores, years) are
set aside here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from transforms import entities
from transforms.lexicon import load_toml
from transforms.numbers import has_scale_word, number_pattern, number_words, parse_number
from transforms.qualifiers import ReversedSentence, bounds, previous_word, read_after, read_left
from transforms.units import Unit, currency_sign_pattern, resolve_unit, unit_pattern

# Spans that hold digits but no quantity. Each branch starts with a digit, "+" or "(",
# so the scan skips every other position at once.
_NOT_QUANTITY = re.compile(
    r"(?=[\d+(])(?:"
    r"\b\d{1,2}(?:[:.]\d{2})?[ \u00a0]?(?:[ap]\.?m\b\.?|GMT|BST|UTC|CET|EST|EDT|PST|PDT)"  # 5pm, 10.30am, 9 GMT
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # 10:30
    r"|\+\d[\d \-()]{7,}\d|\(\d{2,5}\)[ ]?\d[\d \-]{5,}\d|\b\d{3}-\d{3}-\d{4}\b"  # +44 20 7946 0958, 555-123-4567
    r"|\b0\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}\b"  # 0800 123 4567
    r"|\b\d+(?:\.\d+){2,}\b"  # version numbers and addresses: 1.2.3, 192.168.0.1
    r"|\b\d{1,4}/\d{1,4}/\d{1,4}\b|\b\d{2,4}/\d{1,4}\b|\b\d/\d{2,4}\b"  # 01/02/2024, 24/7, 9/11 (not 3/4)
    r"|\b\d{1,4}[a-z]?(?=(?:[ ][A-Z][a-z]+){1,3}[ ](?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Drive|Place|Square)\b)"  # 10 Downing Street
    r")"
)
# URLs and e-mail addresses, looked for only in sentences with "://", "www." or "@".
_LINK = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+")


# What may separate the two ends of a range: "10,000-12,000", "10 to 12", "10 and 12" (after "between").
_RANGE_SEPARATOR = re.compile(r"[ \u00a0]*(?P<sep>[-–—]|to|and)[ \u00a0]*")
# Where a written number can begin: a digit, a currency sign, a minus, a vulgar fraction.
# (A currency code before it, "USD 5", is taken in by searching a few characters back.)
_DIGIT_OR_SIGN = re.compile(r"[\d$£€¥₹₩₽₺₦₴₪₿½⅓⅔¼¾⅕⅖⅗⅘⅛⅜⅝⅞][\d,.]*")
_LOOKBACK = 8
_LOOKAHEAD = 64
# Ordinal suffix straight after digits: "21st", "3rd".
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# Something glued to a number that makes it a code: "5G", "4x4", "1990s", "COVID-19's" is fine ("'s" ends it).
_GLUED = re.compile(r"[A-Za-z0-9]")
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


@dataclass(frozen=True, slots=True)
class ScanWords:
    function_words: frozenset[str]
    identifier_heads: frozenset[str]
    year_prepositions: frozenset[str]
    calendar_words: frozenset[str]
    score_before: frozenset[str]
    score_after: frozenset[str]
    multipliers: frozenset[str]


@cache
def scan_words() -> ScanWords:
    table = load_toml("figure_words")
    return ScanWords(
        function_words=frozenset(table["function_words"]),
        identifier_heads=frozenset(table["identifier_heads"]),
        year_prepositions=frozenset(table["year_prepositions"]),
        calendar_words=frozenset(table["months"]) | frozenset(table["weekdays"]),
        score_before=frozenset(table["score_before"]),
        score_after=frozenset(table["score_after"]),
        multipliers=frozenset(table["multipliers"]),
    )


@cache
def _signed_number() -> str:
    """One number expression with an optional currency sign and minus before it: "$2bn", "−3", "11,000"."""
    return rf"(?:(?P<currency>{currency_sign_pattern()})[ \u00a0]?)?(?P<minus>[-−](?=[\d.]))?(?:{number_pattern()})"


@cache
def scanner() -> re.Pattern[str]:
    """A number that starts a quantity: not inside a word, a code or the far end of a range ("3-1")."""
    return re.compile(rf"(?<![\w.,/:@#&$£€¥])(?<!\d[-–]){_signed_number()}")


@cache
def _range_end() -> re.Pattern[str]:
    """The far end of a range, read right after its separator ("12,000" of "10,000-12,000")."""
    return re.compile(_signed_number())


@cache
def _unit_regex() -> re.Pattern[str]:
    return re.compile(unit_pattern())


@cache
def _word_after() -> re.Pattern[str]:
    """The next word: " people", "-fold"."""
    return re.compile(r"[ \u00a0-]?([A-Za-z]+)")


def not_quantity_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Times, phone numbers, addresses, links: digits that are no quantity."""
    spans = [match.span() for match in _NOT_QUANTITY.finditer(text, start, end)]
    piece = text[start:end]
    if "@" in piece or "://" in piece or "www." in piece:
        spans += [match.span() for match in _LINK.finditer(text, start, end)]
    return spans


@cache
def _number_word_needles() -> tuple[str, ...]:
    """Every word that can start or end a spelled number ("three", "dozen", "thousands", "half")."""
    lexicon = number_words()
    words = set(lexicon.cardinals) | set(lexicon.scales) | set(lexicon.fractions) | {"half"}
    words |= {phrase.split()[0] for phrase in lexicon.vague_magnitudes}
    return tuple(sorted(words))


def number_candidates(text: str) -> list[int]:
    """Where a number may start in a document: each digit run or sign, and each number word
    found by plain substring search (far faster than a regex alternation over every position)."""
    positions = [match.start() for match in _DIGIT_OR_SIGN.finditer(text)]
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() changed the length: every position is a candidate
        return list(range(len(text)))
    for needle in _number_word_needles():
        at = lowered.find(needle)
        while at >= 0:
            if not at or not lowered[at - 1].isalpha():
                positions.append(at)
            at = lowered.find(needle, at + len(needle))
    positions.sort()
    return positions


def _matches(text: str, start: int, end: int, candidates: list[int]) -> Iterator[re.Match[str]]:
    """Scanner matches in order, searching only just before each candidate position."""
    pattern = scanner()
    resume = start
    for index in range(bisect.bisect_left(candidates, start), bisect.bisect_left(candidates, end)):
        position = candidates[index]
        if position < resume:
            continue
        # a few characters back, to take in "US$ ", "an " or "half a " before the candidate
        match = pattern.search(text, max(resume, position - _LOOKBACK), min(end, position + _LOOKAHEAD))
        if match is None:
            continue
        resume = yield match  # type: ignore[misc]
        resume = resume if resume is not None else match.end()


def scan(
    text: str, start: int, end: int, claimed: list[tuple[int, int]], candidates: list[int] | None = None
) -> list[Quantity]:
    """Every quantity in ``text[start:end]`` (one sentence), outside the ``claimed`` spans.

    ``candidates`` is ``number_candidates(text)``, computed once per document."""
    reversed_sentence = ReversedSentence(text[start:end][::-1], end)
    found: list[Quantity] = []
    consumed = start
    matches = _matches(text, start, end, candidates if candidates is not None else number_candidates(text))
    match = next(matches, None)
    while match is not None:
        if match.start() < consumed or _overlaps(match.start(), match.end(), claimed):
            match = _advance(matches, max(consumed, match.end()))
            continue
        reading = _Reading(text, start, end, reversed_sentence, match)
        quantity = reading.read()
        consumed = max(reading.cursor, match.end())
        if quantity is not None and not _overlaps(quantity.start, quantity.end, claimed):
            found.append(quantity)
        match = _advance(matches, consumed)
    return found


def _advance(matches: Iterator[re.Match[str]], resume: int) -> re.Match[str] | None:
    try:
        return matches.send(resume)  # type: ignore[attr-defined]
    except StopIteration:
        return None


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


class _Reading:
    """Reads one number match outwards: scale, range, unit, noun, qualifier."""

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
        if self.match.group("minus"):
            value = -value
        currency = resolve_unit(self.match.group("currency"), "sign") if self.match.group("currency") else None
        if currency is not None:
            value = self._ambiguous_scale(value)
        if self.kind == "digits" and _ORDINAL_SUFFIX.match(self.text, self.cursor, self.hi):
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
        if self.trailing_scale != 1.0:
            value, low, high = (value * self.trailing_scale, low * self.trailing_scale, high * self.trailing_scale)
        if self.cursor < self.hi and _GLUED.match(self.text, self.cursor):
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
        quantity = Quantity(
            start=left.start if (left.qualifier or left.period) else self.match.start(),
            end=self.cursor,
            value=value,
            value_low=low,
            value_high=high,
            qualifier=qualifier,
            unit=None,
            dimension="count",
            rule="count.bare",
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
        if multiplier and self.kind == "digits" and not _GLUED.match(self.text, self.cursor + 1, self.hi):
            self.cursor += 1
            self.raw += suffix
            return value * multiplier
        return value

    def _plain_integer(self, currency: Unit | None) -> bool:
        return currency is None and self.kind == "digits" and self.raw.isdigit()

    def _is_code(self, currency: Unit | None) -> bool:
        """"F-16", "COVID-19", "Su-34": a number hyphenated to letters (but "mid-2024" is a year)."""
        start = self.match.start()
        if not self._plain_integer(currency) or start < 2 or self.text[start - 1] != "-":
            return False
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
            any(char.isupper() for char in word)
            and lowered not in words.function_words
            and lowered.rstrip(".") not in words.calendar_words
            and not lowered.endswith(("'s", "’s"))
            and resolve_unit(word, "sign") is None
            and not _unit_follows(self.text, self.cursor, self.hi)
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
        if not 1900 <= value <= 2100 or _unit_follows(self.text, self.cursor, self.hi):
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

    # --- ranges and scores -------------------------------------------------------------
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
        if currency is not None and suffix_scale and not _GLUED.match(self.text, second_end + 1, self.hi):
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
        if not (self.raw.isdigit() and raw_second.isdigit()) or _unit_follows(self.text, second.end(), self.hi):
            return False
        if other <= first and "," not in self.raw:
            return True  # a tally: "passed 52-48", "won 3-1"
        if first >= 30 or other >= 30:
            return False
        words = scan_words()
        before = previous_word(self.reversed, self.match.start()) or ""
        after = _word_after().match(self.text, second.end(), self.hi)
        after_word = after.group(1).lower() if after else ""
        if before.lower() in words.score_before or after_word in words.score_after:
            return True
        return before[:1].isupper() and before.lower() not in words.function_words

    def _score(self, start: int) -> Quantity:
        return Quantity(
            start=self.match.start(), end=self.cursor, value=None, value_low=None, value_high=None,
            qualifier="exact", unit=None, dimension="score", rule="score.dash",
        )

    # --- what follows: unit, counted noun, entity ----------------------------------------
    def _unit(self, currency: Unit | None, value: float) -> Unit | None:
        if self.kind in ("vague", "fraction"):
            return None
        match = _unit_regex().match(self.text, self.cursor, self.hi)
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
        multiplier = _word_after().match(self.text, self.cursor, self.hi)
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


def _unit_follows(text: str, position: int, end: int) -> bool:
    """True when a unit of measure starts at ``position`` (" km", "%", "-mile")."""
    match = _unit_regex().match(text, position, end)
    return match is not None and not match.group("unit_attached")
