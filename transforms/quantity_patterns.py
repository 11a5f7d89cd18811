"""What the quantity scanner matches: numbers, the words and units around them, and digits that are no quantity.

``scanner()`` finds one number expression (with a currency sign before it);
``number_candidates`` lists where one may start in a document, so the scanner
is tried only there; ``not_quantity_spans`` sets aside times, phone numbers,
addresses and links. Words come from ``lexicons/figure_words.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.alternation import compile_fast, trie_pattern
from transforms.lexicon import load_toml
from transforms.numbers import number_pattern, number_words
from transforms.units import currency_sign_pattern, unit_pattern

# Spans that hold digits but no quantity. Each branch starts with a digit, "+" or "(": the pattern
# starts with one character class that the regex engine tests in C at each position, ASCII first
# (a range is cheaper to test than the digit category); a look-behind then reads that character again.
_NOT_QUANTITY = compile_fast(
    r"[0-9+(\u0080-\U0010ffff](?<=[\d+(])(?:"
    r"(?<=\d)(?<!\w\d)(?:"  # a digit that starts a word, read on from the digit after it
    r"\d?(?:[:.]\d{2})?[ \u00a0]?(?:[ap]\.?m\b\.?|GMT|BST|UTC|CET|EST|EDT|PST|PDT)"  # 5pm, 10.30am, 9 GMT
    r"|\d?:\d{2}(?::\d{2})?\b"  # 10:30
    r"|\d{2}-\d{3}-\d{4}\b"  # 555-123-4567
    r"|(?<=0)\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}\b"  # 0800 123 4567
    r"|\d*(?:\.\d+){2,}\b"  # version numbers and addresses: 1.2.3, 192.168.0.1
    r"|\d{0,3}/\d{1,4}/\d{1,4}\b|\d{1,3}/\d{1,4}\b|/\d{2,4}\b"  # 01/02/2024, 24/7, 9/11 (not 3/4)
    r"|\d{0,3}[a-z]?(?=(?:[ ][A-Z][a-z]+){1,3}[ ](?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Drive|Place|Square)\b)"  # 10 Downing Street
    r")"
    r"|(?<=\+)\d[\d \-()]{7,}\d"  # +44 20 7946 0958
    r"|(?<=\()\d{2,5}\)[ ]?\d[\d \-]{5,}\d"  # (020) 7946 0958
    r")"
)
# URLs and e-mail addresses, looked for only in sentences with "://", "www." or "@".
_LINK = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+")
# Where a written number can begin: a digit, a currency sign, a minus, a vulgar fraction.
# (A currency code before it, "USD 5", is taken in by searching a few characters back.)
_DIGIT_OR_SIGN = re.compile(r"[\d$£€¥₹₩₽₺₦₴₪₿½⅓⅔¼¾⅕⅖⅗⅘⅛⅜⅝⅞][\d,.]*")
# Something glued to a number that makes it a code: "5G", "4x4", "1990s", "COVID-19's" is fine ("'s" ends it).
GLUED = re.compile(r"[A-Za-z0-9]")
GLUED_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


@dataclass(frozen=True, slots=True)
class ScanWords:
    function_words: frozenset[str]
    identifier_heads: frozenset[str]
    year_prepositions: frozenset[str]
    calendar_words: frozenset[str]
    score_before: frozenset[str]
    score_after: frozenset[str]
    multipliers: frozenset[str]
    change_verbs: frozenset[str]


@cache
def scan_words() -> ScanWords:
    table = load_toml("figure_words")
    return ScanWords(
        function_words=frozenset(table["function_words"]),
        identifier_heads=frozenset(table["identifier_heads"]),
        year_prepositions=frozenset(table["year_prepositions"]),
        calendar_words=frozenset(table["months"]) | frozenset(table["weekdays"]),
        score_before=frozenset(table["score_before"]),
        score_after=frozenset(table["score_after"]),
        multipliers=frozenset(table["multipliers"]),
        change_verbs=frozenset(table["change_verbs"]),
    )



@cache
def signed_number() -> str:
    """One number expression with an optional currency sign and minus before it: "$2bn", "−3", "11,000"."""
    return rf"(?:(?P<currency>{currency_sign_pattern()})[ \u00a0]?)?(?P<minus>[-−](?=[\d.]))?(?:{number_pattern()})"


@cache
def scanner() -> re.Pattern[str]:
    """A number that starts a quantity: not inside a word, a code or the far end of a range ("3-1")."""
    return compile_fast(rf"(?<![\w.,/:@#&$£€¥])(?<!\d[-–]){signed_number()}")


@cache
def unit_regex() -> re.Pattern[str]:
    """A unit right after a number: " km", "%", "-mile", " per cent"."""
    return compile_fast(unit_pattern())


@cache
def word_after() -> re.Pattern[str]:
    """The next word: " people", "-fold"."""
    return re.compile(r"[ \u00a0-]?([A-Za-z]+)")


def unit_follows(text: str, position: int, end: int) -> bool:
    """True when a unit of measure starts at ``position`` (" km", "%", "-mile")."""
    match = unit_regex().match(text, position, end)
    return match is not None and not match.group("unit_attached")



def not_quantity_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Times, phone numbers, addresses, links: digits that are no quantity."""
    return [match.span() for match in _NOT_QUANTITY.finditer(text, start, end)] + link_spans(text, start, end)


def link_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """URLs and e-mail addresses: the only spans ``not_quantity_spans`` finds in a stretch without digits."""
    piece = text[start:end]
    if "@" in piece or "://" in piece or "www." in piece:
        return [match.span() for match in _LINK.finditer(text, start, end)]
    return []


@cache
def _number_word_start() -> re.Pattern[str]:
    """Every word that can start or end a spelled number ("three", "dozen", "thousands", "half"),
    as a trie over lower-cased text; it also finds "ten" in "tennis", which the scanner then rejects."""
    lexicon = number_words()
    words = set(lexicon.cardinals) | set(lexicon.scales) | set(lexicon.fractions) | {"half"}
    words |= {phrase.split()[0] for phrase in lexicon.vague_magnitudes} | set(lexicon.multiples)
    # Not right after an ASCII letter: such a hit is inside a word, which ``number_candidates`` drops
    # anyway (the words are ASCII letters only, so a hit inside a word never hides one at a word start).
    return compile_fast(rf"(?<![a-z])(?:{trie_pattern(words)})")


def number_candidates(text: str) -> list[int]:
    """Where a number may start in a document: each digit run or sign, and each number word at the
    start of a word. (The words are letters only, so a word inside another match is never at a start.)"""
    positions = [match.start() for match in _DIGIT_OR_SIGN.finditer(text)]
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() changed the length: every position is a candidate
        return list(range(len(text)))
    for match in _number_word_start().finditer(lowered):
        at = match.start()
        if not at or not lowered[at - 1].isalpha():
            positions.append(at)
    positions.sort()
    return positions
