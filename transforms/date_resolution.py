"""Calendar arithmetic for date expressions, all of it through dateutil.

Two kinds of function live here:

* period builders for what the text states outright (``month_period(2022, 2)``
  is 2022-02-01 .. 2022-02-28);
* anchors, called as ``anchor(published, future, **reading)`` with the
  publication date, for what the text states relative to it ("last week",
  "in March"). ``future`` is true when the sentence speaks of what is still to
  come ("will", "is due"); undirected names then take the next occurrence
  instead of the most recent one.

Periods and moves are cached by their arguments: the articles of one day share them.

Conventions (news usage, publication date P):
* weeks run Monday to Sunday; "last week" is the whole week before P's week;
  a weekend is the Saturday and Sunday of a week;
* an undirected month, day or season ("in March", "on 24 February", "in the
  summer") is the most recent one that has begun by P (P's own month counts),
  or with a future cue the first one that has not ended before P;
* "last March" is the most recent March strictly before P's month, "next March"
  the first one strictly after it, "this March" the one in P's year;
* "Friday" is the most recent Friday on or before P; "last Friday" strictly
  before, "next Friday" strictly after, "this Friday" the one in P's week;
* "three weeks ago" is the calendar week containing P minus three weeks;
* "the past three weeks" runs from P minus three weeks to P;
* early / mid / late split a period into thirds of its days (week, month),
  months (quarter, half, season, year) or years (decade, century).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from dateutil.relativedelta import relativedelta, weekday as dateutil_weekday

_ONE_DAY = timedelta(days=1)
# How far one step of each unit moves a date.
_STEP = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "weekend": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "half": relativedelta(months=6),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
}
# The sub-unit a part ("early", "mid", "late") of each unit is counted in.
_PART_SUBUNIT = {
    "week": "day", "weekend": "day", "month": "day",
    "quarter": "month", "half": "month", "season": "month", "year": "month",
    "decade": "year", "century": "year",
}


@lru_cache(maxsize=4096)
def shifted(moment: date, unit: str, steps: int) -> date:
    """``moment`` moved by ``steps`` of ``unit``, in dateutil's calendar (31 March less a month is 28 February)."""
    return moment + _STEP[unit] * steps


@lru_cache(maxsize=4096)
def on_weekday(moment: date, weekday: int, nth: int) -> date:
    """The ``nth`` such weekday (Monday is 0) from ``moment``, ``moment`` included: dateutil's weekday move."""
    return moment + relativedelta(weekday=dateutil_weekday(weekday)(nth))


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    year: int | None


def period(start: date, end: date, stated_year: int | None = None) -> Period:
    """A period whose ``year`` is the stated one, else the one year it lies in (None if it spans several)."""
    year = stated_year if stated_year is not None else (start.year if start.year == end.year else None)
    return Period(start, end, year)


# -- what the text states outright ------------------------------------------------

def day_period(year: int, month: int, day: int) -> Period | None:
    try:
        moment = date(year, month, day)
    except ValueError:  # 30 February
        return None
    return period(moment, moment)


def day_range_period(year: int, month: int, first_day: int, last_day: int) -> Period | None:
    first, last = day_period(year, month, first_day), day_period(year, month, last_day)
    if first is None or last is None or last.start < first.start:
        return None
    return period(first.start, last.start)


@cache
def month_period(year: int, month: int) -> Period:
    start = date(year, month, 1)
    return period(start, start + relativedelta(months=1) - _ONE_DAY, year)


@cache
def months_period(year: int, first_month: int, months: int, stated_year: int | None = None) -> Period:
    """``months`` months from ``first_month`` of ``year``: quarters, halves, seasons."""
    start = date(year, first_month, 1)
    return period(start, start + relativedelta(months=months) - _ONE_DAY, stated_year)


def quarter_period(year: int, quarter: int) -> Period:
    return months_period(year, 3 * quarter - 2, 3, year)


def half_period(year: int, half: int) -> Period:
    return months_period(year, 6 * half - 5, 6, year)


def year_period(year: int) -> Period:
    return period(date(year, 1, 1), date(year, 12, 31), year)


def years_period(first_year: int, last_year: int) -> Period | None:
    if last_year <= first_year:
        return None
    return period(date(first_year, 1, 1), date(last_year, 12, 31))


def decade_period(first_year: int) -> Period:
    return period(date(first_year, 1, 1), date(first_year + 9, 12, 31))


def century_period(number: int) -> Period | None:
    """The 20th century is 1901-01-01 .. 2000-12-31."""
    if not 1 <= number <= 22:
        return None
    return period(date(100 * (number - 1) + 1, 1, 1), date(100 * number, 12, 31))


def part_of(whole: Period | None, unit: str, part: str | None) -> Period | None:
    """The early, mid or late third of ``whole``; ``whole`` itself when no part is named."""
    if whole is None or part is None:
        return whole
    subunit = _PART_SUBUNIT[unit]
    count = _count_between(whole.start, whole.end, subunit)
    first, last = {"early": (0, count // 3), "mid": (count // 3, 2 * count // 3), "late": (2 * count // 3, count)}[part]
    start = shifted(whole.start, subunit, first)
    end = shifted(whole.start, subunit, last) - _ONE_DAY
    return Period(start, end, whole.year if whole.year is not None else period(start, end).year)


@lru_cache(maxsize=4096)
def _count_between(start: date, end: date, subunit: str) -> int:
    if subunit == "day":
        return (end - start).days + 1
    span = relativedelta(end + _ONE_DAY, start)
    return span.years * 12 + span.months if subunit == "month" else span.years


# -- what the text states relative to the publication date -------------------------

@lru_cache(maxsize=4096)
def calendar_period(unit: str, moment: date) -> Period:
    """The week, month, quarter ... that contains ``moment``."""
    if unit == "day":
        return period(moment, moment)
    if unit in ("week", "weekend"):
        monday = on_weekday(moment, 0, -1)
        start = monday + timedelta(days=5) if unit == "weekend" else monday
        return period(start, monday + timedelta(days=6))
    if unit == "month":
        return month_period(moment.year, moment.month)
    if unit == "quarter":
        return quarter_period(moment.year, (moment.month - 1) // 3 + 1)
    if unit == "half":
        return half_period(moment.year, (moment.month - 1) // 6 + 1)
    if unit == "year":
        return year_period(moment.year)
    if unit == "decade":
        return decade_period(moment.year // 10 * 10)
    return century_period((moment.year - 1) // 100 + 1)


def relative_unit(published: date, future: bool, unit: str, offset: int) -> Period | None:
    """"last week" (offset -1), "this month" (0), "next year" (1), "three weeks ago" (-3)."""
    return calendar_period(unit, shifted(published, unit, offset))


def relative_part(published: date, future: bool, unit: str, offset: int, part: str) -> Period | None:
    """"early next year", "the end of last month"."""
    return part_of(calendar_period(unit, shifted(published, unit, offset)), unit, part)


def window(published: date, future: bool, unit: str, count: int) -> Period | None:
    """"the past three weeks": from ``count`` units before the publication date to it."""
    if unit == "weekend":
        return relative_unit(published, future, "weekend", -count)
    return period(shifted(published, unit, -count), published)


def within_current(published: date, future: bool, unit: str, side: str) -> Period | None:
    """"earlier this month" (start of the month .. P), "later this year" (P .. end of year)."""
    current = calendar_period(unit, published)
    if side == "before":
        return period(current.start, published)
    return period(published, current.end)


def deictic_day(published: date, future: bool, days: int) -> Period | None:
    """"yesterday" (-1), "today" (0), "tomorrow" (1)."""
    moment = published + timedelta(days=days)
    return period(moment, moment)


def month_occurrence(published: date, future: bool, month: int, modifier: int | None,
                     day: int | None = None, part: str | None = None) -> Period | None:
    """"in March", "last August", "next March", "on 24 February", "late March"."""
    current = (published.year, published.month)
    if modifier == 0:
        year = published.year
    elif modifier == -1:
        year = published.year if month < published.month else published.year - 1
    elif modifier == 1:
        year = published.year if month > published.month else published.year + 1
    elif day is not None:
        year = _day_year(published, future, month, day)
    elif future:
        year = published.year if (published.year, month) >= current else published.year + 1
    else:
        year = published.year if (published.year, month) <= current else published.year - 1
    if year is None:
        return None
    if day is not None:
        return day_period(year, month, day)
    return part_of(month_period(year, month), "month", part)


def _day_year(published: date, future: bool, month: int, day: int) -> int | None:
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if (candidate >= published) if future else (candidate <= published):
            return year
    return None


def month_of_relative_year(published: date, future: bool, month: int, offset: int) -> Period | None:
    """"March last year", "August of this year"."""
    return month_period(published.year + offset, month)


def months_of_relative_year(published: date, future: bool, first_month: int, months: int, offset: int) -> Period | None:
    """"the first quarter of last year", "the second half of the year"."""
    year = published.year + offset
    return months_period(year, first_month, months, year)


def latest_quarter(published: date, future: bool, quarter: int) -> Period | None:
    """"Q3" alone: the most recent third quarter that has begun (or, with a future cue, not ended)."""
    this_year = quarter_period(published.year, quarter)
    if future:
        return this_year if this_year.end >= published else quarter_period(published.year + 1, quarter)
    return this_year if this_year.start <= published else quarter_period(published.year - 1, quarter)


def season_occurrence(published: date, future: bool, start_month: int, months: int, modifier: int | None) -> Period | None:
    """"in the summer", "last winter", "this spring", "next autumn"."""
    seasons = [months_period(year, start_month, months, year) for year in range(published.year - 2, published.year + 2)]
    current = next((season for season in seasons if season.start <= published <= season.end), None)
    begun = [season for season in seasons if season.start <= published]
    ended = [season for season in seasons if season.end < published]
    upcoming = [season for season in seasons if season.start > published]
    if modifier == -1:
        return ended[-1]
    if modifier == 1:
        return upcoming[0]
    if modifier == 0:
        return current or next(season for season in seasons if season.start.year == published.year)
    if future:
        return current or upcoming[0]
    return begun[-1]


def weekday_occurrence(published: date, future: bool, weekday: int, modifier: int | None) -> Period | None:
    """"Friday", "last Friday", "next Tuesday", "this Thursday" (see module conventions)."""
    if modifier == -1:
        moment = on_weekday(published - _ONE_DAY, weekday, -1)
    elif modifier == 1:
        moment = on_weekday(published + _ONE_DAY, weekday, +1)
    elif modifier == 0:
        moment = on_weekday(published, 0, -1) + timedelta(days=weekday)
    elif future:
        moment = on_weekday(published, weekday, +1)
    else:
        moment = on_weekday(published, weekday, -1)
    return period(moment, moment)
