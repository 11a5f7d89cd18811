"""Reading numbers as newspapers write them.

``parse_number("1.5 million") == 1_500_000``. The scanner in ``quantities.py``
finds candidate spans with ``number_pattern()``; this module turns a span's text
into a value. Every word it knows comes from ``lexicons/number_words.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from transforms.alternation import capitalisable, trie_pattern
from transforms.lexicon import load_toml

# Digits as written in news copy: "11,000", "1.5", "1 000" (space-grouped thousands), ".5".
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.])|\d+(?:\.\d+)?|\.\d+"
# A small numeric fraction: "1/2", "3/4" (not "9/11" or "24/7": the denominator is at most 10).
_NUMERIC_FRACTION = r"[1-9]/(?:10|[2-9])(?![\d/])"
# Separators inside a spelled-out number: "twenty-five", "one hundred and six"
# ("and" only after a scale word, so "between two and three" stays two numbers).
_WORD_JOIN = r"(?:[ -]|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))[ ]and[ ])"
# Digits with a separator or decimal point to drop before float(): "11,000", "1 000".
_GROUP_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009 ]")
# Splits a spelled-out number into words: "two hundred and fifty-five" -> two, hundred, and, fifty, five.
_WORD_SPLIT = re.compile(r"[\s-]+")
# Leading digits of a scaled number: "1.5" of "1.5 million", "2" of "2bn".
_LEADING_DIGITS = re.compile(r"[-−+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|\d*\.?\d+)")


@dataclass(frozen=True, slots=True)
class NumberWords:
    cardinals: dict[str, float]
    scales: dict[str, float]
    scale_suffixes: dict[str, float]
    ambiguous_suffixes: dict[str, float]
    fractions: dict[str, float]
    vulgar_fractions: dict[str, float]
    vague_magnitudes: dict[str, float]
    multiples: dict[str, float]


@cache
def number_words() -> NumberWords:
    table = load_toml("number_words")
    return NumberWords(
        cardinals={k: float(v) for k, v in table["cardinals"].items()},
        scales={k: float(v) for k, v in table["scales"].items()},
        scale_suffixes={k: float(v) for k, v in table["scale_suffixes"].items()},
        ambiguous_suffixes={k: float(v) for k, v in table["ambiguous_suffixes"].items()},
        fractions={k: float(v) for k, v in table["fractions"].items()},
        vulgar_fractions={k: float(v) for k, v in table["vulgar_fractions"].items()},
        vague_magnitudes={k: float(v) for k, v in table["vague_magnitudes"].items()},
        multiples={k: float(v) for k, v in table["multiples"].items()},
    )


def _alternation(words: list[str] | set[str] | dict[str, float]) -> str:
    """Regex alternation as a trie: "seventeen" wins over "seven"."""
    return trie_pattern(words)


@cache
def number_pattern() -> str:
    """Regex source for one number expression, with named groups.

    Groups: ``multiple`` ("twice" before "as", "the", "that"...), ``vague`` ("tens of thousands" before "of"), ``fraction`` ("two-thirds",
    "a third", "½", "3/4"), ``words`` ("twenty-five", "a dozen", "half a million"),
    ``digits`` ("11,000", "1.5 million", "3.2bn", "10k").
    """
    lexicon = number_words()
    cardinal = _alternation(lexicon.cardinals)
    scale = _alternation(lexicon.scales)
    word = f"(?:{cardinal}|{scale})"
    first_word = f"(?:{_first_capitalisable(lexicon.cardinals)}|{_first_capitalisable(lexicon.scales)})"
    small = _first_capitalisable({k for k, v in lexicon.cardinals.items() if 0 < v <= 10})
    fraction_word = _alternation(lexicon.fractions)
    plural_fraction = _alternation({k for k in lexicon.fractions if k.endswith("s")})
    counted_by = _first_capitalisable({k for k, v in lexicon.cardinals.items() if 1 < v <= 10})
    vulgar = "".join(lexicon.vulgar_fractions)
    suffix = _alternation(lexicon.scale_suffixes)
    vague = _first_capitalisable(lexicon.vague_magnitudes)
    words = (
        rf"(?:[Hh]alf[ ]an?[ ](?:{scale})\b"  # half a million
        rf"|[Aa]n?[ ](?:{scale})\b(?:{_WORD_JOIN}{word}\b)*"  # a dozen, a hundred thousand
        rf"|{first_word}\b(?:{_WORD_JOIN}(?:{word})\b)*(?:[ ]and[ ]a[ ]half\b(?:[ ](?:{scale})\b)?)?)"  # twenty-five
    )
    fraction = (
        rf"(?:{counted_by}[ -](?:{plural_fraction})\b"  # two-thirds, three quarters: a plural is no ordinal
        rf"|(?:[Aa]n?|{small})[ -](?:{fraction_word})\b"  # a third, one-fifth
        rf"(?=[ ](?:of|to|in|from|by|on|for|and|or|than|since)\b|(?![ ][a-z]))"  # ... but not "a sixth consecutive"
        rf"|[Hh]alf\b(?=[ ](?:of|the)\b|[ ]an?[ ](?!(?:{scale})\b))"  # half of, half the, half an hour
        rf"|\d*[{vulgar}]"  # ½, 2½
        rf"|{_NUMERIC_FRACTION})"  # 3/4
    )
    digits = rf"(?:{_DIGITS})(?:[ \u00a0]?(?:{scale})\b|(?:{suffix})(?![\w]))?"
    # Case-sensitive throughout (a capital only on the first word, as at a sentence start):
    # case-insensitive alternations are several times slower to scan.
    multiple = _first_capitalisable(lexicon.multiples)
    return (
        rf"(?P<multiple>(?<![^\W\d])(?:{multiple})(?=[ ](?:as|the|that|this|its|their|his|her|our|what|more|over)\b))"
        rf"|(?P<vague>(?<![^\W\d])(?:{vague})(?=[ ]of\b))"
        rf"|(?P<fraction>(?<![^\W\d]){fraction})"
        rf"|(?P<words>(?<![^\W\d]){words})"
        rf"|(?P<digits>{digits})"
    )


def _first_capitalisable(words: object) -> str:
    """Alternation where each phrase may start with a capital: "three", "Three", "two", "Two"."""
    return trie_pattern(capitalisable(words))  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def parse_number(text: str) -> float | None:
    """Value of a number expression, or None when it is not one.

    >>> parse_number("11,000"), parse_number("3.2bn"), parse_number("two-thirds")
    (11000.0, 3200000000.0, 0.6666666666666666)
    """
    text = text.strip()
    if not text:
        return None
    lexicon = number_words()
    lowered = text.lower()
    if lowered in lexicon.vague_magnitudes:
        return lexicon.vague_magnitudes[lowered]
    if lowered in lexicon.multiples:
        return lexicon.multiples[lowered]
    if text[0] in "-−+" and len(text) > 1 and (text[1].isdigit() or text[1] == "."):
        value = parse_number(text[1:])
        return None if value is None else (value if text[0] == "+" else -value)
    if text[0].isdigit() or text[0] == ".":
        return _parse_digits(text, lexicon)
    if text[-1] in lexicon.vulgar_fractions:
        return lexicon.vulgar_fractions[text[-1]]
    return _parse_words(lowered, lexicon)


def _parse_digits(text: str, lexicon: NumberWords) -> float | None:
    if text[-1] in lexicon.vulgar_fractions:
        whole = text[:-1]
        return (float(whole) if whole else 0.0) + lexicon.vulgar_fractions[text[-1]]
    if "/" in text:
        numerator, _, denominator = text.partition("/")
        if numerator.isdigit() and denominator.isdigit() and int(denominator):
            return int(numerator) / int(denominator)
        return None
    match = _LEADING_DIGITS.match(text)
    if not match:
        return None
    try:
        value = float(_GROUP_SEPARATORS.sub("", match.group()).replace("−", "-"))
    except ValueError:
        return None
    rest = text[match.end() :].strip()
    if not rest:
        return value
    multiplier = lexicon.scales.get(rest.lower()) or lexicon.scale_suffixes.get(rest)
    if multiplier is None:
        multiplier = lexicon.ambiguous_suffixes.get(rest)
    return None if multiplier is None else value * multiplier


def _parse_words(lowered: str, lexicon: NumberWords) -> float | None:
    tokens = [token for token in _WORD_SPLIT.split(lowered) if token]
    if not tokens:
        return None
    fraction = _parse_fraction_words(tokens, lexicon)
    if fraction is not None:
        return fraction
    total = 0.0
    current = 0.0
    seen = False
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in ("a", "an"):
            current = current or 1.0
        elif token == "and":
            if tokens[index + 1 : index + 3] == ["a", "half"]:
                current += 0.5
                index += 2
        elif token == "half":
            current += 0.5
        elif token in lexicon.cardinals:
            current += lexicon.cardinals[token]
            seen = True
        elif token in lexicon.scales:
            scale = lexicon.scales[token]
            seen = True
            if scale < 1000:
                current = (current or 1.0) * scale
            else:
                total += (current or 1.0) * scale
                current = 0.0
        else:
            return None
        index += 1
    return total + current if seen else None


def _parse_fraction_words(tokens: list[str], lexicon: NumberWords) -> float | None:
    """"two thirds" -> 2/3, "a quarter" -> 0.25, "half" -> 0.5; None when not a fraction."""
    if tokens[-1] not in lexicon.fractions or len(tokens) > 2:
        return None
    part = lexicon.fractions[tokens[-1]]
    if len(tokens) == 1:
        return part if tokens[0] in ("half", "halves") else None
    count = 1.0 if tokens[0] in ("a", "an") else lexicon.cardinals.get(tokens[0])
    return None if count is None else count * part


@lru_cache(maxsize=65536)
def has_scale_word(text: str) -> float | None:
    """The multiplier of a trailing scale word or suffix ("12 million" -> 1e6), else None."""
    lexicon = number_words()
    tail = _WORD_SPLIT.split(text.strip())[-1]
    if tail.lower() in lexicon.scales and tail.lower() != "dozen":
        return lexicon.scales[tail.lower()]
    digits = _LEADING_DIGITS.match(tail)
    if digits and digits.end() < len(tail):
        return lexicon.scale_suffixes.get(tail[digits.end() :])
    return None
