"""Number expressions: digits, scale words and suffixes, number words, fractions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.numbers import has_scale_word, number_pattern, parse_number

NUMBER = re.compile(number_pattern())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11,000", 11000), ("1.5", 1.5), ("1 000", 1000), ("1\u00a0000\u00a0000", 1_000_000), ("−3", -3), ("-3.5", -3.5),
        (".5", 0.5), ("0.25", 0.25), ("1,234,567.89", 1234567.89),
        ("1.5 million", 1.5e6), ("2bn", 2e9), ("3.2bn", 3.2e9), ("10k", 1e4), ("4.5tn", 4.5e12), ("12 billion", 12e9),
        ("300 thousand", 3e5), ("2mn", 2e6), ("5 Million", 5e6),
        ("three", 3), ("twenty-five", 25), ("ninety nine", 99), ("a dozen", 12), ("half a million", 5e5),
        ("a hundred", 100), ("one hundred and six", 106), ("two thousand five hundred", 2500),
        ("one and a half million", 1.5e6), ("a hundred thousand", 1e5), ("Three hundred", 300), ("two million", 2e6),
        ("eleven", 11), ("seventeen", 17), ("a thousand", 1000), ("zero", 0),
        ("a third", 1 / 3), ("two-thirds", 2 / 3), ("three quarters", 0.75), ("half", 0.5), ("a fifth", 0.2),
        ("1/2", 0.5), ("3/4", 0.75), ("½", 0.5), ("2½", 2.5), ("¾", 0.75),
        ("tens of thousands", 20000), ("hundreds", 200), ("dozens", 24), ("thousands", 2000), ("millions", 2e6),
        ("hundreds of thousands", 2e5),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "soldiers", "third place", "kilometre", "and", "-"])
def test_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "match", "group"),
    [
        ("11,000 troops", "11,000", "digits"),
        ("$2bn deal", "2bn", "digits"),
        ("1.5 million people", "1.5 million", "digits"),
        ("twenty-five people", "twenty-five", "words"),
        ("tens of thousands of people", "tens of thousands", "vague"),
        ("two-thirds of voters", "two-thirds", "fraction"),
        ("half of the country", "half", "fraction"),
        ("between two and three", "two", "words"),
        ("a dozen eggs", "a dozen", "words"),
    ],
)
def test_number_pattern(text, match, group):
    found = NUMBER.search(text)
    assert found is not None and found.group(found.lastgroup) == match and found.lastgroup == group


@pytest.mark.parametrize("text", ["third place", "the second half", "a sixth consecutive win", "someone", "often"])
def test_number_pattern_ignores(text):
    found = NUMBER.search(text)
    assert found is None or found.lastgroup not in ("fraction", "words") or found.group() in ("second",)


def test_scale_word():
    assert has_scale_word("12 million") == 1e6 and has_scale_word("3.2bn") == 1e9 and has_scale_word("12") is None


_CARDINALS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell_below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [f"{_CARDINALS[hundreds]} hundred"] if hundreds else []
    if rest:
        if hundreds:
            parts.append("and")
        if rest < 10:
            parts.append(_CARDINALS[rest])
        elif rest < 20:
            parts.append(_TEENS[rest - 10])
        else:
            parts.append(_TENS[rest // 10] + (f"-{_CARDINALS[rest % 10]}" if rest % 10 else ""))
    return " ".join(parts)


def _spell(n: int) -> str:
    thousands, rest = divmod(n, 1000)
    parts = [f"{_spell_below_thousand(thousands)} thousand"] if thousands else []
    if rest:
        parts.append(_spell_below_thousand(rest))
    return " ".join(parts)


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_separators_round_trip(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("k", 1e3)]))
def test_scale_words_round_trip(n, scale):
    word, multiplier = scale
    separator = "" if word in ("bn", "k") else " "
    assert parse_number(f"{n / 10}{separator}{word}") == pytest.approx(n / 10 * multiplier)


@given(st.integers(min_value=1, max_value=999_999))
def test_number_words_round_trip(n):
    spelled = _spell(n)
    assert parse_number(spelled) == n
    found = NUMBER.fullmatch(spelled)
    assert found is not None and found.lastgroup == "words"
