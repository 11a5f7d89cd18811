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

An undirected day, month or season ("in March", "on 25 July") is the last
occurrence by default, the next one after a future cue ("will", "is due"), and
after "until" the one nearest the publication date ("closed until 25 July").

A sentence costs one anchor scan when it holds no date; each date then costs a
short backwards match over its lead words and one finder match, which also
reads its fields. Results are cached by sentence text and publication day, so
repeated lines (bylines, boilerplate) are read once.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache, lru_cache, partial
from typing import NamedTuple

from transforms.date_patterns import (
    WORD, Finder, RuleFields, anchor_at_start, anchor_kind, anchor_regex, date_finder, finder_for, future_cue_regex,
    lexicon, reversed_lead_chain,
)
from transforms.date_readings import Reading, read
from transforms.date_resolution import Period
from transforms.records import Sentence


class DateMention(NamedTuple):
    start: int  # document offsets: sentence.start + offset in the sentence
    end: int
    surface: str  # == document text[start:end]
    date_start: date | None
    date_end: date | None
    year: int | None  # calendar year of the period, stated or resolved; None when unresolvable or several
    granularity: str  # day, week, weekend, month, season, quarter, half, year, decade, century
    rule: str  # "date.absolute.month_year", "date.relative.relative_month", ...


# ``DateMention`` from a tuple of its fields, without the keyword handling of ``DateMention(...)``.
_mention = partial(tuple.__new__, DateMention)

# One mention in sentence offsets: (start, end, surface, date_start, date_end, year, granularity, rule).
_Found = tuple[int, int, str, date | None, date | None, int | None, str, str]

# Rules that are dates only after a cue word, and which cue list each takes.
_CUED_RULES = {"month_cued": "month", "season_cued": "month", "year_cued": "year"}
_WHITESPACE = re.compile(r"\s*")
# Between a date and a coordinated one ("2022 and 2023", "March, or May").
_COORDINATION_GAP = re.compile(r"[\s,]*")
# Past the end of any sentence: no future cue was found.
_NOWHERE = float("inf")


def find_dates(sentence: Sentence, published_at: datetime | None) -> list[DateMention]:
    """Every date expression in ``sentence``, in order, resolved against ``published_at`` when given."""
    found = _sentence_dates(sentence.text, published_at.date() if published_at is not None else None)
    if not found:
        return []
    offset = sentence.start
    return [
        _mention((offset + start, offset + end, surface, date_start, date_end, year, granularity, rule))
        for start, end, surface, date_start, date_end, year, granularity, rule in found
    ]


@lru_cache(maxsize=4096)
def _sentence_dates(text: str, published: date | None) -> tuple[_Found, ...]:
    """The mentions of one sentence text, in sentence offsets."""
    mentions: list[_Found] = []
    previous_end = -1
    future_cue_end = _NOWHERE  # where the sentence's first future cue ends, looked up when first needed
    looked_up = False
    for candidate, finder in _candidates(text):
        accepted = _accept(candidate, finder, previous_end)
        if accepted is None:
            continue
        rule, match, fields = accepted
        values = match.group(*fields.groups) if len(fields.groups) > 1 else (match.group(fields.groups[0]),)
        reading = _reading(rule, fields.names, values)
        if reading is None:
            continue
        start, end = _span(match, fields)
        if reading.directional and published is not None and not looked_up:
            future_cue_end, looked_up = _future_cue_end(text), True
        found = _resolve(reading, published, match, future_cue_end <= start)
        rule_name = f"date.{_kind(reading)}.{rule}"
        if found is None:
            mentions.append((start, end, text[start:end], None, None, None, reading.granularity, rule_name))
        else:
            mentions.append((start, end, text[start:end], found.start, found.end, found.year, reading.granularity,
                             rule_name))
        previous_end = end
    return tuple(mentions)


def _span(match: re.Match[str], fields: RuleFields) -> tuple[int, int]:
    """The date without its cue word; a rule with a ``span`` field ("the 2024 election") marks it itself."""
    if fields.span_group is not None:
        return match.span(fields.span_group)
    if match.start("cue") < 0:
        return match.span()
    return _WHITESPACE.match(match.string, match.end("cue")).end(), match.end()


def _resolve(reading: Reading, published: date | None, match: re.Match[str], after_future_cue: bool) -> Period | None:
    """The stated period, or the relative one counted from the publication date.

    An undirected date ("in March", "on 25 July") is the next occurrence after a
    future cue ("will", "is due"), the nearest one after "until", else the last one.
    """
    if reading.period is not None or reading.anchor is None or published is None:
        return reading.period
    if not reading.directional:
        return _anchored(reading, published, False)
    if after_future_cue:
        return _anchored(reading, published, True)
    if _takes_nearest(match):
        return _nearest(reading, published)
    return _anchored(reading, published, False)


def _candidates(text: str) -> list[tuple[re.Match[str], Finder]]:
    """Finder matches, tried only at the few words before each anchor ("February", "2022", "week")."""
    found: list[tuple[re.Match[str], Finder]] = []
    anchors = list(anchor_regex().finditer(text))
    first = anchor_at_start().match(text)
    if first is not None:
        anchors.insert(0, first)
    if not anchors:
        return found
    backwards = text[::-1]
    length = len(text)
    lead_chain = reversed_lead_chain().match
    read_up_to = 0
    for anchor in anchors:
        anchor_start = anchor.start("anchor")
        if anchor_start < read_up_to:
            continue
        finder = _finder_of(anchor.group("anchor"))
        match = finder.pattern.match
        lead_start = length - lead_chain(backwards, length - anchor_start, length - read_up_to).end()
        candidate = match(text, lead_start)  # most dates start at their first lead word
        if candidate is None and lead_start < anchor_start:
            later_starts = [word.start() for word in WORD.finditer(text, lead_start, anchor_start)][1:]
            for start in [*later_starts, anchor_start]:
                candidate = match(text, start)
                if candidate:
                    break
        if candidate:
            found.append((candidate, finder))
            read_up_to = candidate.end()
    return found


@cache
def _finder_of(anchor: str) -> Finder:
    return finder_for(anchor_kind(anchor))


def _accept(
    candidate: re.Match[str], finder: Finder, previous_end: int,
) -> tuple[str, re.Match[str], RuleFields] | None:
    """The rule, its match and where its fields are, once the rule's cue is checked.

    When a cue the rule does not take was read ("a record for January"), the
    date is read again from the word after it.
    """
    rule = candidate.lastgroup
    if _cue_allows(rule, candidate, previous_end):
        return rule, candidate, finder.fields[rule]
    text = candidate.string
    retry_finder = date_finder()
    retry = retry_finder.pattern.match(text, _WHITESPACE.match(text, candidate.end("cue")).end())
    if retry is None or retry.start("cue") >= 0:
        return None
    return _accept(retry, retry_finder, previous_end)


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


@lru_cache(maxsize=8192)
def _reading(rule: str, names: tuple[str, ...], values: tuple[str | None, ...]) -> Reading | None:
    return read(rule, tuple((name, value) for name, value in zip(names, values) if value is not None))


def _future_cue_end(text: str) -> float:
    """Where the sentence's first future cue ("will", "is due") ends; a date after it is still to come."""
    cue = future_cue_regex().search(text)
    return _NOWHERE if cue is None else cue.end()


def _takes_nearest(match: re.Match[str]) -> bool:
    """The date's own cue leaves its direction open: "closed until 25 July"."""
    cue = match.group("cue")
    return cue is not None and " ".join(cue.lower().split()) in _nearest_cues()


@cache
def _nearest_cues() -> frozenset[str]:
    return frozenset(lexicon()["future_cues"]["nearest_after"])


def _nearest(reading: Reading, published: date) -> Period | None:
    """The last or the coming occurrence, whichever is nearer the publication date (the coming one on a tie)."""
    last, coming = _anchored(reading, published, False), _anchored(reading, published, True)
    if last is None or coming is None:
        return coming or last
    days_since = max((published - last.end).days, 0)
    days_until = max((coming.start - published).days, 0)
    return coming if days_until <= days_since else last


@lru_cache(maxsize=8192)
def _anchored(reading: Reading, published: date, future: bool) -> Period | None:
    """A relative reading resolved against one publication date (articles of a day share them).

    None when the period falls off the calendar ("the past 30 centuries" before year 1).
    """
    try:
        return reading.anchor(published, future)
    except (ValueError, OverflowError):
        return None


def _kind(reading: Reading) -> str:
    if reading.period is not None:
        return "absolute"
    return "relative" if reading.anchor is not None else "unresolved"
