"""Dates read against the release's date: relative days, the year, the weekday of a date.

:mod:`.dates` reads what a text writes; this module completes it with what the release's date
says: 本22日 is the 22nd of the release's month, 昨8日 the 8th of the day before's month, a bare
「8日(火)」 the 8th nearest the release; and a weekday written beside a date must be that
date's weekday (in the year the date names, else the one nearest the release).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from translations.checks.dates import DAY, MONTH, WEEKDAY, YEAR, DateMention

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


def resolve(mention: DateMention, release_date: date | None) -> DateMention:
    """Return ``mention`` with the month of a day written without it, from the release's date.

    本22日 and 今22日 are in the release's month, 昨8日 in the month of the day before; a
    bare day is the one nearest the release. Without a release date nothing is added.
    """
    values = mention.values
    if release_date is None or DAY not in values or MONTH in values:
        return mention
    if mention.relative in ("本", "今"):
        month = release_date.month
    elif mention.relative == "昨":
        month = (release_date - timedelta(days=1)).month
    else:
        nearest = _nearest_day(values[DAY], release_date)
        if nearest is None:
            return mention
        month = nearest.month
    return DateMention(
        mention.start, mention.end, {**values, MONTH: month}, mention.spans, mention.relative
    )


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
