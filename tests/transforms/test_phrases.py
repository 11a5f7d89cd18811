"""Tokens: the fast reading by whitespace chunks is the same as the token regex over the whole text."""

from __future__ import annotations

from itertools import accumulate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.phrases import _PIECE, Tokens, phrase_after, phrase_before


def regex_tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    pieces = _PIECE.findall(text)
    words = [piece.lstrip() for piece in pieces]
    ends = list(accumulate(map(len, pieces)))
    return words, [end - len(word) for end, word in zip(ends, words)], ends


@pytest.mark.parametrize("text", [
    "Shares in Tesla fell 8% on Tuesday, Bloomberg reported.",
    "The U.S. Navy said 11,000 troops (about 40%) left at 6 a.m. on 2-0 day.",
    "Russia's army, Kim Jong-un's envoy and the AT&T board: “no comment”!",
    "Two  spaces\tand a tab",
    "Naïve café owners in İstanbul said—again—prices rose.",
    "Pre- and post-war figures differ; ‘Hamas-run’ ministry data (2023-24) show it.",
])
def test_tokens_match_the_regex(text: str) -> None:
    tokens = Tokens(text)
    assert (tokens.words, tokens.starts, tokens.ends) == regex_tokens(text)
    assert all(text[start:end] == word for word, start, end in zip(tokens.words, tokens.starts, tokens.ends))


_CHUNKS = st.lists(st.sampled_from(list("abAB.,;:!?\"'’“”()-&_09%é") + ["U.S.", "a.m.", "11,000", "said"]),
                  min_size=1, max_size=6).map("".join)


@settings(max_examples=500)
@given(st.lists(_CHUNKS, min_size=1, max_size=8), st.sampled_from([" ", "  ", "\n"]))
def test_tokens_match_the_regex_on_any_text(chunks: list[str], separator: str) -> None:
    text = separator.join(chunks).strip()
    tokens = Tokens(text)
    assert (tokens.words, tokens.starts, tokens.ends) == regex_tokens(text)
    assert tokens.lowered == [word.lower() for word in tokens.words]


def test_phrases_around_a_cue() -> None:
    tokens = Tokens("Western officials revealed to the BBC that 300 soldiers died.")
    assert tokens.surface(*phrase_before(tokens, 2)) == "Western officials"
    assert tokens.surface(*phrase_after(tokens, 4)) == "the BBC"
