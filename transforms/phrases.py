"""Reading a noun phrase to the left or right of a cue word.

No parser: a noun phrase here is a run of words that are not function words,
ending at punctuation. That is enough for "Western officials revealed" or
"told the BBC", and fast because it only runs around the cue words found.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from itertools import accumulate
from operator import sub

from transforms.lexicon import load_toml
from transforms.records import Sentence

# One token: "U.S." (dotted abbreviation), "11,000" (number), "Russia's", "Jong-un", or one punctuation mark.
_TOKEN = re.compile(
    r"[^\W\d_][\w'’&-]*(?:\.[^\W\d_][\w'’&-]*)*(?:(?<=\.[^\W\d_])\.)?"  # Russia's, Jong-un, U.S., a.m.
    r"|\d[\d,.]*\d%?(?:-\d+)?|\d%?(?:-\d+)?"  # 11,000  3.5  40%  2-0
    r"|\S"  # punctuation
)
# Words joining capitalised parts of one name: "Bank of England", "Institute for the Study of War".
_NAME_JOINERS = frozenset({"of", "for", "de", "du", "la", "al", "von", "van", "the", "and", "&"})


# Punctuation that ends a word without joining it ("forces," "area." "said:"), each a token of its own.
_CLOSING_MARKS = frozenset(",.;:!?)]}\"”")
_find_tokens = _TOKEN.findall
# One token with the whitespace before it, so that the pieces of a sentence tile it end to end.
_PIECE = re.compile(r"\s*(?:" + _TOKEN.pattern + ")")
# Sentences whose tokens were read recently, by object identity: sources and events of one document share them.
_RECENT_LIMIT = 4096
_recent: dict[int, tuple[object, "Tokens"]] = {}


class Tokens:
    """The tokens of one sentence, as parallel lists, with offsets local to the sentence text."""

    __slots__ = ("text", "words", "lowered", "starts", "ends")

    def __init__(self, text: str) -> None:
        self.text = text
        chunks = text.split()
        if sum(map(len, chunks)) + len(chunks) - 1 == len(text):
            self.words, self.starts, self.ends = _chunk_tokens(chunks)
        else:  # a run of several whitespace characters somewhere: read the pieces with the regex
            pieces = _PIECE.findall(text)
            self.words = list(map(str.lstrip, pieces))
            self.ends = list(accumulate(map(len, pieces)))
            self.starts = list(map(sub, self.ends, map(len, self.words)))
        self.lowered = list(map(str.lower, self.words))

    def __len__(self) -> int:
        return len(self.words)

    def index_at(self, position: int) -> int:
        """Index of the first token starting at or after ``position``."""
        return bisect.bisect_left(self.starts, position)

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.starts[first], self.ends[last]

    def surface(self, first: int, last: int) -> str:
        return self.text[self.starts[first]:self.ends[last]]


def _chunk_tokens(chunks: list[str]) -> tuple[list[str], list[int], list[int]]:
    """Tokens, starts and ends of a text whose whitespace-separated ``chunks`` are one character apart.

    A token never holds whitespace and ``_TOKEN`` has a branch for every other character, so each
    chunk is tiled by its tokens: a chunk of letters ("forces") is one token, letters and one closing
    mark ("forces,") are two, and only the rest ("Russia's", "U.S.", "11,000") needs the regex.
    """
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    add_word, add_start, add_end = words.append, starts.append, ends.append
    position = 0
    for chunk in chunks:
        if chunk.isalpha():
            add_word(chunk)
            add_start(position)
            position += len(chunk)
            add_end(position)
        elif chunk[:-1].isalpha() and chunk[-1] in _CLOSING_MARKS:
            add_word(chunk[:-1])
            add_start(position)
            position += len(chunk) - 1
            add_end(position)
            add_word(chunk[-1])
            add_start(position)
            position += 1
            add_end(position)
        else:
            for word in _find_tokens(chunk):
                add_word(word)
                add_start(position)
                position += len(word)
                add_end(position)
        position += 1
    return words, starts, ends


def sentence_tokens(sentence: Sentence) -> Tokens:
    """The tokens of ``sentence``, read once however many extractors ask."""
    key = id(sentence)
    known = _recent.get(key)
    if known is not None and known[0] is sentence:
        return known[1]
    if len(_recent) >= _RECENT_LIMIT:
        _recent.clear()
    tokens = Tokens(sentence.text)
    _recent[key] = (sentence, tokens)
    return tokens


@cache
def _stops() -> frozenset[str]:
    return frozenset(load_toml("attribution")["noun_phrase_stops"])


@cache
def _irregular_participles() -> frozenset[str]:
    return frozenset(load_toml("attribution")["irregular_participles"])


@cache
def determiners() -> frozenset[str]:
    return frozenset(load_toml("attribution")["determiners"])


def _is_word(word: str) -> bool:
    return word[0].isalnum()


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def _is_acronym(word: str) -> bool:
    """"US", "IT", "WHO": all capitals, so never a function word."""
    return len(word) > 1 and word.isupper()


def _joins_names(words: list[str], index: int) -> bool:
    """True for "of" in "Bank of England": a joiner between two capitalised words."""
    if words[index] not in _NAME_JOINERS or index == 0 or index + 1 >= len(words):
        return False
    return _is_capitalised(words[index - 1]) and (
        _is_capitalised(words[index + 1])
        # "Office of the Australian Information Commissioner": "of the" between two capitalised words
        or words[index] == "of" and words[index + 1] == "the" and index + 2 < len(words)
        and words[index + 2][0].isupper()
    ) or (
        words[index] == "the" and index + 1 < len(words) and _is_capitalised(words[index + 1])
        and words[index - 1] in _NAME_JOINERS
    )


def phrase_before(tokens: Tokens, index: int, limit: int = 8) -> tuple[int, int] | None:
    """Token range (first, last) of the noun phrase that ends just before ``index``."""
    words = tokens.words
    lowered = tokens.lowered
    stops = _stops()
    dets = determiners()
    position = index - 1  # the word tried next, walking left
    floor = max(0, index - limit)
    while position >= floor:
        word = words[position]
        if not word[0].isalnum() and not (word == "&" and _joins_names(words, position)):
            break  # punctuation, but not the "&" of "Keller & Moss"
        lower = lowered[position]
        if lower in dets and not (lower == "the" and _joins_names(words, position)
                                  and lowered[position - 1] == "of" and _joins_names(words, position - 1)):
            position -= 1
            break
        if lower in stops and not _is_acronym(word) \
                and not (word[0].isupper() and position > 0 and lower not in _NAME_JOINERS) \
                and not _joins_names(words, position):
            break
        position -= 1
    if position + 1 > index - 1:
        return None
    return position + 1, index - 1


def phrase_after(tokens: Tokens, index: int, limit: int = 8) -> tuple[int, int] | None:
    """Token range (first, last) of the noun phrase that starts at ``index``."""
    words = tokens.words
    lowered = tokens.lowered
    count = len(words)
    stops = _stops()
    dets = determiners()
    participles = _irregular_participles()
    first = index
    if first < count and lowered[first] in dets:
        index += 1
    position = index  # the word tried next, walking right
    ceiling = min(count, first + limit)
    while position < ceiling:
        word = words[position]
        if not word[0].isalnum() and not (word == "&" and _joins_names(words, position)):
            break  # punctuation, but not the "&" of "Keller & Moss"
        if position > index and word.islower() and (word.endswith("ed") or word in participles):
            break  # a participle after the head: "people briefed on the plan", "a filing made public"
        if position > index and lowered[position] in dets and not _joins_names(words, position):
            break  # a new phrase: "told Reuters the group still expected"
        if lowered[position] in stops and not _is_acronym(word) \
                and not (position == first and _is_capitalised(word)) \
                and not _joins_names(words, position):
            break
        position += 1
    if position <= index:
        return None
    return first, position - 1


def strip_determiner(text: str) -> str:
    """``"the spokesperson"`` -> ``"spokesperson"``; names keep their case."""
    head, _, rest = text.partition(" ")
    if rest and head.lower() in determiners():
        return rest
    return text
