"""Dates, weekdays and times in running text, read as calendar values.

"July 7, 2017", 「平成29年7月7日(金)」 and «7 июля 2017 года» all read as ``{year: 2017,
month: 7, day: 7}``; "6:00 p.m.", 「午後6時」 and «18:00» as the time 18:00. Each language reads
its text into atoms (a year, a month with or without its day, a weekday, a time); atoms that
stand next to each other make one :class:`DateMention`. A bare four-digit number is a year only
beside a month ("December 2016"); alone it stays a number ("in 2016"). 本日 and 昨日 are the
release's day and the day before; "today" and «сегодня» only perhaps a date (they may render
one). The words and values dates are read with are in :mod:`.date_words`; days read
together (ranges, pairs, lists under one month) in :mod:`.date_ranges`. "7/11/2023" is
month first, as American English writes it; «11.07.2023» day first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from translations.checks.date_ranges import day_lists, with_range_ends
from translations.checks.date_words import (  # noqa: F401 (read here and by the checks)
    BEFORE,
    DATE,
    DAY,
    DAYS_AWAY,
    EN_MONTH_ABBREVIATIONS,
    EN_MONTHS,
    EN_WEEKDAYS,
    ERAS,
    JA_WEEKDAYS,
    MONTH,
    MONTHS_AWAY,
    NEXT,
    PART,
    PARTS,
    RELATIVE,
    RU_MONTH_STEMS,
    RU_WEEKDAY_SHORT,
    RU_WEEKDAY_STEMS,
    SAME,
    SAME_MONTH,
    TIME,
    WEEKDAY,
    YEAR,
    DateMention,
    compatible,
    hour_of_day,
    today_atoms,
)
from translations.checks.numbers import KANJI_DIGITS, KANJI_MYRIADS, KANJI_UNITS, kanji_value

_KANJI = "".join((*KANJI_DIGITS, *KANJI_UNITS, *KANJI_MYRIADS))
_JA_NUMBER = rf"(\d{{1,4}}|[{_KANJI}]+)"
# Characters that may stand between two atoms of one date ("July 7, 2017", "7月7日（金）").
_JOINER = re.compile(r"[\s,、，の(（)）]*(?:года?|г\.)?[\s,、，の(（)）]*", re.IGNORECASE)


def _number(text: str) -> int:
    text = unicodedata.normalize("NFKC", text)
    return int(text) if text.isdigit() else kanji_value(text)


_EN_MONTH_NUMBERS = {name[:3]: i + 1 for i, name in enumerate(EN_MONTHS)}
_EN_MONTH = "|".join([*EN_MONTHS, *(f"{name}\\." for name in EN_MONTH_ABBREVIATIONS)])
_EN_DATE = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_EN_MONTH})|({_EN_MONTH})"
    rf"(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![\d:]))?)(?!\w)"
)
_EN_YEAR = re.compile(r"\b(1[6-9]\d\d|2\d\d\d)\b")
_EN_WEEKDAY = re.compile(rf"\b({'|'.join(EN_WEEKDAYS)})\b")
# "(Tue)", "(Thurs.)": an abbreviation is a weekday only in brackets ("Sat", "Sun" are words).
# Outside brackets only with its period and before a month: "Tue., July 11".
_EN_WEEKDAY_SHORT = re.compile(
    r"[(（](Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?[)）]"
    rf"|\b(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.(?=,?\s+(?:{_EN_MONTH})\b)"
)
# "on the 12th": perhaps a day, which may render one ("翌日" as "on the 12th"); ", the 12th,"
# names the day of the words before it ("the next day, the 12th,", 「翌12日」).
_EN_BARE_DAY = re.compile(
    rf"\bon\s+the\s+(\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_EN_MONTH})"
    r"|(?<=,\s)the\s+(\d{1,2})(?:st|nd|rd|th)\b(?=\s*[,.;:)])"
)
_EN_CLOCK = re.compile(
    r"(?<![.:])\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?|\b([01]?\d|2[0-3]):([0-5]\d)\b"
    r"|\b(noon|midnight)\b",
    re.IGNORECASE,
)


# The opening time of a range takes the period of its end: "5:00–6:00 p.m.", "from 5 to 6 p.m.".
_EN_CLOCK_OPENING = re.compile(
    r"(?<![.:\d])\b(\d{1,2})(?::(\d{2}))?(?=\s*(?:[-–—]|to)\s*\d{1,2}(?:[:.]\d{2})?\s*([ap])\.?\s?m\b)",
    re.IGNORECASE,
)


# "the same day", "that same evening", "the following day", "the day before" (alone: "the day
# before the meeting" is relative to an event), "the same month".
_EN_RELATIVE = re.compile(
    r"\b(?:the|that|this)\s+(?:very\s+)?(?:(same)|(following|next)|(previous|preceding))\s+"
    r"(day|morning|afternoon|evening|night|month)\b(?!\s+as\b)"
    r"|\bthe\s+day\s+(before|after)(?=\s*(?:[,.;:)]|$))|\b(?:on|of)\s+(that)\s+day\b",
    re.IGNORECASE,
)


def _en_relative(m):
    if m.group(6):
        return SAME
    if m.group(5):
        return NEXT if m.group(5).lower() == "after" else BEFORE
    if m.group(4).lower() == "month":
        return SAME_MONTH if m.group(1) else None
    return SAME if m.group(1) else NEXT if m.group(2) else BEFORE


def _iso_atoms(text):
    """Read "2023-07-11" and 「2023/7/11」: a year, its month and day."""
    for m in re.finditer(r"(?<![\d\-/])(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d\-/])", text):
        if 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31:
            values = {YEAR: int(m.group(1)), MONTH: int(m.group(3)), DAY: int(m.group(4))}
            yield m.start(), m.end(), values, False


# "7/11/2023": month, day and year in the American order; "25/12/2023" can only be day first.
_EN_SLASHED = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def _en_atoms(text):
    yield from today_atoms(text)
    yield from _iso_atoms(text)
    for m in _EN_SLASHED.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        month, day = (first, second) if first <= 12 else (second, first)
        if 1 <= month <= 12 and 1 <= day <= 31:
            yield m.start(), m.end(), {YEAR: int(m.group(3)), MONTH: month, DAY: day}, False
    for m in _EN_RELATIVE.finditer(text):
        relative = _en_relative(m)
        if relative:
            yield m.start(), m.end(), {RELATIVE: relative}, False
    for m in _EN_DATE.finditer(text):
        name = (m.group(2) or m.group(3)).rstrip(".")
        values = {MONTH: _EN_MONTH_NUMBERS[name[:3]]}
        day = m.group(1) or m.group(4)
        if day:
            values[DAY] = int(day)
        yield m.start(), m.end(), values, False
    for m in _EN_YEAR.finditer(text):
        yield m.start(), m.end(), {YEAR: int(m.group(1))}, True
    for m in _EN_WEEKDAY.finditer(text):
        yield m.start(), m.end(), {WEEKDAY: EN_WEEKDAYS.index(m.group(1))}, False
    for m in _EN_WEEKDAY_SHORT.finditer(text):
        short = m.group(1) or m.group(2)
        day = next(i for i, name in enumerate(EN_WEEKDAYS) if name.startswith(short))
        yield m.start(), m.end(), {WEEKDAY: day}, False
    for m in _EN_BARE_DAY.finditer(text):
        group = 1 if m.group(1) else 2
        if 1 <= int(m.group(group)) <= 31:
            start = m.start(1) if group == 1 else m.start()
            yield start, m.end(), {DAY: int(m.group(group))}, True
    opening = set()
    for m in _EN_CLOCK_OPENING.finditer(text):
        hour, twelve = hour_of_day(int(m.group(1)), m.group(3).lower() + "m")
        opening.add(m.start())
        yield m.start(), m.end(), {TIME: (hour, int(m.group(2) or 0), twelve)}, False
    for m in _EN_CLOCK.finditer(text):
        if m.start() in opening:
            continue
        if m.group(6):
            hour, minute, period = (12 if m.group(6).lower() == "noon" else 0), 0, "fixed"
        elif m.group(3):
            hour, minute, period = int(m.group(1)), int(m.group(2) or 0), m.group(3).lower() + "m"
        else:
            hour, minute, period = int(m.group(4)), int(m.group(5)), "fixed"
        hour, twelve = hour_of_day(hour, period)
        yield m.start(), m.end(), {TIME: (hour, minute, twelve and period != "fixed")}, False


_NOON = re.compile(r"正午|(?<!\w)(?:в\s+)?(полдень|полночь)(?!\w)", re.IGNORECASE)


def _noon_atoms(text):
    for m in _NOON.finditer(text):
        hour = 0 if (m.group(1) or "").lower() == "полночь" else 12
        yield m.start(), m.end(), {TIME: (hour, 0, False)}, False


def _ja_atoms(text):
    yield from day_lists(text, "ja")
    yield from _iso_atoms(text)
    yield from _noon_atoms(text)
    eras = "|".join(ERAS)
    for m in re.finditer(rf"(?:({eras})(元|{_JA_NUMBER[1:-1]})|(\d{{4}}))年(?!間|代)", text):
        if m.group(1):
            year = ERAS[m.group(1)] + (1 if m.group(2) == "元" else _number(m.group(2))) - 1
        else:
            year = _number(m.group(3))
        yield m.start(), m.end(), {YEAR: year}, False
    for m in re.finditer(rf"{_JA_NUMBER}月(?:{_JA_NUMBER}日(?!間))?", text):
        values = {MONTH: _number(m.group(1))}
        if not 1 <= values[MONTH] <= 12:
            continue
        if m.group(2):
            values[DAY] = _number(m.group(2))
        yield m.start(), m.end(), values, False
    # A day without its month: 本22日, 昨8日, 同25日 and 翌26日 count, a bare 8日 only beside a
    # weekday or a time (「8日(火)」); 2日間 is a duration, 8日本 the start of a name.
    day = rf"(本|今|昨|同|翌)?(?<![月\d{_KANJI}]){_JA_NUMBER}日(?![間本])"
    for m in re.finditer(day, text):
        value = _number(m.group(2))
        if 1 <= value <= 31:
            values = {DAY: value} | ({RELATIVE: m.group(1)} if m.group(1) else {})
            yield m.start(), m.end(), values, not m.group(1)
    # 先月29日, 今月3日, 来月1日: a day of the month before, of or after the release's.
    for m in re.finditer(rf"(先|今|来)月{_JA_NUMBER}日(?!間)", text):
        if 1 <= _number(m.group(2)) <= 31:
            yield m.start(), m.end(), {DAY: _number(m.group(2)), RELATIVE: f"{m.group(1)}月"}, False
    # 同日, 翌日, 前日 (and their mornings and nights: 翌朝, 前夜; 前日比 is a comparison); 同月
    # with or without its day.
    for m in re.finditer(r"(同|翌|前)(?:日|朝|夜)(?![間本比])", text):
        yield m.start(), m.end(), {RELATIVE: m.group(1)}, False
    for m in re.finditer(r"(?<!日)(?:本|昨)日(?![間本比])", text):
        yield m.start(), m.end(), {RELATIVE: m.group()}, False
    for m in re.finditer(rf"同月(?:{_JA_NUMBER}日(?!間))?", text):
        values = {RELATIVE: SAME_MONTH}
        if m.group(1) and 1 <= _number(m.group(1)) <= 31:
            values[DAY] = _number(m.group(1))
        yield m.start(), m.end(), values, False
    for m in re.finditer(rf"(?:([{JA_WEEKDAYS}])曜日?|(?<=日)[(（]([{JA_WEEKDAYS}])[)）])", text):
        yield m.start(), m.end(), {WEEKDAY: JA_WEEKDAYS.index(m.group(1) or m.group(2))}, False
    clock = re.compile(
        rf"(午前|午後)?{_JA_NUMBER}時(?!間)(?:(半)|{_JA_NUMBER}分)?|(\d{{1,2}})[:：](\d{{2}})"
    )
    for m in clock.finditer(text):
        if m.group(2):
            if not m.group(1) and not m.group(2).isdigit():
                continue  # 一時 is "for a while"
            minute = 30 if m.group(3) else (_number(m.group(4)) if m.group(4) else 0)
            hour, twelve = hour_of_day(_number(m.group(2)), m.group(1))
        else:
            hour, minute, twelve = _number(m.group(5)), _number(m.group(6)), False
        yield m.start(), m.end(), {TIME: (hour, minute, twelve)}, False


# «в тот же день», «на следующий день», «накануне» (alone: «накануне встречи» is relative to
# an event), «днём ранее», «в том же месяце».
_RU_RELATIVE = (
    (SAME, r"(?:в\s+)?(?:тот|этот)\s+же\s+(?:день|вечер)|тем\s+же\s+дн[её]м|в\s+этот\s+день"),
    (NEXT, r"(?:на\s+)?следующ(?:ий|его|ем)\s+(?:же\s+)?(?:день|дня|дне)"),
    (
        BEFORE,
        r"(?:в\s+)?(?:предыдущ|предшествующ)(?:ий|его|ем)\s+(?:день|дня|дне)|дн[её]м\s+ранее"
        r"|за\s+день\s+до\s+этого|накануне(?=\s*(?:[,.;:)]|$|вечером|утром|дн[её]м))",
    ),
    (SAME_MONTH, r"в\s+том\s+же\s+месяце"),
)


# «в 17:30», «в 5:30 вечера», «в 17 ч.», «с 17 часов 30 минут», «в пять часов вечера».
_RU_HOURS = "один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать"
_RU_HOURS = _RU_HOURS.split()
_RU_CLOCK = re.compile(
    r"(?:(?<!\d)([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d)"
    rf"|(?<!\w)(?:в|с|до|к)\s+(\d{{1,2}}|{'|'.join(_RU_HOURS)})\s*(?:час[а-я]*|ч\.)"
    r"(?:\s+(\d{1,2})\s*(?:минут[а-я]*|мин\.))?)(?:\s+(утра|дня|вечера|ночи)(?!\w))?",
    re.I,
)


def _ru_atoms(text):
    yield from day_lists(text, "ru")
    yield from _noon_atoms(text)
    yield from today_atoms(text)
    yield from _iso_atoms(text)
    for relative, pattern in _RU_RELATIVE:
        for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text, re.IGNORECASE):
            yield m.start(), m.end(), {RELATIVE: relative}, False
    # «на следующий день, 13-го,»: perhaps a day, the day of the words before it.
    for m in re.finditer(r"(?<=,\s)(\d{1,2})-?го(?!\w)(?=\s*[,.;:)])", text):
        if 1 <= int(m.group(1)) <= 31:
            yield m.start(), m.end(), {DAY: int(m.group(1))}, True
    stems = "|".join(RU_MONTH_STEMS)
    # The day may carry its ordinal ending: «7 июля», «7-го июля», «7-е июля».
    month_word = re.compile(
        rf"(?<!\w)(?:(\d{{1,2}})(?:-?(?:го|е|ое|ого))?\s+)?({stems})(?=[а-яё]*)[а-яё]*", re.I
    )
    for m in month_word.finditer(text):
        word = text[m.start(2) : m.end()].lower()
        stem = m.group(2).lower()
        if stem == "ма" and word not in ("май", "мая", "мае", "маем"):
            continue
        values = {MONTH: RU_MONTH_STEMS.index(stem) + 1}
        if m.group(1):
            values[DAY] = int(m.group(1))
        yield m.start(), m.end(), values, False
    for m in re.finditer(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)", text):
        values = {DAY: int(m.group(1)), MONTH: int(m.group(2)), YEAR: int(m.group(3))}
        yield m.start(), m.end(), values, False
    for m in re.finditer(r"(?<!\d)(\d{4})(?!\d)(\s*(?:г\.|год[а-я]*))?", text):
        yield m.start(), m.end(), {YEAR: int(m.group(1))}, not m.group(2)
    weekdays = "|".join(RU_WEEKDAY_STEMS)
    short = "|".join(RU_WEEKDAY_SHORT)
    for m in re.finditer(rf"[(（]({short})\.?[)）]", text, re.I):
        yield m.start(), m.end(), {WEEKDAY: RU_WEEKDAY_SHORT.index(m.group(1).lower())}, False
    for m in re.finditer(rf"(?<!\w)(?:во?\s+)?({weekdays})[а-яё]*", text, re.I):
        word = m.group(0).lower()
        # "среда" is also "environment": only "в среду" or a weekday beside a date counts.
        weak = m.group(1).lower() == "сред" and not word.startswith("в ")
        yield m.start(), m.end(), {WEEKDAY: RU_WEEKDAY_STEMS.index(m.group(1).lower())}, weak
    for m in _RU_CLOCK.finditer(text):
        period = m.group(5) and m.group(5).lower()
        if m.group(1):
            hour, twelve = hour_of_day(int(m.group(1)), period)
            minute, twelve = int(m.group(2)), False
        else:
            hour = m.group(3).lower()
            hour = int(hour) if hour.isdigit() else _RU_HOURS.index(hour) + 1
            minute = int(m.group(4) or 0)
            hour, twelve = hour_of_day(hour, period)
        yield m.start(), m.end(), {TIME: (hour, minute, twelve)}, False


ATOM_READERS = {"en": _en_atoms, "ja": _ja_atoms, "ru": _ru_atoms}


def _apart(keys: set, other: set) -> bool:
    """Tell whether an atom (``other``'s keys) starts a mention of its own after a group
    (``keys``): both state the same thing, or it is a day relative to another date after a
    date ("25 ноября, в тот же день"). A date after a relative day says which day it is ("the
    following day, November 26")."""
    return bool(keys & other or (RELATIVE in other and DAY not in other and keys & {MONTH, DAY}))


@lru_cache(maxsize=4096)
def find_dates(text: str, language: str, weak: bool = False) -> tuple[DateMention, ...]:
    """Return the dates and times of ``text``, atoms beside each other joined, in order;
    ``weak``: also what is only perhaps a date (a bare 「29日」, a bare year)."""
    reader = ATOM_READERS.get(language)
    if reader is None:
        return ()
    atoms = sorted(reader(text), key=lambda atom: (atom[0], -atom[1]))
    groups: list[list] = []
    for atom in atoms:
        start, end, values, _perhaps = atom
        if groups:
            last = groups[-1]
            last_end = max(a[1] for a in last)
            if start < last_end:
                continue  # overlapped by a longer atom
            merged = {k for a in last for k in a[2]}
            if _JOINER.fullmatch(text[last_end:start]) and not _apart(merged, set(values)):
                last.append(atom)
                continue
        groups.append([atom])
    mentions = []
    for group in groups:
        if not weak and all(atom[3] for atom in group):
            continue
        values, spans = {}, {}
        for start, end, atom_values, _weak in group:
            values |= atom_values
            # A relative word is where its date is written (「同日」 has no day of its own).
            for part in {PART.get(key, DATE) for key in atom_values}:
                before = spans.get(part, (start, end))
                spans[part] = (min(before[0], start), max(before[1], end))
        relative = values.pop(RELATIVE, "")
        end = max(a[1] for a in group)
        mentions.append(DateMention(group[0][0], end, values, spans, relative))
    return tuple(sorted(with_range_ends(text, mentions), key=lambda m: m.start))
