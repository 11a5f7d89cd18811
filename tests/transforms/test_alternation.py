"""Trie alternations: the same hits as a flat alternation sorted longest first."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.alternation import capitalisable, trie_pattern


def _flat(phrases: list[str]) -> str:
    return "|".join(re.escape(phrase) for phrase in sorted(set(phrases), key=len, reverse=True))


@pytest.mark.parametrize(
    ("phrases", "text", "expected"),
    [
        (["km", "kms", "kg"], "kms", "kms"),
        (["seven", "seventeen", "seventy"], "seventeen", "seventeen"),
        (["per cent", "percent"], "per\u00a0cent", "per\u00a0cent"),
        (["a+b", "a.b"], "a.b", "a.b"),
    ],
)
def test_longest_entry_wins(phrases, text, expected):
    pattern = re.compile(trie_pattern(phrases, space=r"[ \u00a0]"))
    assert pattern.match(text).group() == expected


def test_empty_list_matches_nothing():
    assert re.compile(trie_pattern([])).search("anything") is None


def test_capitalisable_adds_a_capital_first_letter():
    assert capitalisable(["three", "half"]) == ["three", "Three", "half", "Half"]


_PHRASES = st.lists(st.text(alphabet="ab -.", min_size=1, max_size=4), min_size=1, max_size=8)
_TEXTS = st.text(alphabet="ab -.", max_size=10)


@settings(max_examples=300, deadline=None)
@given(_PHRASES, _TEXTS, st.sampled_from(["", r"(?![ab])", "b", "$"]))
def test_same_matches_as_flat_alternation(phrases, text, tail):
    flat = re.compile(f"(?:{_flat(phrases)}){tail}")
    trie = re.compile(f"(?:{trie_pattern(phrases)}){tail}")
    for position in range(len(text) + 1):
        expected, found = flat.match(text, position), trie.match(text, position)
        assert (expected and expected.span()) == (found and found.span())
