"""Days read together: the other day of a range ("July 7-9", «с 7 по 9 июля», 「7日～9日」),
of a pair ("November 2 and 3", 「2日及び3日」) and of a Japanese list (「7、8日」, 「7・8日」,
「7、8両日」), and Russian days each with its weekday before one month («с 11 (вт) по 12 (ср)
июля»). :mod:`.dates` reads a text's mentions with them.
"""

from __future__ import annotations

import re

from translations.checks.date_words import (
    DATE,
    DAY,
    MONTH,
    RU_MONTH_STEMS,
    RU_WEEKDAY_SHORT,
    WEEKDAY,
    YEAR,
    DateMention,
)

# The other day of a range ("July 7-9", 「7日～9日」) or of a pair ("November 2 and 3", «2 и 3
# ноября», 「2日及び3日」).
_RANGE = r"\s*(?:[-–—~～〜－]|から|to|по|and|&|и|及び)\s*"
_RANGE_BEFORE = re.compile(rf"(?<!\d)(\d{{1,2}})(?:日)?{_RANGE}$")
# Not a count or a time: 「7月7日から3名」, "July 7 and 3 p.m.".
_RANGE_AFTER = re.compile(
    rf"{_RANGE}(\d{{1,2}})(?![\d月/:時分名人回件]|\.\d)"
    r"(?!\s*(?:[ap]\.?\s?m\b|hours?\b|minutes?\b|час|мин))",
    re.IGNORECASE,
)


# The year written after the end of a range, for both its days: "July 11 to 13, 2023".
_RANGE_YEAR = re.compile(r"\s*,?\s*(1[6-9]\d\d|2\d\d\d)(?!\d)")


def _weekday_after(text: str, at: int, mentions: list[DateMention]) -> DateMention | None:
    """Return the weekday written right after ``at`` alone ("12 (Wed)"), if any."""
    return next(
        (
            m
            for m in mentions
            if set(m.values) == {WEEKDAY} and m.start >= at and not text[at : m.start].strip()
        ),
        None,
    )


def with_range_ends(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Return ``mentions`` and the other day of day ranges: "July 7-9", «с 7 по 9 июля»,
    「7月7日～9日」; a weekday written after that day ("July 11 (Tue) – 12 (Wed)") is its."""
    found, taken = [], set()
    for mention in mentions:
        if DAY not in mention.values:
            found.append(mention)
            continue
        # Only a day may open or close a range: in 「午後5時から3名」 the 3 is no day.
        start, end = mention.span(DATE)
        before = _RANGE_BEFORE.search(text, max(0, start - 12), start)
        # After a day's weekday too: "July 11 (Tue) – 12".
        weekday_end = WEEKDAY in mention.values and mention.span(WEEKDAY)[1] == mention.end
        closes = mention.end if weekday_end else end
        after = _RANGE_AFTER.match(text, closes, closes + 12)
        year = after and YEAR not in mention.values and _RANGE_YEAR.match(text, after.end())
        if year and closes == mention.end:
            mention = DateMention(
                mention.start,
                mention.end,
                {**mention.values, YEAR: int(year.group(1))},
                mention.spans,
                mention.relative,
            )
        found.append(mention)
        for match in (
            before if start == mention.start else None,
            after if closes == mention.end else None,
        ):
            if match is None or any(m.start <= match.start(1) < m.end for m in mentions):
                continue  # 「7月7日～8月9日」: both ends are dates of their own
            if 1 <= int(match.group(1)) <= 31:
                values = {**mention.part_values(DATE), DAY: int(match.group(1))}
                spans = {DATE: (match.start(1), match.end(1))}
                weekday = match is after and _weekday_after(text, match.end(1), mentions)
                close = match.end(1)
                if weekday:
                    taken.add((weekday.start, weekday.end))
                    values[WEEKDAY] = weekday.values[WEEKDAY]
                    spans[WEEKDAY] = weekday.span()
                    close = weekday.end
                found.append(DateMention(match.start(1), close, values, spans))
    return [m for m in found if set(m.values) != {WEEKDAY} or (m.start, m.end) not in taken]


# One month, its days listed: 「7月7、8日」, 「7月7，8日」, 「7月7・8日」, 「7月7日と8日」,
# 「7月7、8両日」.
_JA_DAY_LIST = re.compile(
    r"(?<!\d)(\d{1,2})月((?:\d{1,2}日?\s*(?:[、，,・]|及び|と|並びに)\s*)+)(\d{1,2})(?:日|両日)(?![間本])"
)
_JA_LISTED_DAY = re.compile(r"(\d{1,2})日?")


def _ja_day_lists(text):
    for m in _JA_DAY_LIST.finditer(text):
        month = int(m.group(1))
        days = [(d.start(), d.end(), int(d.group(1))) for d in _JA_LISTED_DAY.finditer(m.group(2))]
        days = [(m.start(2) + start, m.start(2) + end, day) for start, end, day in days]
        days.append((m.start(3), m.end(), int(m.group(3))))
        if not 1 <= month <= 12 or not all(1 <= day <= 31 for _s, _e, day in days):
            continue
        for index, (start, end, day) in enumerate(days):
            # The first day is written with its month: a mention from 「7月」 on.
            yield (m.start() if index == 0 else start), end, {MONTH: month, DAY: day}, False


def _ru_weekday_days(text):
    short = "|".join(RU_WEEKDAY_SHORT)
    weekday = rf"\s*[(（](?:{short})\.?[)）]"
    pattern = re.compile(
        rf"(?<![\d.])(?:(\d{{1,2}}){weekday}\s*(?:по|до|[-–—]|и)\s*)?(\d{{1,2}}){weekday}\s+"
        rf"({'|'.join(RU_MONTH_STEMS)})([а-яё]*)",
        re.IGNORECASE,
    )
    for m in pattern.finditer(text):
        stem = m.group(3).lower()
        if stem == "ма" and (stem + m.group(4).lower()) not in ("май", "мая", "мае", "маем"):
            continue
        month = RU_MONTH_STEMS.index(stem) + 1
        for group in (1, 2):
            if m.group(group) and 1 <= int(m.group(group)) <= 31:
                yield m.start(group), m.end(group), {MONTH: month, DAY: int(m.group(group))}, False
        # The month word belongs to the days before it: read as nothing of its own.
        yield m.start(3), m.end(), {}, False


def day_lists(text: str, language: str):
    """Yield the atoms of days listed under one month: each day with that month."""
    if language == "ja":
        yield from _ja_day_lists(text)
    elif language == "ru":
        yield from _ru_weekday_days(text)
