"""Date expressions in a sentence, resolved to calendar periods.

``find_dates(sentence, published_at)`` finds the anchors of a sentence (a
month, weekday, season or unit word, a year), tries the patterns of
``date_patterns`` only from the few words before each, and returns every date
expression with its document span, the period it names and the rule that read
it:

    "Last week, officials said ..."      published 2025-02-01 (a Saturday)
    -> DateMention("Last week", 2025-01-20 .. 2025-01-26, granularity "week",
                   rule "date.relative.relative_unit")

Spans leave out the cue word before a date ("on Friday" -> ``Friday``,
"in February 2022" -> ``February 2022``, "between 2020 and 2023" ->
``2020 and 2023``) but keep words that change its meaning ("Last August",
"the past three weeks", "mid-2023", "the 1990s").

Rules are named ``date.<kind>.<shape>``: ``absolute`` when the text states the
period ("February 2022"), ``relative`` when it is counted from the publication
date ("last week", "in March", "Friday"), ``unresolved`` when it is vague
("in recent weeks", "a few years ago") or relative to another date in the text
("the previous day"); unresolved mentions keep their span, with no dates. The
calendar conventions are documented in ``date_resolution``.

A year written alone counts only after a cue ("in 2022", "since 2019"), before
a possessive ("2022's") or between an article and a noun ("the 2024 election");
"May" and "March" count only next to a day or year or after a cue, so "they may
withdraw" and "Theresa May" hold no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from itertools import chain
from typing import Iterator

from transforms.date_patterns import (
    WORD, anchor_at_start, anchor_kind, anchor_regex, date_finder, finder_for, future_cue_regex, lexicon,
    reversed_lead_chain, rule_regex,
)
from transforms.date_readings import Reading, read
from transforms.date_resolution import Period
from transforms.records import Sentence


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # document offsets: sentence.start + offset in the sentence
    end: int
    surface: str  # == document text[start:end]
    date_start: date | None
    date_end: date | None
    year: int | None  # calendar year of the period, stated or resolved; None when unresolvable or several
    granularity: str  # day, week, weekend, month, season, quarter, half, year, decade, century
    rule: str  # "date.absolute.month_year", "date.relative.relative_month", ...


# Rules that are dates only after a cue word, and which cue list each takes.
_CUED_RULES = {"month_cued": "month", "season_cued": "month", "year_cued": "year"}
# Groups of the combined pattern that are not fields of a rule.
_NOT_FIELDS = frozenset({"cue", "between", "span"})
_WHITESPACE = re.compile(r"\s*")
# Between a date and a coordinated one ("2022 and 2023", "March, or May").
_COORDINATION_GAP = re.compile(r"[\s,]*")


def find_dates(sentence: Sentence, published_at: datetime | None) -> list[DateMention]:
    """Every date expression in ``sentence``, in order, resolved against ``published_at`` when given."""
    text = sentence.text
    published = published_at.date() if published_at is not None else None
    mentions: list[DateMention] = []
    previous_end = -1
    for candidate in _candidates(text):
        accepted = _accept(candidate, previous_end)
        if accepted is None:
            continue
        rule, match = accepted
        names = _field_names(rule)
        values = match.group(*names) if len(names) > 1 else (match.group(*names),)
        reading = read(rule, tuple((name, value) for name, value in zip(names, values) if value is not None))
        if reading is None:
            continue
        start, end = _span(rule, match)
        found = _resolve(reading, published, text, start)
        mentions.append(DateMention(
            start=sentence.start + start,
            end=sentence.start + end,
            surface=text[start:end],
            date_start=found.start if found else None,
            date_end=found.end if found else None,
            year=found.year if found else None,
            granularity=reading.granularity,
            rule=f"date.{_kind(reading)}.{rule}",
        ))
        previous_end = end
    return mentions


@cache
def _field_names(rule: str) -> tuple[str, ...]:
    return tuple(name for name in rule_regex(rule).groupindex if name not in _NOT_FIELDS)


@cache
def _marks_span(rule: str) -> bool:
    return "span" in rule_regex(rule).groupindex


def _span(rule: str, match: re.Match[str]) -> tuple[int, int]:
    """The date without its cue word; a rule with a ``span`` field ("the 2024 election") marks it itself."""
    if _marks_span(rule):
        return match.span("span")
    if match.group("cue") is None:
        return match.span()
    return _WHITESPACE.match(match.string, match.end("cue")).end(), match.end()


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Finder matches, tried only at the few words before each anchor ("February", "2022", "week")."""
    backwards = text[::-1]
    read_up_to = 0
    first = anchor_at_start().match(text)
    for anchor in chain([first] if first else [], anchor_regex().finditer(text)):
        anchor_start = anchor.start("anchor")
        if anchor_start < read_up_to:
            continue
        lead = reversed_lead_chain().match(backwards, len(text) - anchor_start, len(text) - read_up_to)
        lead_start = len(text) - lead.end()
        starts = [word.start() for word in WORD.finditer(text, lead_start, anchor_start)]
        finder = finder_for(anchor_kind(anchor.group("anchor")))
        for start in [*starts, anchor_start]:
            found = finder.match(text, start)
            if found:
                yield found
                read_up_to = found.end()
                break


def _accept(candidate: re.Match[str], previous_end: int) -> tuple[str, re.Match[str]] | None:
    """The rule and its field-reading match, once the rule's cue is checked.

    When a cue the rule does not take was read ("a record for January"), the
    date is read again from the word after it.
    """
    text = candidate.string
    rule = candidate.lastgroup
    match = rule_regex(rule).match(text, candidate.start())  # the same match, now with its fields
    if match is None:
        return None
    if _cue_allows(rule, match, previous_end):
        return rule, match
    retry = date_finder().match(text, _WHITESPACE.match(text, match.end("cue")).end())
    if retry is None or retry.group("cue") is not None:
        return None
    return _accept(retry, previous_end)


def _cue_allows(rule: str, match: re.Match[str], previous_end: int) -> bool:
    """A rule that needs a cue gets one of its own list, or "and"/"or" right after another date."""
    cue_list = _CUED_RULES.get(rule)
    if cue_list is None:
        return True
    cue = " ".join(match.group("cue").lower().split())
    if cue in _cue_words(cue_list):
        return True
    gap_start = match.start("cue")
    return (cue in _cue_words("coordinating") and previous_end >= 0
            and _COORDINATION_GAP.fullmatch(match.string, previous_end, gap_start) is not None)


@cache
def _cue_words(cue_list: str) -> frozenset[str]:
    return frozenset(lexicon()["cues"][cue_list])


def _resolve(reading: Reading, published: date | None, text: str, start: int) -> Period | None:
    if reading.period is not None:
        return reading.period
    if reading.anchor is None or published is None:
        return None
    future = reading.directional and future_cue_regex().search(text, 0, start) is not None
    return _anchored(reading, published, future)


@lru_cache(maxsize=8192)
def _anchored(reading: Reading, published: date, future: bool) -> Period | None:
    """A relative reading resolved against one publication date (articles of a day share them)."""
    return reading.anchor(published, future)


def _kind(reading: Reading) -> str:
    if reading.period is not None:
        return "absolute"
    return "relative" if reading.anchor is not None else "unresolved"
