"""WordScanner finds exactly what the equivalent whole-text regex finds."""

from __future__ import annotations

import re

import pytest

from transforms.gazetteer import words_pattern
from transforms.text import split_sentences
from transforms.word_scan import WordScanner

ENTRIES = ["said", "according to", "in an interview with", "a report by", "full-scale invasion", "told", "in"]
TEXTS = [
    "The minister said on Monday that, according to police, 40 people were hurt.",
    "Unsaid things: a reporter told us. In an interview with CNN, she SAID so.",
    "Russia's full-scale invasion began in 2022; a full-scale-invasion plan was said-to-be ready.",
    "Naïve voters in Zürich, according to a report by Le Monde, said ‘no’ in İstanbul too.",
    "Café owners said—according to a survey—prices rose. “Told you,” said one.",
    "Nothing to see here.",
]


def regex_hits(text: str) -> list[tuple[int, int]]:
    regex = re.compile(rf"(?<![\w-])(?:{words_pattern(ENTRIES)})(?![\w-])", re.IGNORECASE)
    return [match.span() for match in regex.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_hits_match_the_whole_text_regex(text: str) -> None:
    sentences = split_sentences(text)
    by_sentence = WordScanner(words_pattern(ENTRIES), ENTRIES).sentence_hits(text, sentences)
    found = [(sentence.start + hit.start, sentence.start + hit.end)
             for sentence in sentences for hit in by_sentence.get(sentence.index, [])]
    expected = [span for sentence in sentences
                for span in ((sentence.start + a, sentence.start + b) for a, b in regex_hits(sentence.text))]
    assert found == expected


def test_named_groups_say_which_list_matched() -> None:
    scanner = WordScanner(r"(?P<preposition>according to)|(?P<verb>said)", ["according to", "said"])
    text = "Police said so, according to Reuters."
    hits = scanner.sentence_hits(text, split_sentences(text))[0]
    assert [(text[hit.start:hit.end], hit.group) for hit in hits] == [("said", "verb"), ("according to", "preposition")]
