"""Which semantic class a figure belongs to: troops, casualties, territory, money, ...

The taxonomy is data (``lexicons/categories.toml``): context rules first (words
just before or after the figure), then the head noun of what is measured, then
the counted noun's own category, then the dimension's default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.alternation import compile_fast, trie_pattern
from transforms.lexicon import load_toml

# The words before a figure, back to the nearest clause break: "offensive in Kursk, seizing" -> "seizing".
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\d")
# Everything up to and including the last clause break: "offensive in Kursk," of "offensive in Kursk, seizing".
_UP_TO_LAST_BREAK = re.compile(r"(?s:.*)[,;:()\[\]—–\d]")
_WINDOW_CHARS = 48
_WORD_START = re.compile(r"\w")
_WORDS_AFTER = 4


@dataclass(frozen=True, slots=True)
class ContextRule:
    category: str
    kinds: frozenset[str]
    noun_categories: frozenset[str]
    dimensions: frozenset[str]
    before: re.Pattern[str] | None  # matched at the start of the reversed text before the figure
    after: re.Pattern[str] | None  # must occur in the text after it
    within: tuple[str, ...]  # must occur in the figure's own surface


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The context rules that apply to one kind of figure, with one regex per side over all of them:
    when neither finds a phrase (most figures), no rule needs to be tried one by one."""

    rules: tuple[ContextRule, ...]
    any_before: re.Pattern[str] | None
    any_after: re.Pattern[str] | None
    any_within: tuple[str, ...]


def _before_regex(phrases: list[str]) -> re.Pattern[str] | None:
    r"""A phrase among the last three words before the figure ("seizing" in "... in kursk, seizing").

    Matched at the start of the reversed window, so the regex engine tries one position rather than
    every one: ``\b(?:phrase)\b(?:\s+\S+){0,2}\s*$`` read backwards, with the phrases reversed.
    """
    if not phrases:
        return None
    return compile_fast(rf"\s*(?:\S+\s+(?:\S+\s+)?)?\b(?:{trie_pattern(phrase[::-1] for phrase in phrases)})\b")


def _after_regex(phrases: list[str]) -> re.Pattern[str] | None:
    """A phrase starting a word (or a hyphenated part: "-killed") in the few words after the figure."""
    if not phrases:
        return None
    # Before a word character, "\b" holds exactly where the start of the text or a hyphen would.
    start = r"\b" if all(_WORD_START.match(phrase) for phrase in phrases) else r"(?:^|\b|(?<=-))"
    return compile_fast(rf"{start}(?:{trie_pattern(phrases)})\b")


@cache
def context_rules() -> tuple[ContextRule, ...]:
    return tuple(
        ContextRule(
            category=rule["category"],
            kinds=frozenset(rule.get("kinds", ())),
            noun_categories=frozenset(rule.get("noun_categories", ())),
            dimensions=frozenset(rule.get("dimensions", ())),
            before=_before_regex(rule.get("before", [])),
            after=_after_regex(rule.get("after", [])),
            within=tuple(rule.get("within", ())),
        )
        for rule in load_toml("categories")["context"]
    )


@cache
def rule_set(dimension: str, noun_kind: str | None, noun_category: str | None) -> RuleSet:
    """The context rules, in order, that apply to a figure of this dimension and counted noun."""
    applying = [
        (rule, entry)
        for rule, entry in zip(context_rules(), load_toml("categories")["context"])
        if _applies(rule, dimension, noun_kind, noun_category)
    ]
    before = [phrase for _, entry in applying for phrase in entry.get("before", ())]
    after = [phrase for _, entry in applying for phrase in entry.get("after", ())]
    return RuleSet(
        rules=tuple(rule for rule, _ in applying),
        any_before=_before_regex(before),
        any_after=_after_regex(after),
        any_within=tuple(word for rule, _ in applying for word in rule.within),
    )


def _applies(rule: ContextRule, dimension: str, noun_kind: str | None, noun_category: str | None) -> bool:
    return (
        dimension in rule.dimensions
        or (noun_kind is not None and noun_kind in rule.kinds)
        or (noun_kind == "unknown" and "person" in rule.kinds)  # "300 pilgrims killed"
        or (noun_category is not None and noun_category in rule.noun_categories)
    )


@cache
def dimension_defaults() -> dict[str, str]:
    return dict(load_toml("categories")["dimension_defaults"])


@cache
def entity_heads() -> dict[str, str]:
    return dict(load_toml("categories")["entity_heads"])


def window_before(text: str, start: int, floor: int) -> str:
    """Lower-cased text before ``start`` back to a clause break (at most a few words)."""
    piece = text[max(floor, start - _WINDOW_CHARS) : start]
    last_break = _UP_TO_LAST_BREAK.match(piece)
    if last_break:
        piece = piece[last_break.end() :]
    return piece.lower()


def window_after(text: str, end: int, ceiling: int) -> str:
    """Lower-cased text after ``end`` up to a clause break, at most four words
    ("had been killed in" for "1,000 had been killed in just three months")."""
    piece = text[end : min(ceiling, end + _WINDOW_CHARS)]
    stop = _CLAUSE_BREAK.search(piece)
    if stop:
        piece = piece[: stop.start()]
    return " ".join(piece.lower().split()[:_WORDS_AFTER])


def categorise(
    dimension: str,
    noun_kind: str | None,
    noun_category: str | None,
    entity: str | None,
    before: str,
    after: str,
    surface: str = "",
) -> str | None:
    """The figure's category; ``before``/``after`` are the windows around the figure."""
    return _by_context(rule_set(dimension, noun_kind, noun_category), before, after, surface.lower()) or _by_noun(
        dimension, noun_category, entity)


def categorise_span(
    text: str,
    start: int,
    end: int,
    sentence_start: int,
    sentence_end: int,
    dimension: str,
    noun_kind: str | None,
    noun_category: str | None,
    entity: str | None,
) -> str | None:
    """``categorise`` for the figure at ``text[start:end]``, reading its windows only when a rule could use them."""
    rules = rule_set(dimension, noun_kind, noun_category)
    if rules.rules:
        backwards = _backwards_before(text, start, sentence_start) if rules.any_before is not None else ""
        after = window_after(text, end, sentence_end) if rules.any_after is not None else ""
        category = _by_context_backwards(rules, backwards, after, text[start:end].lower())
        if category is not None:
            return category
    return _by_noun(dimension, noun_category, entity)


def _backwards_before(text: str, start: int, floor: int) -> str:
    """``window_before`` reversed, as ``_by_context`` reads it: cut at the first clause break read backwards."""
    backwards = text[max(floor, start - _WINDOW_CHARS) : start].lower()[::-1]
    stop = _CLAUSE_BREAK.search(backwards)
    return backwards[: stop.start()] if stop else backwards


def _by_context(rules: RuleSet, before: str, after: str, surface: str) -> str | None:
    """The first rule with one of its words before, after or within the figure."""
    return _by_context_backwards(rules, before[::-1], after, surface)


def _by_context_backwards(rules: RuleSet, backwards: str, after: str, surface: str) -> str | None:
    """``_by_context`` with the window before the figure read backwards."""
    if not (
        (rules.any_before is not None and rules.any_before.match(backwards) is not None)
        or (rules.any_after is not None and rules.any_after.search(after) is not None)
        or (rules.any_within and any(word in surface for word in rules.any_within))
    ):
        return None
    for rule in rules.rules:
        if (rule.before and rule.before.match(backwards)) or (rule.after and rule.after.search(after)):
            return rule.category
        if any(word in surface for word in rule.within):
            return rule.category
    return None


def _by_noun(dimension: str, noun_category: str | None, entity: str | None) -> str | None:
    if entity:
        heads = entity_heads()
        lowered = entity.lower()
        if lowered in heads:
            return heads[lowered]
        head = lowered.rsplit(" ", 1)[-1]
        if head in heads:
            return heads[head]
    if noun_category:
        return noun_category
    return dimension_defaults().get(dimension)
