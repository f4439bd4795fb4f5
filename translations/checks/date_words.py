"""The words and values dates are read with: the facts a mention states, days written relative
to the release or to another date, Japanese eras, the names of months and weekdays, hours of
the day, and the :class:`DateMention` a text's dates are read into. :mod:`.dates` reads texts
with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

YEAR, MONTH, DAY, WEEKDAY, TIME = "year", "month", "day", "weekday", "time"
# What a mention states, fact by fact: a date, its weekday, a time. Each is compared apart, so
# "11月25日、午後5時" and "November 25, commencing at 5:00 p.m." state the same facts.
DATE, PARTS = "date", ("date", "weekday", "time")
PART = {YEAR: DATE, MONTH: DATE, DAY: DATE, WEEKDAY: "weekday", TIME: "time"}
# A day read relative to the release (本22日 "today, the 22nd", 昨8日 "yesterday, the 8th") or
# to the last date before it (同日 "the same day", 翌日 "the following day", 前日 "the day
# before", 同月25日 "the 25th of the same month"), stored with an atom's values and kept apart
# on the mention. English and Russian phrases read as the Japanese words they translate.
RELATIVE = "relative"
SAME, NEXT, BEFORE, SAME_MONTH = "同", "翌", "前", "同月"
# A day of the month before, of, or after the release's (先月29日, 今月3日, 来月1日).
MONTHS_AWAY = {"先月": -1, "今月": 0, "来月": 1}
# The release's day and the day before it (本日 "today", 昨日 "yesterday"); "today" and
# «сегодня» are also words of a sentence ("the world today"): they render a date, never ask for one.
DAYS_AWAY = {"本日": 0, "昨日": -1}
TODAY = re.compile(r"\b(?:(today)|yesterday)\b(?!'s)|(?<!\w)(?:(сегодня)|вчера)(?!\w)", re.I)


@dataclass(frozen=True)
class DateMention:
    """One date or time expression: its calendar values and where it is in the text."""

    start: int
    end: int
    values: dict = field(hash=False, compare=False)
    # Where each part (DATE, "weekday", "time") is written: what a finding on it points at.
    spans: dict = field(default_factory=dict, hash=False, compare=False)
    # "本", "今" or "昨" for a day written relative to the release's date; "同", "翌", "前" or
    # "同月" for one written relative to the last date before it.
    relative: str = ""

    def span(self, part: str | None = None) -> tuple[int, int]:
        """Return where ``part`` is written (the whole mention when not given or not known)."""
        return self.spans.get(part, (self.start, self.end)) if part else (self.start, self.end)

    def part_values(self, part: str) -> dict:
        """Return the values of one part: year, month and day of the date, or the weekday."""
        return {key: value for key, value in self.values.items() if PART[key] == part}

    def describe(self, part: str | None = None) -> str:
        """Return a language-neutral rendering: 2017-07-07, 07-07, 18:00, weekday 5."""
        values = self.part_values(part) if part else self.values
        parts = []
        if YEAR in values or MONTH in values:
            date = [f"{values[YEAR]:04d}"] if YEAR in values else []
            date += [f"{values[MONTH]:02d}"] if MONTH in values else []
            date += [f"{values[DAY]:02d}"] if DAY in values else []
            parts.append("-".join(date))
        if WEEKDAY in values:
            parts.append(EN_WEEKDAYS[values[WEEKDAY]])
        if TIME in values:
            hour, minute, twelve = values[TIME]
            parts.append(f"{hour:02d}:{minute:02d}" + (" (12h)" if twelve else ""))
        return " ".join(parts)


def today_atoms(text):
    for m in TODAY.finditer(text):
        yield m.start(), m.end(), {RELATIVE: "本日" if m.group(1) or m.group(2) else "昨日"}, True


# Japanese eras and the Gregorian year of their first year (元年).
ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}

EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()
EN_MONTH_ABBREVIATIONS = "Jan Feb Mar Apr May Jun Jul Aug Sept? Oct Nov Dec".split()
EN_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
RU_MONTH_STEMS = "январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр".split()
RU_WEEKDAY_STEMS = "понедельник вторник сред четверг пятниц суббот воскресень".split()
RU_WEEKDAY_SHORT = "пн вт ср чт пт сб вс".split()
JA_WEEKDAYS = "月火水木金土日"


def hour_of_day(hour: int, period: str | None) -> tuple[int, bool]:
    """Return the 24-hour hour and whether it is still ambiguous (a bare 6時 may be 18:00)."""
    if period in ("pm", "午後", "вечера", "дня") and hour < 12:
        return hour + 12, False
    if period in ("am", "午前", "утра", "ночи") and hour == 12:
        return 0, False
    return hour, period is None and hour <= 12


def compatible(wanted: DateMention, found: DateMention, part: str | None = None) -> bool:
    """Tell whether ``found`` renders every calendar value ``wanted`` states (of one part).

    A translation may leave out the year of a month it names ("August 2017" ↔ 「8月下旬」):
    the year of the release goes without saying; it may not name another year. A day read
    without its month (本22日 where the release's date is unknown) agrees with any month.
    """
    values = wanted.part_values(part) if part else wanted.values
    for key, value in values.items():
        other = found.values.get(key)
        if other is None and key == YEAR and MONTH in found.values:
            continue
        if other is None and key == MONTH and DAY in found.values:
            continue  # the month is unknown, not another one
        if other is None:
            return False
        if key == TIME:
            (hour, minute, twelve), (other_hour, other_minute, other_twelve) = value, other
            if minute != other_minute:
                return False
            if hour != other_hour and not (
                (twelve or other_twelve) and hour % 12 == other_hour % 12
            ):
                return False
        elif value != other:
            return False
    return True
