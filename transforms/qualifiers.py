"""The words just before and after a number that qualify it.

"approximately 11,000" -> approximately; "more than $2bn" -> more_than;
"the past three weeks" -> a period ending now; "between 10 and 12" -> a range.
Words come from ``lexicons/qualifiers.toml`` and ``lexicons/figure_words.toml``.

Looking left is done on the sentence reversed, so each look is one anchored
regex match rather than a search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from functools import cache, lru_cache, partial

from transforms.alternation import compile_fast, trie_pattern
from transforms.lexicon import load_toml

_QUALIFIER_KINDS = ("approximately", "more_than", "at_least", "less_than", "at_most", "up_to")
# The word right before a position, read on reversed text: "11 swodniW" -> "Windows".
_PREVIOUS_WORD_REVERSED = re.compile(r"[ \u00a0]+([\w&.'’#-]+)")


class LeftContext(NamedTuple):
    start: int  # document offset where the qualifying words begin
    qualifier: str | None  # approximately, more_than, ...
    period: str | None  # past or next ("the past three weeks")
    between: bool  # "between 10 and 12"
    from_: bool  # "from 10 to 12" is a change, not a range


# ``LeftContext`` from a tuple of its fields, without the keyword handling of ``LeftContext(...)``.
_left_context = partial(tuple.__new__, LeftContext)


@dataclass(frozen=True, slots=True)
class ReversedSentence:
    """A sentence's text reversed, to read leftwards from a document offset."""

    text: str
    end: int  # document offset of the sentence end

    def index(self, position: int) -> int:
        return self.end - position


def reverse(text: str, start: int, end: int) -> ReversedSentence:
    return ReversedSentence(text[start:end][::-1], end)


def _reversed_alternation(phrases: list[str]) -> str:
    return trie_pattern({p.lower()[::-1] for p in phrases}, space=r"[ \u00a0]+")


@cache
def qualifier_table() -> dict[str, str]:
    """Qualifier phrase (lower-cased) -> qualifier kind."""
    table = load_toml("qualifiers")
    return {phrase.lower(): kind for kind in _QUALIFIER_KINDS for phrase in table[kind]}


@cache
def _left_pattern() -> re.Pattern[str]:
    """Reversed: whitespace, then one of the qualifying phrases, then a word boundary."""
    words = load_toml("figure_words")
    qualifiers = _reversed_alternation(list(qualifier_table()))
    past = _reversed_alternation(words["past_period_leads"])
    upcoming = _reversed_alternation(words["next_period_leads"])
    return compile_fast(
        rf"(?i:[ \u00a0]+(?:(?P<past>(?:{past})(?:[ \u00a0]+eht)?)"
        rf"|(?P<next>(?:{upcoming})(?:[ \u00a0]+eht)?)"
        rf"|(?P<qualifier>{qualifiers})"
        rf"|(?P<between>(?:fo[ \u00a0]+s?ega[ \u00a0]+eht[ \u00a0]+)?neewteb)"  # between (the ages of)
        rf"|(?P<from>morf))(?!\w))"
    )


@cache
def _after_pattern() -> re.Pattern[str]:
    """Words right after a number that qualify it: "500 or so", "1,000-odd", "10,000+"."""
    table = load_toml("qualifiers")["after"]
    alternation = trie_pattern(p.strip() for p in table)
    return compile_fast(rf"(?i:[ \u00a0]?(?P<after>{alternation})(?![\w+]))")


def read_left(reversed_sentence: ReversedSentence, position: int) -> LeftContext:
    """What qualifies the number starting at document offset ``position``."""
    match = _left_pattern().match(reversed_sentence.text, reversed_sentence.end - position)
    if match is None:
        return _left_context((position, None, None, False, False))
    start = reversed_sentence.end - match.end()
    group = match.lastgroup
    if group == "qualifier":
        return _left_context((start, _qualifier_of(match.group("qualifier")), None, False, False))
    if group in ("past", "next"):
        return _left_context((start, None, group, False, False))
    return _left_context((position, None, None, group == "between", group == "from"))


@lru_cache(maxsize=1024)
def _qualifier_of(reversed_phrase: str) -> str | None:
    """The kind of a qualifying phrase as read backwards: "tsael ta" -> at_least."""
    return qualifier_table().get(" ".join(reversed_phrase[::-1].lower().split()))


def read_after(text: str, position: int, end: int) -> tuple[str, int] | None:
    """(qualifier, end offset) for "or so", "-odd", "or more", "+" right after ``position``."""
    if position < end:
        first = text[position]
        if first in " \u00a0" and position + 1 < end:
            first = text[position + 1]
        if first.isascii() and first.lower() not in _after_initials():
            return None  # the pattern is case-insensitive: other letters match only ASCII ones
    match = _after_pattern().match(text, position, end)
    if match is None:
        return None
    return _after_table()[match.group("after").lower()], match.end()


@cache
def _after_initials() -> frozenset[str]:
    """The first characters of the phrases ``read_after`` knows, lower-cased, and the spaces before them."""
    return frozenset({phrase.strip()[:1].lower() for phrase in _after_table()} | {" ", "\u00a0"})


@cache
def _after_table() -> dict[str, str]:
    return load_toml("qualifiers")["after"]


def previous_word(reversed_sentence: ReversedSentence, position: int) -> str | None:
    """The word right before ``position`` ("Windows" for the 11 of "Windows 11")."""
    match = _PREVIOUS_WORD_REVERSED.match(reversed_sentence.text, reversed_sentence.end - position)
    return match.group(1)[::-1] if match else None


def bounds(qualifier: str, value: float) -> tuple[float | None, float | None]:
    """The interval a qualifier implies: over 1,000 -> (1000, None); under 5 -> (None, 5)."""
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most", "up_to"):
        return None, value
    if qualifier == "approximately":
        return value, value
    return value, value
