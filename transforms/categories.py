"""Which semantic class a figure belongs to: troops, casualties, territory, money, ...

The taxonomy is data (``lexicons/categories.toml``): context rules first (words
just before or after the figure), then the head noun of what is measured, then
the counted noun's own category, then the dimension's default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.lexicon import load_toml

# The words before a figure, back to the nearest clause break: "offensive in Kursk, seizing" -> "seizing".
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\d")
_WINDOW_CHARS = 48
_WORDS_AFTER = 4


@dataclass(frozen=True, slots=True)
class ContextRule:
    category: str
    kinds: frozenset[str]
    noun_categories: frozenset[str]
    dimensions: frozenset[str]
    before: re.Pattern[str] | None  # must end the text before the figure
    after: re.Pattern[str] | None  # must occur in the text after it
    within: tuple[str, ...]  # must occur in the figure's own surface


def _phrase_regex(phrases: list[str], anchored_end: bool) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    if anchored_end:  # "seizing" as one of the last three words before the figure
        return re.compile(rf"\b(?:{alternation})\b(?:\s+\S+){{0,2}}\s*$")
    return re.compile(rf"(?:^|\b|(?<=-))(?:{alternation})\b")


@cache
def context_rules() -> tuple[ContextRule, ...]:
    return tuple(
        ContextRule(
            category=rule["category"],
            kinds=frozenset(rule.get("kinds", ())),
            noun_categories=frozenset(rule.get("noun_categories", ())),
            dimensions=frozenset(rule.get("dimensions", ())),
            before=_phrase_regex(rule.get("before", []), anchored_end=True),
            after=_phrase_regex(rule.get("after", []), anchored_end=False),
            within=tuple(rule.get("within", ())),
        )
        for rule in load_toml("categories")["context"]
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
    breaks = list(_CLAUSE_BREAK.finditer(piece))
    if breaks:
        piece = piece[breaks[-1].end() :]
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
    surface = surface.lower()
    for rule in context_rules():
        applies = (
            dimension in rule.dimensions
            or (noun_kind is not None and noun_kind in rule.kinds)
            or (noun_kind == "unknown" and "person" in rule.kinds)  # "300 pilgrims killed"
            or (noun_category is not None and noun_category in rule.noun_categories)
        )
        if not applies:
            continue
        if (rule.before and rule.before.search(before)) or (rule.after and rule.after.search(after)):
            return rule.category
        if any(word in surface for word in rule.within):
            return rule.category
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
