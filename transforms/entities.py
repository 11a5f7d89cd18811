"""What a number counts or measures: the noun phrase next to it.

No parser: a noun phrase is a short run of words after the number (or after
"of") that stops at punctuation, function words and verb-like words. Counted
nouns come from ``lexicons/count_nouns.csv``; unknown plurals are counted too,
lemmatised by a simple rule, so "300 drones" works without a lexicon entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from typing import NamedTuple

from transforms.alternation import compile_fast
from transforms.lexicon import load_csv, load_toml

# Up to four words after a number, each with the spacing before it, one group per word:
# " North Korean soldiers" -> North, Korean, soldiers; " front-line", " Russia's".
_WORD = r"[ \u00a0]+([A-Za-z][A-Za-z'’-]*)"
_NEXT_WORDS = compile_fast(f"{_WORD}(?:{_WORD}(?:{_WORD}(?:{_WORD})?)?)?")
# A product or model name after a number, holding digits: " Boeing 737 MAX 10", " Shahed-136", " Leopard 2".
_MODEL_NAME = re.compile(r"[ \u00a0]+[A-Z][\w-]*(?:[ \u00a0]+(?:[A-Z][\w-]*|\d[\w.-]*)){0,5}")
# A counted noun hyphenated to a number as an adjective, before the noun it describes:
# "-seat" of "5,000-seat indoor arena", "-page" of "a 300-page report".
_COMPOUND_NOUN = re.compile(r"-([a-z]{3,})(?=[ \u00a0]+[A-Za-z])")
# "of" (optionally with a determiner) introducing what a measure is of: " of Russian territory", " of the oil".
_SPACES = frozenset(" \u00a0")  # the spaces the patterns here allow between words
_OF_PHRASE = compile_fast(r"[ \u00a0]+of[ \u00a0]+(?:(?:the|its|their|his|her|our|this|that|these|those)[ \u00a0]+)?")


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


# The records above from a tuple of their fields, without the keyword handling of ``NounPhrase(...)``.
_noun_phrase = partial(tuple.__new__, NounPhrase)
_counted_phrase = partial(tuple.__new__, CountedPhrase)


@dataclass(frozen=True, slots=True)
class PhraseWords:
    function_words: frozenset[str]
    ending_suffixes: tuple[str, ...]
    ending_exceptions: frozenset[str]
    not_plural: frozenset[str]
    count_modifiers: frozenset[str]
    participle_prepositions: frozenset[str]
    not_compound_nouns: frozenset[str]


@cache
def phrase_words() -> PhraseWords:
    table = load_toml("figure_words")
    return PhraseWords(
        function_words=frozenset(table["function_words"]),
        ending_suffixes=tuple(table["phrase_ending_suffixes"]),
        ending_exceptions=frozenset(table["phrase_ending_exceptions"]),
        not_plural=frozenset(table["not_plural_nouns"]),
        count_modifiers=frozenset(table["count_modifiers"]),
        participle_prepositions=frozenset(table["participle_prepositions"]),
        not_compound_nouns=frozenset(table["not_compound_nouns"]),
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


def _words_of(match: re.Match[str]) -> tuple[str, ...]:
    """The words a ``_NEXT_WORDS`` match holds: its groups up to the first one left empty."""
    words = match.groups()
    return words[: words.index(None)] if None in words else words


def counted_noun_after(text: str, position: int, end: int, singular: bool = False) -> CountedPhrase | None:
    """The counted noun phrase starting right after a number: " North Korean soldiers" -> soldier.

    Modifiers before the head ("North Korean", "new", "additional") belong to the phrase.
    ``singular`` also accepts a known singular noun ("one soldier").
    """
    match = _NEXT_WORDS.match(text, position, end)
    if match is None:
        return None
    found = _counted_head(_words_of(match), singular)
    if found is None:
        return None
    index, length, noun = found
    start, head_start = match.start(1), match.start(index + 1)
    stop = head_start + length
    return _counted_phrase((_noun_phrase((start, stop, text[start:stop], text[head_start:stop])), noun))


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
            if not _is_participle_modifier(words_after, index, words):
                break
            continue
        if generic is None and "-" not in word and (
            looks_plural(word) or _is_plural_in_is(lowered, words_after[index + 1 :], words)
        ):
            generic = index, len(word), CountNoun(lemmatise(word), None, "unknown")
    return generic


def _is_participle_modifier(words_after: tuple[str, ...], index: int, words: PhraseWords) -> bool:
    """"1,000 pending cases", "200 newly built homes": -ing, -ed and -ly words before a plural head
    modify it (not "450 following talks": a participle that works as a preposition breaks the phrase)."""
    for word in words_after[index:]:
        lowered = word.lower().rstrip("'’")
        if lowered in words.function_words or lowered in words.participle_prepositions:
            return False
        if not _is_phrase_break(word, words):
            return lowered in count_nouns() or looks_plural(word)
    return False


def _is_plural_in_is(lowered: str, rest: tuple[str, ...], words: PhraseWords) -> bool:
    """"two Lamborghinis", "three taxis": a plural in -is ends its phrase ("two tennis courts" does not),
    and is not a singular in -sis or -itis ("crisis", "hepatitis")."""
    if len(lowered) < 5 or not lowered.endswith("is") or lowered.endswith(("sis", "itis", "ais", "eis", "ois", "uis")):
        return False
    return lowered not in words.not_plural and (not rest or _is_phrase_break(rest[0], words))


def compound_counted_noun(text: str, position: int, end: int) -> CountedPhrase | None:
    """A counted noun in a compound adjective: "-seat" of "a 5,000-seat arena" -> seat.
    Its category is left to the context: a "5,000-seat arena" is no election result."""
    if not text.startswith("-", position, end):  # the hyphen comes first: most numbers have none
        return None
    match = _COMPOUND_NOUN.match(text, position, end)
    if match is None:
        return None
    word = match.group(1)
    words = phrase_words()
    if word in words.not_compound_nouns or _is_phrase_break(word, words):
        return None
    known = _singular_nouns().get(word)
    noun = CountNoun(known.lemma if known else word, None, known.kind if known else "unknown")
    return CountedPhrase(NounPhrase(match.start(1), match.end(1), word, word), noun)


def counted_noun_after_name(text: str, position: int, end: int) -> CountedPhrase | None:
    """A counted noun after a model name with digits: " Boeing 737 MAX 10 jets" -> jet, " Leopard 2 tanks"."""
    name = _MODEL_NAME.match(text, position, end)
    if name is None or not any(char.isdigit() for char in name.group()):
        return None
    counted = counted_noun_after(text, name.end(), end)
    if counted is None or counted.phrase.start != _first_letter(text, name.end()):
        return None
    start = _first_letter(text, position)
    phrase = NounPhrase(start, counted.phrase.end, text[start : counted.phrase.end], counted.phrase.head)
    return CountedPhrase(phrase, counted.noun)


def _first_letter(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \u00a0":
        position += 1
    return position


def noun_phrase_after(text: str, position: int, end: int) -> NounPhrase | None:
    """The noun phrase right after ``position``: " front line, particularly" -> "front line"."""
    match = _NEXT_WORDS.match(text, position, end)
    if match is None:
        return None
    kept = _phrase_length(_words_of(match))
    if not kept:
        return None
    start, stop = match.start(1), match.end(kept)
    return _noun_phrase((start, stop, text[start:stop], match.group(kept)))


@lru_cache(maxsize=16384)
def _phrase_length(words_after: tuple[str, ...]) -> int:
    """How many of the words after a position belong to a noun phrase (up to the first break)."""
    words = phrase_words()
    for index, word in enumerate(words_after):
        if _is_phrase_break(word, words):
            return index
    return len(words_after)


def _may_be_of(text: str, position: int, end: int) -> bool:
    """False where ``_OF_PHRASE`` cannot match: no space, or one space and then no "of" (most cases)."""
    if position + 1 >= end or text[position] not in _SPACES:
        return False
    return text[position + 1] in _SPACES or text.startswith("of", position + 1, end)


def of_phrase_after(text: str, position: int, end: int) -> NounPhrase | None:
    """What a measure is of: " of Russian territory in ..." -> "Russian territory"."""
    if not _may_be_of(text, position, end):
        return None
    match = _OF_PHRASE.match(text, position, end)
    if match is None:
        return None
    return noun_phrase_after(text, match.end() - 1, end) if match.end() > position else None


def counted_noun_of(text: str, position: int, end: int) -> CountedPhrase | None:
    """The counted noun after "of": "thousands of people", "two-thirds of voters"."""
    if not _may_be_of(text, position, end):
        return None
    match = _OF_PHRASE.match(text, position, end)
    if match is None:
        return None
    return counted_noun_after(text, match.end() - 1, end, singular=False)
