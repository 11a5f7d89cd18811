"""Dates: the case table in cases/dates.yaml, the seed's dates, offsets and a property test."""

from __future__ import annotations

from datetime import date, datetime, timezone
import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from transforms.date_patterns import WHITESPACE_CHARACTERS, compile_fast
from transforms.dates import DateMention, find_dates
from transforms.records import Sentence
from transforms.text import normalise, split_sentences

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "dates.yaml").read_text(encoding="utf-8"))
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_aee1465f0a7bc0de.txt"
PUBLISHED = datetime(2025, 2, 1, 9, 30, tzinfo=timezone.utc)


def as_sentence(text: str, start: int = 0) -> Sentence:
    return Sentence(0, start, start + len(text), text)


def summarise(mention: DateMention) -> list:
    return [mention.surface, mention.date_start, mention.date_end, mention.granularity]


def expected_rows(case: dict) -> list[list]:
    return [[str(surface), *dates] for surface, *dates in case["dates"]]


def published_of(case: dict) -> datetime:
    published = case.get("published")
    return datetime.combine(published, datetime.min.time(), timezone.utc) if published else PUBLISHED


def test_case_table_is_large_enough() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:60] for case in CASES])
def test_date_cases(case: dict) -> None:
    found = [summarise(mention) for mention in find_dates(as_sentence(case["text"]), published_of(case))]
    expected = expected_rows(case)
    if case.get("exact", True):
        assert found == expected
    else:
        for row in expected:
            assert row in found


def test_spans_are_document_offsets() -> None:
    document = "Markets were calm. Ministers met on Friday and again in March 2024."
    sentence = split_sentences(document)[1]
    mentions = find_dates(sentence, PUBLISHED)
    assert [mention.surface for mention in mentions] == ["Friday", "March 2024"]
    for mention in mentions:
        assert document[mention.start:mention.end] == mention.surface


def test_without_publication_date_relative_dates_keep_span_and_rule() -> None:
    mentions = find_dates(as_sentence("Last week the index fell, after a rally in February 2022."), None)
    assert [(m.surface, m.date_start, m.year, m.rule) for m in mentions] == [
        ("Last week", None, None, "date.relative.relative_unit"),
        ("February 2022", date(2022, 2, 1), 2022, "date.absolute.month_year"),
    ]


def test_rules_and_years() -> None:
    mentions = find_dates(as_sentence("Last August and in the 1990s and in recent weeks"), PUBLISHED)
    assert [(m.rule, m.year) for m in mentions] == [
        ("date.relative.relative_month", 2024),
        ("date.absolute.decade", None),  # a decade spans several years
        ("date.unresolved.vague_window", None),
    ]


def test_repeated_sentence_keeps_its_own_offsets() -> None:
    text = "Talks resumed on Friday."
    first, second = find_dates(as_sentence(text, 10), PUBLISHED), find_dates(as_sentence(text, 300), PUBLISHED)
    assert [(m.start, m.surface) for m in first] == [(27, "Friday")]
    assert [(m.start, m.surface) for m in second] == [(317, "Friday")]


def test_whitespace_characters_are_those_of_backslash_s() -> None:
    every_space = "".join(chr(code) for code in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(code)))
    assert WHITESPACE_CHARACTERS == every_space


@pytest.mark.parametrize("pattern, texts", [
    (r"(?:the\s+)?(?P<day>\d\d?)(?:st|nd|rd|th)? (?:of )?May", ["the 3rd of May", "21 May", "the 1 May", "3rd May"]),
    (r"a(?:b(?:c)?)?d", ["ad", "abd", "abcd", "acd"]),
    (r"[)?(]x(?:y)??z", [")xz", "?xyz", "(xz"]),
    (r"(?:\(a\))?b(?=c)?", ["(a)b", "b", "(a)bc"]),
])
def test_compile_fast_matches_like_re_compile(pattern: str, texts: list[str]) -> None:
    fast, plain = compile_fast(pattern), re.compile(pattern)
    for text in texts:
        found, expected = fast.match(text), plain.match(text)
        assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))


def test_seed_dates() -> None:
    raw = SEED.read_text(encoding="utf-8")
    text = normalise(raw.split("---", 2)[2] if raw.startswith("---") else raw)  # without its front matter
    mentions = [m for sentence in split_sentences(text) for m in find_dates(sentence, PUBLISHED)]
    found = {m.surface: (m.date_start, m.date_end) for m in mentions}
    assert found["Last week"] == (date(2025, 1, 20), date(2025, 1, 26))
    assert found["Friday"] == (date(2025, 1, 31), date(2025, 1, 31))
    assert found["Last August"] == (date(2024, 8, 1), date(2024, 8, 31))
    assert found["February 2022"] == (date(2022, 2, 1), date(2022, 2, 28))
    assert found["the past three weeks"] == (date(2025, 1, 11), date(2025, 2, 1))
    assert found["recent months"] == (None, None)
    assert found["recent weeks"] == (None, None)
    assert len(mentions) == 7, [m.surface for m in mentions]  # "three months" is a duration, not a date
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.surface


DATE_WORDS = st.sampled_from([
    "in", "on", "since", "last", "next", "this", "the", "early", "mid-", "late", "May", "March", "Friday",
    "February", "Feb.", "2022", "1990s", "'90s", "24", "3rd", "of", "and", "between", "week", "weekend",
    "years", "ago", "Q1", "H2", "summer", "season", "2023/24", "-", ",", "'s", "yesterday", "recent",
    "the end of", "quarter", "first", "century", "19th", "2019-20", "29", "31", "00",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(DATE_WORDS, max_size=14).map(" ".join)),
       st.integers(min_value=0, max_value=500),
       st.one_of(st.none(), st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2090, 1, 1))))
def test_never_raises_and_spans_match(text: str, offset: int, published: datetime | None) -> None:
    document = "x" * offset + text
    for mention in find_dates(as_sentence(text, offset), published):
        assert document[mention.start:mention.end] == mention.surface
        assert mention.surface
        assert (mention.date_start is None) == (mention.date_end is None)
        if mention.date_start is not None:
            assert mention.date_start <= mention.date_end
