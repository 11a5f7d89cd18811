"""What a matched date expression means, before the publication date is known.

``read(rule, fields)`` turns the words a rule matched into a ``Reading``: a
granularity plus either a fixed ``Period`` ("February 2022") or an anchor, a
function of the publication date ("last week"). Readings depend only on the
matched words, so they are cached by them; resolving against a publication date
is a few dateutil operations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache, partial
from typing import Callable

from transforms import date_resolution as calendar
from transforms.date_patterns import lexicon
from transforms.date_resolution import Period

Anchor = Callable[..., Period | None]  # anchor(published: date, future: bool)


@dataclass(frozen=True, slots=True)
class Reading:
    granularity: str
    period: Period | None = None  # stated outright
    anchor: Anchor | None = None  # relative to the publication date
    directional: bool = False  # the anchor reads the sentence's tense (past or future)


# Granularities a part ("the end of ...") or a window ("the past ...") can apply to.
_PARTABLE_UNITS = frozenset({"week", "month", "quarter", "year", "decade", "century"})


def _month(name: str) -> int:
    months = lexicon()["months"]
    name = name.rstrip(".")
    return months["full"].get(name) or months["abbreviated"][name]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _lower(words: str) -> str:
    return " ".join(words.lower().split())


def _unit(word: str) -> str:
    return lexicon()["units"][word.lower()]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else lexicon()["numbers"][_lower(word)]


def _modifier(words: str) -> int:
    return lexicon()["calendar_modifiers"][_lower(words)]


def _part(words: str) -> str:
    """"early " -> early, "mid-" -> mid, "the end of " -> late."""
    return {_lower(key): value for key, value in lexicon()["parts"].items()}[_lower(words)]


def _season(word: str) -> tuple[int, int]:
    seasons = lexicon()["seasons"]
    return seasons["start_month"][word.lower()], seasons["length_months"]


def _year_end(first_year: int, text: str) -> int:
    """"2023" -> 2023; "24" after 2023 -> 2024; "00" after 1999 -> 2000."""
    if len(text) == 4:
        return int(text)
    year = first_year // 100 * 100 + int(text)
    return year + 100 if year < first_year else year


# -- one reader per rule: fields -> Reading | None -------------------------------------

def _day_month_year(f: dict[str, str]) -> Reading | None:
    found = calendar.day_period(int(f["year"]), _month(f["month"]), _day(f["day"]))
    return Reading("day", found) if found else None


def _iso_date(f: dict[str, str]) -> Reading | None:
    found = calendar.day_period(int(f["year"]), int(f["month_number"]), int(f["day"]))
    return Reading("day", found) if found else None


def _day_range(f: dict[str, str]) -> Reading | None:
    month, first, last = _month(f["month"]), _day(f["day"]), _day(f["day_last"])
    if last <= first:
        return None
    if "year" in f:
        found = calendar.day_range_period(int(f["year"]), month, first, last)
        return Reading("day", found) if found else None
    start = partial(calendar.month_occurrence, month=month, modifier=None, day=first)
    return Reading("day", anchor=partial(_shifted_range, start=start, days=last - first), directional=True)


def _shifted_range(published: date, future: bool, start: Anchor, days: int) -> Period | None:
    """"24-26 February" without a year: the first day resolved, the last ``days`` later."""
    first = start(published, future)
    if first is None:
        return None
    return calendar.period(first.start, first.start + timedelta(days=days))


def _day_month(f: dict[str, str]) -> Reading | None:
    anchor = partial(calendar.month_occurrence, month=_month(f["month"]), modifier=None, day=_day(f["day"]))
    return Reading("day", anchor=anchor, directional=True)


def _quarter(f: dict[str, str]) -> Reading | None:
    number = int(f["number"]) if "number" in f else lexicon()["ordinals"]["quarter"][f["ordinal"].lower()]
    return _months_of_year(f, "quarter", 3 * number - 2, 3)


def _half(f: dict[str, str]) -> Reading | None:
    number = int(f["number"]) if "number" in f else lexicon()["ordinals"]["half"][f["ordinal"].lower()]
    return _months_of_year(f, "half", 6 * number - 5, 6)


def _months_of_year(f: dict[str, str], granularity: str, first_month: int, months: int) -> Reading:
    if "year" in f:
        year = int(f["year"])
        return Reading(granularity, calendar.months_period(year, first_month, months, year))
    offset = 0 if f["modifier"].lower() in ("this", "the") else _modifier(f["modifier"])
    anchor = partial(calendar.months_of_relative_year, first_month=first_month, months=months, offset=offset)
    return Reading(granularity, anchor=anchor)


def _quarter_alone(f: dict[str, str]) -> Reading | None:
    return Reading("quarter", anchor=partial(calendar.latest_quarter, quarter=int(f["number"])), directional=True)


def _sport_season(f: dict[str, str]) -> Reading | None:
    first = int(f["year"])
    if _year_end(first, f["year_end"]) != first + 1:
        return None
    sport = lexicon()["sport_seasons"]
    return Reading("season", calendar.months_period(first, sport["start_month"], sport["length_months"]))


def _season_year(f: dict[str, str]) -> Reading | None:
    year = int(f["year"])
    return Reading("season", calendar.months_period(year, *_season(f["season"]), year))


def _decade(f: dict[str, str]) -> Reading | None:
    if "decade_short" in f:
        short = int(f["decade_short"])
        first_year = (1900 if short >= 30 else 2000) + short
    else:
        first_year = int(f["decade"])
    part = _part(f["part"]) if "part" in f else None
    return Reading("decade", calendar.part_of(calendar.decade_period(first_year), "decade", part))


def _century(f: dict[str, str]) -> Reading | None:
    ordinal = f["ordinal"].lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else lexicon()["ordinals"]["century"][ordinal]
    part = _part(f["part"]) if "part" in f else None
    found = calendar.part_of(calendar.century_period(number), "century", part)
    return Reading("century", found) if found else None


def _part_year(f: dict[str, str]) -> Reading | None:
    return Reading("year", calendar.part_of(calendar.year_period(int(f["year"])), "year", _part(f["part"])))


def _part_month(f: dict[str, str]) -> Reading | None:
    month, part = _month(f["month"]), _part(f["part"])
    if "year" in f:
        return Reading("month", calendar.part_of(calendar.month_period(int(f["year"]), month), "month", part))
    anchor = partial(calendar.month_occurrence, month=month, modifier=None, part=part)
    return Reading("month", anchor=anchor, directional=True)


def _month_year(f: dict[str, str]) -> Reading | None:
    return Reading("month", calendar.month_period(int(f["year"]), _month(f["month"])))


def _month_relative_year(f: dict[str, str]) -> Reading | None:
    anchor = partial(calendar.month_of_relative_year, month=_month(f["month"]), offset=_modifier(f["modifier"]))
    return Reading("month", anchor=anchor)


def _relative_month(f: dict[str, str]) -> Reading | None:
    anchor = partial(calendar.month_occurrence, month=_month(f["month"]), modifier=_modifier(f["modifier"]))
    return Reading("month", anchor=anchor)


def _month_name(f: dict[str, str]) -> Reading | None:
    anchor = partial(calendar.month_occurrence, month=_month(f["month"]), modifier=None)
    return Reading("month", anchor=anchor, directional=True)


def _relative_season(f: dict[str, str]) -> Reading | None:
    start_month, months = _season(f["season"])
    modifier = _modifier(f["modifier"]) if "modifier" in f else None
    anchor = partial(calendar.season_occurrence, start_month=start_month, months=months, modifier=modifier)
    return Reading("season", anchor=anchor, directional=modifier is None)


def _relative_weekday(f: dict[str, str]) -> Reading | None:
    weekday = lexicon()["weekdays"]["names"][f["weekday"]]
    modifier = _modifier(f["modifier"]) if "modifier" in f else None
    anchor = partial(calendar.weekday_occurrence, weekday=weekday, modifier=modifier)
    return Reading("day", anchor=anchor, directional=modifier is None)


def _deictic(f: dict[str, str]) -> Reading | None:
    days = lexicon()["deictic_days"][_lower(f["phrase"])]
    return Reading("day", anchor=partial(calendar.deictic_day, days=days))


def _anaphoric(f: dict[str, str]) -> Reading | None:
    return Reading(lexicon()["anaphoric"][_lower(f["phrase"])])


def _window(f: dict[str, str]) -> Reading | None:
    unit = _unit(f["unit"])
    if "vague" in f or unit == "day" and "count" not in f:
        return Reading(unit)
    count = _count(f["count"]) if "count" in f else 1
    return Reading(unit, anchor=partial(calendar.window, unit=unit, count=count))


def _vague_window(f: dict[str, str]) -> Reading | None:
    return Reading(_unit(f["unit"]))


def _within_current(f: dict[str, str]) -> Reading | None:
    unit = _unit(f["unit"])
    if unit not in _PARTABLE_UNITS:
        return None
    side = lexicon()["within_current"][f["side"].lower()]
    return Reading(unit, anchor=partial(calendar.within_current, unit=unit, side=side))


def _relative_part(f: dict[str, str]) -> Reading | None:
    unit = _unit(f["unit"])
    if unit not in _PARTABLE_UNITS:
        return None  # "at the end of the day" is an idiom
    offset = 0 if f["modifier"].lower() == "the" else _modifier(f["modifier"])
    return Reading(unit, anchor=partial(calendar.relative_part, unit=unit, offset=offset, part=_part(f["part"])))


def _relative_unit(f: dict[str, str]) -> Reading | None:
    unit = _unit(f["unit"])
    if f["unit"].lower() != unit:  # "next weeks" is not a date
        return None
    return Reading(unit, anchor=partial(calendar.relative_unit, unit=unit, offset=_modifier(f["modifier"])))


def _offset(f: dict[str, str]) -> Reading | None:
    unit = _unit(f["unit"])
    if "count" not in f:
        return Reading(unit)  # "a few weeks ago", "years ago"
    count = _count(f["count"])
    offset = -count if "past" in f else count
    return Reading(unit, anchor=partial(calendar.relative_unit, unit=unit, offset=offset))


def _year_range(f: dict[str, str]) -> Reading | None:
    first = int(f["year"])
    found = calendar.years_period(first, _year_end(first, f["year_end"]))
    return Reading("year", found) if found else None


def _year(f: dict[str, str]) -> Reading | None:
    return Reading("year", calendar.year_period(int(f["year"])))


_READERS: dict[str, Callable[[dict[str, str]], Reading | None]] = {
    "iso_date": _iso_date,
    "day_month_year": _day_month_year,
    "month_day_year": _day_month_year,
    "day_range": _day_range,
    "month_day_range": _day_range,
    "day_month": _day_month,
    "month_day": _day_month,
    "quarter": _quarter,
    "quarter_alone": _quarter_alone,
    "half": _half,
    "sport_season": _sport_season,
    "season_year": _season_year,
    "decade": _decade,
    "century": _century,
    "part_year": _part_year,
    "part_month": _part_month,
    "month_year": _month_year,
    "month_relative_year": _month_relative_year,
    "relative_month": _relative_month,
    "relative_season": _relative_season,
    "season_cued": _relative_season,
    "relative_weekday": _relative_weekday,
    "weekday": _relative_weekday,
    "deictic": _deictic,
    "anaphoric": _anaphoric,
    "window": _window,
    "vague_window": _vague_window,
    "within_current": _within_current,
    "relative_part": _relative_part,
    "relative_unit": _relative_unit,
    "offset": _offset,
    "month_cued": _month_name,
    "month_bare": _month_name,
    "year_range": _year_range,
    "year_possessive": _year,
    "year_noun": _year,
    "year_cued": _year,
}


@lru_cache(maxsize=8192)
def read(rule: str, fields: tuple[tuple[str, str], ...]) -> Reading | None:
    """The meaning of the words ``fields`` matched by ``rule``; None when they name no real date."""
    return _READERS[rule](dict(fields))
