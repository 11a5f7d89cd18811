"""The regular expressions that find date expressions in a sentence.

Every word comes from ``lexicons/dates.toml``; this module only knows the
shapes dates take ("24 February 2022", "last week", "the 1990s"). Each shape is
a *rule*: a named group of the combined pattern, tried in the order listed
(most specific first), so ``match.lastgroup`` says which rule matched. Fields
inside a rule are named groups ``<rule>__<field>`` of the same pattern
(``RuleFields`` says where), so one match both finds and reads a date.

An optional cue word before the date ("in", "since", "on", "between") is matched
in the group ``cue`` and kept out of the span; the rules that need one (a bare
year, an ambiguous month such as "May") require it through a conditional group.

Trying every rule at every word would be slow, so a sentence is first scanned
for anchors (``anchor_regex``: a word every date contains, such as "February",
"week" or "2022"); the rules an anchor's kind can belong to (``finder_for``)
are then tried only from the lead words right before it
(``reversed_lead_chain``: "by the end of last" before "year").

Patterns are compiled with ``alternation.compile_fast``, which rewrites optional
groups into alternations the regex engine runs faster; the matches are the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterable

from transforms.alternation import compile_fast
from transforms.gazetteer import words_pattern
from transforms.lexicon import load_toml

_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")


@cache
def lexicon() -> dict[str, Any]:
    return load_toml("dates")


def words(entries: Iterable[str]) -> str:
    """Case-sensitive alternation of ``entries`` (month, weekday and season names)."""
    return words_pattern(entries)


def any_case(entries: Iterable[str]) -> str:
    """Alternation of ``entries`` as written, lower-case, capitalised and upper-case.

    ``any_case(["last"])`` matches "last", "Last" and "LAST". Spelled out rather
    than ``(?i:...)``: the regex engine compares plain characters much faster
    than case-folded ones.
    """
    variants = set()
    for entry in entries:
        lower = entry.lower()
        variants.update((entry, lower, lower[:1].upper() + lower[1:], lower.upper()))
    return words_pattern(variants)


def _building_blocks() -> dict[str, str]:
    dates = lexicon()
    months = dates["months"]
    all_months = [*months["full"], *months["abbreviated"]]
    unambiguous_full = [name for name in months["full"] if name not in months["ambiguous"]]
    return {
        # "February", "Feb.", "Sept" (the full stop only when a number follows: "Feb. 24").
        "month": rf"(?:{words(all_months)})(?!\w)(?:\.(?=\s*\d))?",
        "month_full": rf"(?:{words(months['full'])})(?!\w)",
        "month_unambiguous": rf"(?:{words(unambiguous_full)})(?!\w)",
        "weekday": rf"(?:{words(dates['weekdays']['names'])})(?!\w)",
        "day_part": rf"(?:\s+{any_case(dates['weekdays']['day_parts'])}(?!\w))?",
        "season": rf"(?:{any_case(dates['seasons']['start_month'])})(?!\w)",
        # 1 to 31 with an optional ordinal suffix: "24", "3rd", "01".
        "day": r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?!\w)",
        # A year from 1800 to 2099: "2022", "1998".
        "year": r"(?:18|19|20)\d\d(?![\d\w])",
        # The second year of a range: "2023" or "23" in "2022-23".
        "year_end": r"(?:(?:18|19|20)\d\d|\d\d)(?![\d\w])",
        # The second year of a range: "2023", or "24" right after a hyphen, slash or dash ("2023/24", "2019 – 20").
        "range_year_end": r"(?:(?:18|19|20)\d\d|(?:(?<=[-–/])|(?<=[-–/]\s))\d\d)(?![\d\w])",
        # After a year range, no percentage: "since 1990 to 16%" is a year, then a share.
        "not_percent": r"(?![ \u00a0]*(?:%|[Pp]er[ \u00a0]?[Cc]ent\b))",
        "unit": rf"{any_case(dates['units'])}(?!\w)",
        "count": rf"(?:{any_case(dates['numbers'])}|\d{{1,3}})(?!\w)",
        "vague_count": rf"{any_case(dates['vague_numbers']['words'])}(?!\w)",
        "modifier": rf"{any_case(dates['calendar_modifiers'])}(?!\w)",
        "part": any_case(dates["parts"]),
        "window": rf"{any_case(dates['windows']['openers'])}(?!\w)",
        "vague_window": any_case([*dates["vague_windows"]["past"], *dates["vague_windows"]["future"]]),
        "deictic": rf"{any_case(dates['deictic_days'])}(?!\w)",
        "anaphoric": rf"{any_case(dates['anaphoric'])}(?!\w)",
        "past_offset": any_case(dates["offsets"]["past"]),
        "future_offset": any_case(dates["offsets"]["future"]),
        "within": any_case(dates["within_current"]),
        "quarter_ordinal": any_case(dates["ordinals"]["quarter"]),
        "half_ordinal": any_case(dates["ordinals"]["half"]),
        "century_ordinal": rf"(?:\d\d?(?:st|nd|rd|th)|{any_case(dates['ordinals']['century'])})",
        "sport_season": any_case(dates["sport_seasons"]["nouns"]),
        "year_noun": rf"(?:{any_case(dates['cues']['year_nouns'])}(?!\w)|[A-Z])",
        "the": rf"{_any('the')}\s+",
        "of_year": r"(?:[Oo]f\s+)?",
    }


def _rules(b: dict[str, str]) -> list[tuple[str, str]]:
    """(rule, body) in the order they are tried; each body has an example."""
    weekday_prefix = rf"(?:(?P<weekday>{b['weekday']}),?\s+)?"
    the = b["the"]
    relative_year = rf"(?P<modifier>{_any('this|last|next|the')})\s+{_any('year')}(?!\w)"
    return [
        # 2022-02-24
        ("iso_date", r"(?P<year>(?:18|19|20)\d\d)-(?P<month_number>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"),
        # Thursday 24 February 2022, the 24th of February, 2022
        ("day_month_year", rf"{weekday_prefix}(?:{the})?(?P<day>{b['day']})(?:\s+{_any('of')})?\s+(?P<month>{b['month']}),?\s+(?P<year>{b['year']})"),
        # February 24, 2022; Feb. 24 2022
        ("month_day_year", rf"{weekday_prefix}(?P<month>{b['month']})\s+(?P<day>{b['day']}),?\s+(?P<year>{b['year']})"),
        # 24-26 February 2022
        ("day_range", rf"(?P<day>{b['day']})\s*[-–]\s*(?P<day_last>{b['day']})\s+(?P<month>{b['month']})(?:,?\s+(?P<year>{b['year']}))?"),
        # February 24-26, 2022
        ("month_day_range", rf"(?P<month>{b['month']})\s+(?P<day>{b['day']})\s*[-–]\s*(?P<day_last>{b['day']})(?:,?\s+(?P<year>{b['year']}))?"),
        # 24 Feb, Friday 24 February, the 3rd of March
        ("day_month", rf"{weekday_prefix}(?:{the})?(?P<day>{b['day']})(?:\s+{_any('of')})?\s+(?P<month>{b['month']})(?![-–]?\s*\d)"),
        # Feb. 24, March 3rd (not "May 10,000" nor "June 2.5")
        ("month_day", rf"{weekday_prefix}(?P<month>{b['month']})\s+(?P<day>{b['day']})(?![.,:]\d|\s*[-–%])"),
        # the first quarter of 2025, Q1 2025, the fourth quarter of last year
        ("quarter", rf"(?:(?:{the})?(?P<ordinal>{b['quarter_ordinal']})[\s-]{_any('quarter')}\s+(?:{_any('of')}\s+)?"
                    rf"|Q(?P<number>[1-4])\s*(?:{_any('of')}\s+)?)(?:(?P<year>{b['year']})|{relative_year})"),
        # Q3 (a quarter alone: the most recent one)
        ("quarter_alone", r"Q(?P<number>[1-4])(?!\w)"),
        # the first half of 2024, H2 2023, the second half of the year
        ("half", rf"(?:(?:{the})?(?P<ordinal>{b['half_ordinal']})[\s-]{_any('half')}\s+(?:{_any('of')}\s+)?"
                 rf"|H(?P<number>[12])\s*)(?:(?P<year>{b['year']})|{relative_year})"),
        # the 2023/24 season, 2023-24 campaign
        ("sport_season", rf"(?:{the})?(?P<year>{b['year']})\s*[/–-]\s*(?P<year_end>{b['year_end']})\s+{b['sport_season']}(?!\w)"),
        # summer 2023, the winter of 2022
        ("season_year", rf"(?:{the})?(?P<season>{b['season']})\s+{b['of_year']}(?P<year>{b['year']})"),
        # the 1990s, the early 2000s, mid-1990s, the '90s
        ("decade", rf"(?:{the})?(?P<part>{b['part']})?(?:(?:the\s+)?(?P<decade>(?:1[89]|20)\d0)s|(?<=the\s)['’](?P<decade_short>\d0)s)(?!\w)"),
        # the 20th century, the late nineteenth century
        ("century", rf"(?:{the})?(?P<part>{b['part']})?(?:the\s+)?(?P<ordinal>{b['century_ordinal']})[\s-]{_any('century')}(?!\w)"),
        # mid-2023, early 2024, the end of 2024
        ("part_year", rf"(?P<part>{b['part']})(?P<year>{b['year']})"),
        # late March, mid-March 2020, the end of May
        ("part_month", rf"(?P<part>{b['part']})(?P<month>{b['month_full']})(?:,?\s+(?P<year>{b['year']}))?(?!['’]s)"),
        # February 2022, Feb 2022, March of 2022
        ("month_year", rf"(?P<month>{b['month']})(?:\s+{_any('of')})?,?\s+(?P<year>{b['year']})"),
        # March last year, August of this year
        ("month_relative_year", rf"(?P<month>{b['month_full']})\s+(?:{_any('of')}\s+)?(?P<modifier>{_any('this|last|next')})\s+{_any('year')}(?!\w)"),
        # Last August, next March
        ("relative_month", rf"(?P<modifier>{b['modifier']})\s+(?P<month>{b['month_full']})(?!['’]s)"),
        # last summer, this winter
        ("relative_season", rf"(?P<modifier>{b['modifier']})\s+(?P<season>{b['season']})"),
        # in the summer, during the winter (not "the fall of Kabul")
        ("season_cued", rf"(?(cue){the}(?P<season>{b['season']})(?!\s+{_any('of')}\s)|(?!))"),
        # next Tuesday, last Friday night
        ("relative_weekday", rf"(?P<modifier>{b['modifier']})\s+(?P<weekday>{b['weekday']}){b['day_part']}"),
        # yesterday, tonight, the day before yesterday
        ("deictic", rf"(?P<phrase>{b['deictic']})"),
        # the previous day, a year earlier (relative to another date in the text)
        ("anaphoric", rf"(?P<phrase>{b['anaphoric']})"),
        # the past three weeks, the last year, this past week (not "the last week of March")
        ("window", rf"(?P<opener>{b['window']})\s+(?:(?P<vague>{b['vague_count']})\s+|(?P<count>{b['count']})\s+)?(?P<unit>{b['unit']})(?!\s+{_any('of')}\s)"),
        # recent weeks, the coming months
        ("vague_window", rf"(?P<opener>{b['vague_window']})\s+(?P<unit>{b['unit']})"),
        # earlier this month, later this year
        ("within_current", rf"(?P<side>{b['within']})\s+{_any('this')}\s+(?P<unit>{b['unit']})"),
        # early next year, the end of last month, the start of the week
        ("relative_part", rf"(?P<part>{b['part']})(?P<modifier>{b['modifier']}|{_any('the')})\s+(?P<unit>{b['unit']})"),
        # last week, next month, this year, the coming weekend (not "last week of March")
        ("relative_unit", rf"(?P<modifier>{b['modifier']})\s+(?P<unit>{b['unit']})(?!\s+{_any('of')}\s)"),
        # three weeks ago, a year ago, a few months ago, two years from now, in ten years' time
        ("offset", rf"(?:(?P<vague>{b['vague_count']})\s+|(?P<count>{b['count']})\s+)?(?P<unit>{b['unit']})['’]?\s+"
                   rf"(?:(?P<past>{b['past_offset']})|(?P<future>{b['future_offset']}))(?!\w)"),
        # Friday, Tuesday morning (not "Good Friday")
        ("weekday", rf"{_not_after(lexicon()['weekdays']['not_after'])}(?P<weekday>{b['weekday']}){b['day_part']}"),
        # in March, since May (a cue is required)
        ("month_cued", rf"(?(cue)(?P<month>{b['month_full']})(?!['’]s)|(?!))"),
        # August (unambiguous names, not followed by a capitalised name: "April Jones")
        ("month_bare", rf"(?P<month>{b['month_unambiguous']})(?!\s+[A-Z])"),
        # 2020-2023, 2019–21, between 2020 and 2023, from 2020 to 2023 (not "since 1990 to 16%")
        ("year_range", rf"(?P<year>{b['year']})(?:\s*[-–/]\s*|\s+(?:{_any('to|until|till|through')}|(?(between){_any('and')}|(?!)))\s+)"
                       rf"(?P<year_end>{b['range_year_end']}){b['not_percent']}"),
        # 2022's
        ("year_possessive", rf"(?P<year>{b['year']})(?=['’]s(?!\w))"),
        # the 2024 election, a 2019 study (the span is the year alone)
        ("year_noun", rf"{_any('the|a')}\s+(?P<span>(?P<year>{b['year']}))(?=\s+{b['year_noun']})"),
        # in 2022, since 2019 (a cue is required)
        ("year_cued", rf"(?(cue)(?P<year>{b['year']})|(?!))"),
    ]


def _any(words_joined: str) -> str:
    """``_any("this|last")`` == ``any_case(["this", "last"])``, for the short lists in rule bodies."""
    return any_case(words_joined.split("|"))


def _not_after(words_before: list[str]) -> str:
    """Fixed-width look-behinds: "Good Friday" is not a Friday to resolve."""
    return "".join(f"(?<!{re.escape(word)} )" for word in words_before)


def _combined(rules: str) -> str:
    cues = lexicon()["cues"]
    cue_words = {*cues["month"], *cues["year"], *cues["day"], *cues["coordinating"]} - {"between"}
    return (
        # Not inside a word, a number or an identifier ("F-2022", "v2022", "2,022").
        r"(?<![\w.,/$£€#@'’-])"
        rf"(?:(?P<cue>(?P<between>{_any('between')})|{any_case(cue_words)})\s+)?"
        rf"(?:{rules})"
        # Not followed by more word or number: "2022-style" is not a year.
        r"(?![\w-]|[.,]\d)"
    )


@dataclass(frozen=True, slots=True)
class RuleFields:
    """Where one rule's fields sit in a finder's match: ``match.group(*groups)`` reads them."""

    names: tuple[str, ...]  # "day", "month", "year"
    groups: tuple[int, ...]  # group numbers, in the order of ``names``
    span_group: int | None  # the ``span`` field of a rule that marks its own span ("the 2024 election")


@dataclass(frozen=True, slots=True)
class Finder:
    """A combined pattern over some rules, and where each rule's fields are in its matches."""

    pattern: re.Pattern[str]
    fields: dict[str, RuleFields]


# Groups of a rule that are not fields of its reading.
_NOT_FIELDS = frozenset({"span"})


def _finder(allowed: Iterable[str]) -> Finder:
    """An optional cue word, then the first of the ``allowed`` rules that matches.

    Each rule is one named group, so ``match.lastgroup`` names the rule (it
    closes after the fields inside it); its fields are groups named
    ``<rule>__<field>`` ("day_month__day"), so one match reads the whole date.
    """
    wanted = set(allowed)
    rules = "|".join(
        f"(?P<{rule}>{_NAMED_GROUP.sub(lambda field: f'(?P<{rule}__{field.group(1)}>', body)})"
        for rule, body in _rules(_building_blocks()) if rule in wanted
    )
    pattern = compile_fast(_combined(rules))
    fields: dict[str, list[tuple[str, int]]] = {rule: [] for rule in wanted}
    for name, number in sorted(pattern.groupindex.items(), key=lambda item: item[1]):
        rule, _, field = name.partition("__")
        if field:
            fields[rule].append((field, number))
    return Finder(pattern, {
        rule: RuleFields(
            names=tuple(field for field, _ in entries if field not in _NOT_FIELDS),
            groups=tuple(number for field, number in entries if field not in _NOT_FIELDS),
            span_group=next((number for field, number in entries if field == "span"), None),
        )
        for rule, entries in fields.items()
    })



@cache
def date_finder() -> Finder:
    """All the rules, in order: "a record for January" is read again from "January" with these."""
    return _finder(rule for rule, _ in _rules(_building_blocks()))


# The rules a date can follow, by the kind of its first anchor word: only these
# are tried there ("February" -> the month rules, "week" -> the relative ones).
RULES_BY_ANCHOR = {
    "month": ("day_month_year", "month_day_year", "day_range", "month_day_range", "day_month", "month_day",
              "part_month", "month_year", "month_relative_year", "relative_month", "month_cued", "month_bare"),
    "weekday": ("day_month_year", "month_day_year", "day_month", "month_day", "relative_weekday", "weekday"),
    "season": ("season_year", "relative_season", "season_cued"),
    "unit": ("quarter", "half", "century", "deictic", "anaphoric", "window", "vague_window", "within_current",
             "relative_part", "relative_unit", "offset"),
    "year": ("iso_date", "quarter", "half", "sport_season", "decade", "part_year", "year_range", "year_possessive",
             "year_noun", "year_cued"),
    "day_word": ("deictic", "anaphoric"),
    "code": ("quarter", "quarter_alone", "half"),
    "decade": ("decade",),
}


@cache
def finder_for(anchor_kind: str) -> Finder:
    """The finder restricted to the rules an anchor of this kind can belong to."""
    return _finder(RULES_BY_ANCHOR[anchor_kind])


@cache
def anchor_kind(anchor: str) -> str:
    """"February" -> month, "Friday" -> weekday, "weeks" -> unit, "2022" -> year, "Q1" -> code."""
    dates = lexicon()
    if anchor in dates["months"]["full"] or anchor in dates["months"]["abbreviated"]:
        return "month"
    if anchor in dates["weekdays"]["names"]:
        return "weekday"
    if anchor[0].isdigit():
        return "year"
    if anchor[0] in "'’":
        return "decade"
    if anchor[0] in "QH" and anchor[1:].isdigit():
        return "code"
    if anchor.lower() in dates["seasons"]["start_month"]:
        return "season"
    return "unit" if anchor.lower() in dates["units"] else "day_word"


@cache
def lead_words() -> frozenset[str]:
    """Words that can come before a date's anchor, lower-case: "in", "the", "last", "three", "mid"."""
    dates = lexicon()
    phrases = [
        *dates["cues"]["month"], *dates["cues"]["year"], *dates["cues"]["day"], *dates["cues"]["coordinating"],
        "the", "a", "of", "half", *dates["calendar_modifiers"], *dates["numbers"], *dates["vague_numbers"]["words"],
        *dates["parts"], *dates["windows"]["openers"], *dates["vague_windows"]["past"], *dates["vague_windows"]["future"],
        *dates["deictic_days"], *dates["anaphoric"], *dates["within_current"],
        *dates["ordinals"]["quarter"], *dates["ordinals"]["half"], *dates["ordinals"]["century"],
    ]
    return frozenset(word for phrase in phrases for word in phrase.lower().replace("-", " ").split())


def _anchor_words() -> str:
    dates = lexicon()
    names = [*dates["months"]["full"], *dates["months"]["abbreviated"], *dates["weekdays"]["names"]]
    lower = [*dates["units"], *dates["seasons"]["start_month"], *dates["weekdays"]["day_parts"],
             *(phrase for phrase in dates["deictic_days"] if " " not in phrase)]
    variants = {*names, *(form for word in lower for form in (word, word.capitalize(), word.upper()))}
    codes = [f"{letter}{digit}" for letter in "QH" for digit in "1234"]
    decades = [f"{quote}{digit}" for quote in "'’" for digit in "0123456789"]
    return rf"(?P<anchor>{words_pattern([*variants, *codes, *decades, '18', '19', '20'])})(?![a-z])"


@cache
def anchor_regex() -> re.Pattern[str]:
    """Where a date may be: a word or digits every date expression contains.

    Months, weekdays, seasons, units ("week"), day words ("yesterday"), "Q1",
    "H2", "'90s" and the first digits of a year ("19", "20"), at the start of a
    word. The pattern starts with the character before the word (a space, a
    hyphen in "mid-2023", a bracket), so the regex engine skips from one such
    character to the next in C; a sentence is then only re-read around these
    few places. ``anchor_at_start`` covers a sentence's first word.

    The whitespace characters are listed one by one rather than as ``\s``: the
    engine then tests each character against one table instead of a Unicode
    category, which makes the whole scan faster (the same characters match).
    """
    before_word = re.escape(WHITESPACE_CHARACTERS + "([/\"“‘'’-")
    return compile_fast(rf"[{before_word}]{_anchor_words()}")


# Every character ``\s`` matches in a str pattern (those for which str.isspace() is true):
# ASCII whitespace, the separators U+001C..U+001F, NEL, no-break and typographic spaces.
WHITESPACE_CHARACTERS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


@cache
def anchor_at_start() -> re.Pattern[str]:
    """``anchor_regex`` for the first word of a sentence ("Yesterday, ...")."""
    return compile_fast(_anchor_words())


# Up to this many words before an anchor can belong to its date ("by the end of last year").
LEAD_WORDS_MAX = 6
# A word: "in", "mid" in "mid-2023", "24th", "'90s".
WORD = re.compile(r"[\w'’]+")


@cache
def reversed_lead_chain() -> re.Pattern[str]:
    """Lead words right before an anchor, read backwards through the reversed sentence.

    Matched at the anchor's position in ``text[::-1]``, it covers "by the end of
    last " before "year" (or "24th of " before "February") in one call;
    whatever it covers is where the date may start.
    """
    variants = {form for word in lead_words() for form in (word, word.capitalize(), word.upper())}
    reversed_words = words_pattern(word[::-1] for word in variants)
    # A separator, then a lead word or a day number ("ht42" is "24th" reversed).
    return compile_fast(rf"(?:[ \t\n-]+(?:{reversed_words}|[a-z]{{0,2}}\d{{1,3}})(?![\w'’])){{0,{LEAD_WORDS_MAX}}}")


@cache
def future_cue_regex() -> re.Pattern[str]:
    """"will", "is due", "next": the sentence speaks of what is still to come."""
    return compile_fast(rf"(?<!\w){any_case(lexicon()['future_cues']['words'])}(?!\w)")
