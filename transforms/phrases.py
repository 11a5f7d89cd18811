"""Reading a noun phrase to the left or right of a cue word.

No parser: a noun phrase here is a run of words that are not function words,
ending at punctuation. That is enough for "Western officials revealed" or
"told the BBC", and fast because it only runs around the cue words found.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple
from functools import cache

from transforms.lexicon import load_toml

# One token: "U.S." (dotted abbreviation), "11,000" (number), "Russia's", "Jong-un", or one punctuation mark.
_TOKEN = re.compile(
    r"[^\W\d_][\w'’&-]*(?:\.[^\W\d_][\w'’&-]*)*(?:(?<=\.[^\W\d_])\.)?"  # Russia's, Jong-un, U.S., a.m.
    r"|\d[\d,.]*\d%?(?:-\d+)?|\d%?(?:-\d+)?"  # 11,000  3.5  40%  2-0
    r"|\S"  # punctuation
)
# Words joining capitalised parts of one name: "Bank of England", "Institute for the Study of War".
_NAME_JOINERS = frozenset({"of", "for", "de", "du", "la", "al", "von", "van", "the", "and", "&"})


class Token(NamedTuple):
    start: int
    end: int
    text: str


class Tokens:
    """The tokens of one sentence, with offsets local to the sentence text."""

    __slots__ = ("text", "items", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [match.span() for match in _TOKEN.finditer(text)]
        self.items = [Token(start, end, text[start:end]) for start, end in spans]
        self.starts = [start for start, _ in spans]

    def index_at(self, position: int) -> int:
        """Index of the first token starting at or after ``position``."""
        return bisect.bisect_left(self.starts, position)

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.items[first].start, self.items[last].end

    def surface(self, first: int, last: int) -> str:
        start, end = self.span(first, last)
        return self.text[start:end]


@cache
def _stops() -> frozenset[str]:
    return frozenset(load_toml("attribution")["noun_phrase_stops"])


@cache
def determiners() -> frozenset[str]:
    return frozenset(load_toml("attribution")["determiners"])


def _is_word(token: Token) -> bool:
    return token.text[0].isalnum()


def _is_capitalised(token: Token) -> bool:
    return token.text[0].isupper() or token.text[0].isdigit()


def _is_acronym(token: Token) -> bool:
    """"US", "IT", "WHO": all capitals, so never a function word."""
    return len(token.text) > 1 and token.text.isupper()


def _joins_names(tokens: list[Token], index: int) -> bool:
    """True for "of" in "Bank of England": a joiner between two capitalised words."""
    if tokens[index].text not in _NAME_JOINERS or index == 0 or index + 1 >= len(tokens):
        return False
    return _is_capitalised(tokens[index - 1]) and _is_capitalised(tokens[index + 1]) or (
        tokens[index].text == "the" and index + 1 < len(tokens) and _is_capitalised(tokens[index + 1])
        and tokens[index - 1].text in _NAME_JOINERS
    )


def phrase_before(tokens: Tokens, index: int, limit: int = 8) -> tuple[int, int] | None:
    """Token range (first, last) of the noun phrase that ends just before ``index``."""
    items = tokens.items
    last = index - 1
    first = index
    stops = _stops()
    dets = determiners()
    while first - 1 >= 0 and index - first < limit:
        token = items[first - 1]
        lowered = token.text.lower()
        if not _is_word(token):
            break
        if lowered in dets:
            first -= 1
            break
        if lowered in stops and not _is_acronym(token) \
                and not (token.text[0].isupper() and first - 1 > 0 and lowered not in _NAME_JOINERS) \
                and not _joins_names(items, first - 1):
            break
        first -= 1
    if first > last:
        return None
    return first, last


def phrase_after(tokens: Tokens, index: int, limit: int = 8) -> tuple[int, int] | None:
    """Token range (first, last) of the noun phrase that starts at ``index``."""
    items = tokens.items
    stops = _stops()
    first = index
    if first < len(items) and items[first].text.lower() in determiners():
        index += 1
    last = index - 1
    while last + 1 < len(items) and last + 1 - first < limit:
        token = items[last + 1]
        if not _is_word(token):
            break
        if last + 1 > index and token.text.islower() and token.text.endswith("ed"):
            break  # a participle after the head: "people briefed on the plan"
        if token.text.lower() in stops and not _is_acronym(token) \
                and not (_is_capitalised(token) and last + 1 == first) \
                and not _joins_names(items, last + 1):
            break
        last += 1
    if last < index:
        return None
    return first, last


def strip_determiner(text: str) -> str:
    """``"the spokesperson"`` -> ``"spokesperson"``; names keep their case."""
    head, _, rest = text.partition(" ")
    if rest and head.lower() in determiners():
        return rest
    return text
