"""Dates read against the release's date and the dates before them: relative days, the year,
the weekday of a date.

:mod:`.dates` reads what a text writes; this module completes it with what the release's date
says: 本22日 is the 22nd of the release's month, 昨8日 the 8th of the day before's month, a bare
「8日(火)」 the 8th nearest the release; with what the text said before: 同日 ("the same day")
is the last date mentioned before it in the same text (the release's date when none), 翌日 the
day after it, 前日 the day before, 同月25日 the 25th of its month; and a weekday written beside
a date must be that date's weekday (in the year the date names, else the one nearest the
release).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from translations.checks.dates import (
    BEFORE,
    DAY,
    DAYS_AWAY,
    MONTH,
    MONTHS_AWAY,
    NEXT,
    SAME,
    SAME_MONTH,
    WEEKDAY,
    YEAR,
    DateMention,
    find_dates,
)

# How far a day written without its month may be from the release: a month either side.
_NEAREST = (-1, 0, 1)


def _shifted(month: int, year: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index % 12 + 1, index // 12


def _nearest_day(day: int, release_date: date) -> date | None:
    """Return the date of ``day`` (in this, the last or the next month) nearest the release."""
    found = []
    for by in _NEAREST:
        month, year = _shifted(release_date.month, release_date.year, by)
        if day <= calendar.monthrange(year, month)[1]:
            found.append(date(year, month, day))
    return min(found, key=lambda d: abs(d - release_date), default=None)


def _with(mention: DateMention, values: dict) -> DateMention:
    return DateMention(mention.start, mention.end, values, mention.spans, mention.relative)


# The year a date written without one is counted in when nothing says its year (a leap
# year, so that 2月29日 has a day after it); it is never written into a mention.
_ANY_YEAR = 2000


def _after(mention: DateMention, before: date | None) -> DateMention:
    """Return a mention written relative to the last date ``before`` it, as that date says."""
    values, relative = mention.values, mention.relative
    if before is None:
        return mention
    known = before.year != _ANY_YEAR

    def year(day: date) -> dict:
        return {YEAR: day.year} if known else {}

    if DAY in values:
        # 同25日: the 25th of the same month; 翌26日: the 26th, the day after.
        month_of = before + timedelta(days=1) if relative == NEXT else before
        return _with(mention, {**values, **year(month_of), MONTH: month_of.month})
    if relative == SAME_MONTH:
        return _with(mention, {**values, **year(before), MONTH: before.month})
    shift = {SAME: 0, NEXT: 1, BEFORE: -1}[relative]
    day = before + timedelta(days=shift)
    return _with(mention, {**values, **year(day), MONTH: day.month, DAY: day.day})


def resolve(
    mention: DateMention, release_date: date | None, before: date | None = None
) -> DateMention:
    """Return ``mention`` with the date a day written without its month (or without any date)
    names, from the release's date or the last date ``before`` it.

    本22日 and 今22日 are in the release's month, 昨8日 in the month of the day before,
    先月29日 in the month before the release's; a bare day is the one nearest the release;
    同日, 翌日, 前日 and 同月 read against ``before`` (the release's date when not given).
    Without either date nothing is added.
    """
    values = mention.values
    if MONTH in values:
        return mention  # "the following day, November 26": the date is written
    if mention.relative in DAYS_AWAY:
        if release_date is None:
            return mention
        day = release_date + timedelta(days=DAYS_AWAY[mention.relative])
        return _with(mention, {YEAR: day.year, MONTH: day.month, DAY: day.day, **values})
    if mention.relative in (SAME, NEXT, BEFORE, SAME_MONTH):
        return _after(mention, before or release_date)
    if release_date is None or DAY not in values:
        return mention
    if mention.relative in MONTHS_AWAY:
        month, year = _shifted(release_date.month, release_date.year, MONTHS_AWAY[mention.relative])
        return _with(mention, {**values, YEAR: year, MONTH: month})
    if mention.relative in ("本", "今"):
        month = release_date.month
    elif mention.relative == "昨":
        month = (release_date - timedelta(days=1)).month
    else:
        nearest = _nearest_day(values[DAY], release_date)
        if nearest is None:
            return mention
        month = nearest.month
    return _with(mention, {**values, MONTH: month})


def resolve_all(
    mentions, release_date: date | None, before: date | None = None
) -> tuple[list[DateMention], date | None]:
    """Return ``mentions`` (of one text, in order) resolved, each relative one against the
    last full date before it (``before`` at the start, else the release's date), and the
    last full date of the text (``before`` when it names none)."""
    resolved, last = [], before
    anchor = before  # what a relative day reads against: a date of unknown year too
    for mention in mentions:
        mention = resolve(mention, release_date, anchor or release_date)
        resolved.append(mention)
        named = calendar_date(mention, release_date)
        if named is not None:
            last = anchor = named
        elif release_date is None and {MONTH, DAY} <= set(mention.values):
            try:
                anchor = date(mention.values.get(YEAR, _ANY_YEAR), *_month_day(mention))
            except ValueError:
                continue
    return resolved, last


def _month_day(mention: DateMention) -> tuple[int, int]:
    return mention.values[MONTH], mention.values[DAY]


def last_date(texts, language: str, release_date: date | None) -> date | None:
    """Return the last full date ``texts`` (one text's units, in order) name, relative days
    resolved; None when they name none."""
    last = None
    for text in texts:
        _mentions, last = resolve_all(find_dates(text, language), release_date, last)
    return last


def calendar_date(mention: DateMention, release_date: date | None) -> date | None:
    """Return the full date ``mention`` names, its year taken nearest the release if unsaid."""
    values = mention.values
    if MONTH not in values or DAY not in values:
        return None
    if YEAR in values:
        years = [values[YEAR]]
    elif release_date is not None:
        years = [release_date.year + by for by in _NEAREST]
    else:
        return None
    dates = []
    for year in years:
        try:
            dates.append(date(year, values[MONTH], values[DAY]))
        except ValueError:
            continue
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d - release_date) if release_date else timedelta(0))


def wrong_weekday(mention: DateMention, release_date: date | None) -> date | None:
    """Return the date ``mention`` names when the weekday written beside it is not its own."""
    if WEEKDAY not in mention.values:
        return None
    named = calendar_date(mention, release_date)
    if named is None or named.weekday() == mention.values[WEEKDAY]:
        return None
    return named
