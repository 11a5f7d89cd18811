"""What a number counts or measures: the noun phrase next to it.

No parser: a noun phrase is a short run of words after the number (or after
"of") that stops at punctuation, function words and verb-like words. Counted
nouns come from ``lexicons/count_nouns.csv``; unknown plurals are counted too,
lemmatised by a simple rule, so "300 drones" works without a lexicon entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from transforms.lexicon import load_csv, load_toml

# Up to four words after a number, each with the spacing before it, one group per word:
# " North Korean soldiers" -> North, Korean, soldiers; " front-line", " Russia's".
_WORD = r"[ \u00a0]+([A-Za-z][A-Za-z'’-]*)"
_NEXT_WORDS = re.compile(f"{_WORD}(?:{_WORD}(?:{_WORD}(?:{_WORD})?)?)?")
# "of" (optionally with a determiner) introducing what a measure is of: " of Russian territory", " of the oil".
_OF_PHRASE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:(?:the|its|their|his|her|our|this|that|these|those)[ \u00a0]+)?")


@dataclass(frozen=True, slots=True)
class CountNoun:
    lemma: str
    category: str | None
    kind: str  # person, thing, or unknown (a plural not in the lexicon)


class NounPhrase(NamedTuple):
    start: int
    end: int
    text: str
    head: str  # last word as written


class CountedPhrase(NamedTuple):
    phrase: NounPhrase
    noun: CountNoun


@dataclass(frozen=True, slots=True)
class PhraseWords:
    function_words: frozenset[str]
    ending_suffixes: tuple[str, ...]
    ending_exceptions: frozenset[str]
    not_plural: frozenset[str]
    count_modifiers: frozenset[str]


@cache
def phrase_words() -> PhraseWords:
    table = load_toml("figure_words")
    return PhraseWords(
        function_words=frozenset(table["function_words"]),
        ending_suffixes=tuple(table["phrase_ending_suffixes"]),
        ending_exceptions=frozenset(table["phrase_ending_exceptions"]),
        not_plural=frozenset(table["not_plural_nouns"]),
        count_modifiers=frozenset(table["count_modifiers"]),
    )


@cache
def count_nouns() -> dict[str, CountNoun]:
    """Plural (and irregular singular) surface, lower-cased -> counted noun."""
    return {
        row["plural"].lower(): CountNoun(row["lemma"], row["category"] or None, row["kind"])
        for row in load_csv("count_nouns")
    }


@cache
def _singular_nouns() -> dict[str, CountNoun]:
    return {noun.lemma.lower(): noun for noun in count_nouns().values()}


def lemmatise(word: str) -> str:
    """Singular of a regular English plural: cities -> city, boxes -> box, homes -> home."""
    known = count_nouns().get(word.lower())
    if known is not None:
        return known.lemma
    if not word[1:].islower():  # "iPhones" -> "iPhone", "MPs" -> "MP": keep the writer's case
        return word[:-1] if word.endswith("s") else word
    lowered = word.lower()
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "y"
    if lowered.endswith(("sses", "ches", "shes", "xes", "zzes")):
        return lowered[:-2]
    if lowered.endswith("s") and not lowered.endswith("ss"):
        return lowered[:-1]
    return lowered


def _is_phrase_break(word: str, words: PhraseWords) -> bool:
    lowered = word.lower()
    if lowered in words.function_words:
        return True
    return lowered.endswith(words.ending_suffixes) and lowered not in words.ending_exceptions


def looks_plural(word: str) -> bool:
    """A plural-looking noun: "drones", "Democrats"; not "has", "this", "class", "bonus"."""
    lowered = word.lower()
    return (
        len(lowered) > 3
        and lowered.endswith("s")
        and not lowered.endswith(("ss", "us", "is", "'s", "’s"))
        and lowered not in phrase_words().not_plural
    )


def _words_after(text: str, position: int, end: int) -> re.Match[str] | None:
    """Up to four words right after ``position``, as the groups of one match."""
    return _NEXT_WORDS.match(text, position, end)


def counted_noun_after(text: str, position: int, end: int, singular: bool = False) -> CountedPhrase | None:
    """The counted noun phrase starting right after a number: " North Korean soldiers" -> soldier.

    Modifiers before the head ("North Korean", "new", "additional") belong to the phrase.
    ``singular`` also accepts a known singular noun ("one soldier").
    """
    match = _words_after(text, position, end)
    if match is None:
        return None
    found = _counted_head(tuple(word for word in match.groups() if word is not None), singular)
    if found is None:
        return None
    index, length, noun = found
    start, stop = match.start(1), match.start(index + 1) + length
    return CountedPhrase(NounPhrase(start, stop, text[start:stop], text[match.start(index + 1) : stop]), noun)


@lru_cache(maxsize=16384)
def _counted_head(words_after: tuple[str, ...], singular: bool) -> tuple[int, int, CountNoun] | None:
    """Which of the words after a number is the counted noun: (its index, its length as kept, the noun)."""
    words = phrase_words()
    nouns = count_nouns()
    generic: tuple[int, int, CountNoun] | None = None  # the first unknown plural, if no listed noun follows
    for index, written in enumerate(words_after):
        word = written.rstrip("'’")
        lowered = word.lower()
        if index + 1 < len(words_after):
            pair = f"{lowered} {words_after[index + 1].lower()}"
            if pair in nouns:
                return index + 1, len(words_after[index + 1]), nouns[pair]
        if lowered in nouns:
            return index, len(word), nouns[lowered]
        if singular and lowered in _singular_nouns():
            return index, len(word), _singular_nouns()[lowered]
        if _is_phrase_break(word, words) and lowered not in words.count_modifiers:
            break
        if generic is None and looks_plural(word) and "-" not in word:
            generic = index, len(word), CountNoun(lemmatise(word), None, "unknown")
    return generic


def noun_phrase_after(text: str, position: int, end: int) -> NounPhrase | None:
    """The noun phrase right after ``position``: " front line, particularly" -> "front line"."""
    match = _words_after(text, position, end)
    if match is None:
        return None
    kept = _phrase_length(tuple(word for word in match.groups() if word is not None))
    if not kept:
        return None
    start, stop = match.start(1), match.end(kept)
    return NounPhrase(start, stop, text[start:stop], match.group(kept))


@lru_cache(maxsize=16384)
def _phrase_length(words_after: tuple[str, ...]) -> int:
    """How many of the words after a position belong to a noun phrase (up to the first break)."""
    words = phrase_words()
    for index, word in enumerate(words_after):
        if _is_phrase_break(word, words):
            return index
    return len(words_after)


def of_phrase_after(text: str, position: int, end: int) -> NounPhrase | None:
    """What a measure is of: " of Russian territory in ..." -> "Russian territory"."""
    match = _OF_PHRASE.match(text, position, end)
    if match is None:
        return None
    return noun_phrase_after(text, match.end() - 1, end) if match.end() > position else None


def counted_noun_of(text: str, position: int, end: int) -> CountedPhrase | None:
    """The counted noun after "of": "thousands of people", "two-thirds of voters"."""
    match = _OF_PHRASE.match(text, position, end)
    if match is None:
        return None
    return counted_noun_after(text, match.end() - 1, end, singular=False)
