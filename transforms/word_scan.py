"""Finding the entries of a word list in a text without a regex pass over every character.

A regex such as ``(?<![\\w-])(?:said|according to)(?![\\w-])`` tries every
position of the text. Here the text's words are intersected with the entries'
first words (a C-level set operation); only where a first word occurs is the
regex tried, anchored at that position. The hits are the same, in the same order.

    >>> from transforms.text import split_sentences
    >>> text = "Police said so. It rained, according to Reuters."
    >>> WordScanner(r"(?P<cue>said|according to)", ["said", "according to"]).sentence_hits(
    ...     text, split_sentences(text))
    {0: [Hit(start=7, end=11, group='cue')], 1: [Hit(start=11, end=23, group='cue')]}
"""

from __future__ import annotations

import bisect
import re
from functools import partial
from itertools import accumulate, compress, repeat
from operator import add
from typing import Iterable, NamedTuple, Sequence

from transforms.records import Sentence

# The first run of word characters and hyphens in an entry: "according" in "according to".
_FIRST_RUN = re.compile(r"[\w-]+")


class Hit(NamedTuple):
    start: int
    end: int
    group: str | None  # the named group that matched, if the pattern has any


# ``Hit`` from a (start, end, group) tuple without the keyword handling of ``Hit(...)``.
_new_hit = partial(tuple.__new__, Hit)

# Every byte that is not a lower-case ASCII word character or "-" becomes a space ("?" stands for non-ASCII).
_SEPARATORS = bytes(code if chr(code) in "abcdefghijklmnopqrstuvwxyz0123456789_-" else 32 for code in range(256))


class _TextWords(NamedTuple):
    """One text's lower-cased copy and its words: in order (``pieces``), where each starts, and as a set.

    ``pieces`` is the lower-cased text, separators made spaces, split at every space: a run of
    separators leaves empty pieces, so piece ``i`` starts at ``starts[i]`` in the text.
    """

    lowered: str
    pieces: list[bytes]
    starts: list[int]
    words: frozenset[bytes]


# The words of the last document scanned, for the next scanner over the same text and sentence list (one slot).
_last: list[tuple[object, object, _TextWords | None]] = [(None, None, None)]


def _text_words(text: str, sentences: object) -> _TextWords | None:
    owner, known_text, words = _last[0]
    if owner is sentences and known_text is text and words is not None:
        return words
    lowered = text.lower()
    if len(lowered) != len(text):
        return None  # a character whose lower case is longer ("İ"): offsets would shift
    pieces = lowered.encode("ascii", "replace").translate(_SEPARATORS).split(b" ")
    starts = list(accumulate(map(add, map(len, pieces), repeat(1)), initial=0))
    words = _TextWords(lowered, pieces, starts, frozenset(pieces))
    _last[0] = (sentences, text, words)
    return words


class WordScanner:
    """The hits of ``(?<![\\w-])(?:pattern)(?![\\w-])`` (case-insensitive), found from first words."""

    __slots__ = ("_anchored", "_everywhere", "_first_words")

    def __init__(self, pattern: str, entries: Iterable[str]) -> None:
        self._anchored = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")
        self._everywhere = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
        runs = (_FIRST_RUN.match(entry.lower()) for entry in entries)
        self._first_words = frozenset(run.group().encode("ascii") for run in runs if run)

    def sentence_hits(self, text: str, sentences: Sequence[Sentence]) -> dict[int, list[Hit]]:
        """Sentence index -> its hits (sentence offsets), left to right; the pattern is written in lower case."""
        words = _text_words(text, sentences)
        if words is None:
            return {sentence.index: hits for sentence in sentences if (hits := self._regex_hits(sentence.text))}
        found = self._first_words.intersection(words.words)
        if not found:
            return {}
        starts = [sentence.start for sentence in sentences]
        by_sentence: dict[int, list[Hit]] = {}
        reached = 0
        lowered = words.lowered
        match_at = self._anchored.match
        locate = bisect.bisect_right
        for position in compress(words.starts, map(found.__contains__, words.pieces)):
            if position < reached:
                continue
            match = match_at(lowered, position)
            if match is None:
                continue
            reached = match.end()
            if not starts:
                continue
            sentence = sentences[locate(starts, position) - 1]
            offset = sentence.start
            if not offset <= position < reached <= sentence.end:
                continue
            hits = by_sentence.get(sentence.index)
            if hits is None:
                hits = by_sentence[sentence.index] = []
            hits.append(_new_hit((position - offset, reached - offset, match.lastgroup)))
        return by_sentence

    def _regex_hits(self, text: str) -> list[Hit]:
        return [Hit(*match.span(), match.lastgroup) for match in self._everywhere.finditer(text)]

