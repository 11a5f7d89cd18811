"""Sentence segmentation keeps offsets exact and does not split at abbreviations or decimals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.text import normalise, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose 3.5% in May. Wages did not.", ["Prices rose 3.5% in May.", "Wages did not."]),
        ("The U.S. economy grew. Mr. Powell spoke.", ["The U.S. economy grew.", "Mr. Powell spoke."]),
        ("Is it over? \"Yes,\" he said. It was!", ["Is it over?", "\"Yes,\" he said.", "It was!"]),
        ("First paragraph without stop\nSecond paragraph.", ["First paragraph without stop", "Second paragraph."]),
        ("Shares of Acme Inc. rose 4%. Rivals fell.", ["Shares of Acme Inc. rose 4%.", "Rivals fell."]),
        ("Dr. J. Smith led the trial. 200 patients joined.", ["Dr. J. Smith led the trial.", "200 patients joined."]),
    ],
)
def test_sentences(text, expected):
    assert [sentence.text for sentence in split_sentences(text)] == expected


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_offsets_always_slice_the_text(text):
    text = normalise(text)
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text and sentence.text.strip() == sentence.text
