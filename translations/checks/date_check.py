"""date: every date, weekday and time of the source, compared as facts with the translation.

A mention's parts (the date, its weekday, a time) are compared apart, so a date and a time
written together on one side ("11月25日、午後5時") and apart on the other ("On November 25,
commencing at 5:00 p.m.") are the same facts. Days written relative to the release (本22日,
昨8日) and bare days beside a weekday (「8日(火)」) are read against the release's date; days
written relative to the last date before them (同日, 翌日, 前日, 同月; "the same day", «на
следующий день») against that date, in the unit's own text first, then in the source's
earlier units, else the release's date. A weekday the translation writes must be its date's.
A finding points at the part it compared.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from translations.checks.base import (
    FindingData,
    ReleaseContext,
    SegmentMatches,
    SegmentTermCheck,
    gettext_noop,
)
from translations.checks.calendar import resolve, resolve_all, wrong_weekday
from translations.checks.dates import (
    DATE,
    DAY,
    DAYS_AWAY,
    MONTH,
    PARTS,
    WEEKDAY,
    YEAR,
    DateMention,
    compatible,
    find_dates,
)
from translations.checks.numbers import target_numbers
from translations.checks.vocabulary import Severity

DATE_MISSING_MESSAGE = gettext_noop(
    "The source has the date or time “{date}” ({value}); the translation does not render it."
)
DATE_CHANGED_MESSAGE = gettext_noop(
    "The source has the date or time “{date}” ({value}); the translation has “{found}” "
    "({found_value}) instead."
)
WEEKDAY_WRONG_MESSAGE = gettext_noop(
    "“{weekday}” is not the weekday of {date}, which is a {expected}."
)
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


class _Span:
    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


def _closest(date: DateMention, part: str, found: list[DateMention]) -> DateMention | None:
    """Return the translation's mention of ``part`` that agrees most with ``date``'s."""
    wanted = date.part_values(part)
    having = [other for other in found if other.part_values(part)]
    return max(
        having,
        key=lambda o: (
            sum(o.values.get(k) == v for k, v in wanted.items()),
            len(set(o.values) & set(wanted)),
        ),
        default=None,
    )


class DateCheck(SegmentTermCheck):
    """Flag a date, weekday or time of the source that the translation leaves out or changes.

    "July 7" ↔ 「7月7日」 ↔ «7 июля»; 平成29年 is 2017; "6:00 p.m." ↔ 「午後6時」 ↔ «18:00»;
    "(Tue)" ↔ 「(火曜日)」 ↔ «(вт)». The translation may say more than the source ("July 7" ↔
    「2017年7月7日」), never something else; a weekday it writes must be its date's.
    """

    id = "date"
    name = gettext_noop("Date or time")
    description = gettext_noop(
        "Every date, weekday and time of the source appears in the translation unchanged."
    )
    severity = Severity.ERROR

    def check(self, release: ReleaseContext) -> Iterator[FindingData]:
        """Check every translated segment, the date in force carried from unit to unit."""
        before = release.date_before
        for segment in release.segments:
            if segment.translated:
                yield from self.check_segment(segment, release, before)
            source = find_dates(segment.source_text, release.source_language)
            _mentions, before = resolve_all(source, release.release_date, before)

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext, before: datetime.date | None = None
    ) -> Iterator[FindingData]:
        """Yield one finding per part of a source date the translation does not render, and
        one per weekday of the translation that is not its date's.

        ``before`` is the last date the source's earlier units name (what 同日 at the start of
        this unit means, on either side); the release's date when None."""
        source, target = segment.source_text, segment.target_text
        when = release.release_date
        wanted, _last = resolve_all(find_dates(source, release.source_language), when, before)
        found, _last = resolve_all(find_dates(target, release.language), when, before)
        # A bare day of the translation (「29日の発射」 for "the launch on May 29") renders a
        # date of the source; it is no date of its own to check a weekday against.
        seen = {(m.start, m.end) for m in found}
        renders = found + [
            resolve(m, when)
            for m in find_dates(target, release.language, weak=True)
            if (m.start, m.end) not in seen
            and (set(m.values) == {DAY} or (m.relative in DAYS_AWAY and not m.values))
        ]
        flagged: set[tuple[int, int]] = set()
        for other in found:
            named = wrong_weekday(other, when)
            if named is None:
                continue
            start, end = other.span(WEEKDAY)
            flagged.add((start, end))
            twin = next((d for d in wanted if compatible(d, other, DATE)), None)
            yield release.finding(
                segment,
                self,
                None,
                template=WEEKDAY_WRONG_MESSAGE,
                params={
                    "weekday": target[start:end],
                    "date": named.isoformat(),
                    "expected": _WEEKDAYS[named.weekday()],
                },
                target=_Span(start, end),
                source=_Span(*twin.span(WEEKDAY if WEEKDAY in twin.values else DATE))
                if twin
                else None,
                fingerprint=f"weekday:{named.isoformat()}",
            )
        if not wanted:
            return
        for date in wanted:
            for part in PARTS:
                if not date.part_values(part) or any(compatible(date, o, part) for o in renders):
                    continue
                if part == DATE and set(date.part_values(DATE)) == {YEAR}:
                    # "平成29年" may be rendered "in 2017", a plain number.
                    numbers = {n.value for n in target_numbers(target, release.language)}
                    if date.values[YEAR] in numbers:
                        continue
                # Point at a mention no other source date explains ("November 25" renders
                # 11月25日, so 翌日's wrong day is the other one).
                unexplained = [o for o in found if not any(compatible(w, o, part) for w in wanted)]
                other = _closest(date, part, unexplained or found)
                span = other.span(part) if other is not None else None
                if span in flagged:
                    continue  # already reported as not its date's weekday
                finding = self._finding(segment, release, date, part, other)
                yield finding
                if span is not None:
                    flagged.add(span)
        yield from self._shared(segment, release, wanted, found, flagged)

    def _shared(self, segment, release, wanted, found, flagged) -> Iterator[FindingData]:
        """Yield one finding per source day that only a day of the translation already
        rendering another source day renders, while the translation names a day no source
        date explains: 「7月11日…同日夕刻」 as "July 11 … on the evening of July 12"."""
        days = [d for d in wanted if {MONTH, DAY} <= set(d.values)]
        having = [o for o in found if {MONTH, DAY} <= set(o.values)]
        unexplained = [
            o
            for o in having
            if not any(compatible(d, o, DATE) for d in days) and o.span(DATE) not in flagged
        ]
        if not unexplained:
            return
        paired: dict[int, int] = {}  # a day of the translation → the source day it renders

        def pair(index: int, tried: set[int]) -> bool:
            for other, mention in enumerate(having):
                if other in tried or not compatible(days[index], mention, DATE):
                    continue
                tried.add(other)
                if other not in paired or pair(paired[other], tried):
                    paired[other] = index
                    return True
            return False

        for index, day in enumerate(days):
            if pair(index, set()) or not any(compatible(day, o, DATE) for o in having):
                continue  # rendered, or reported above
            other = _closest(day, DATE, unexplained)
            unexplained.remove(other)
            flagged.add(other.span(DATE))
            yield self._finding(segment, release, day, DATE, other)
            if not unexplained:
                return

    def _finding(self, segment, release, date, part, other) -> FindingData:
        source, target = segment.source_text, segment.target_text
        start, end = date.span(part)
        params = {"date": source[start:end], "value": date.describe(part)}
        target_span = None
        if other is None:
            template = DATE_MISSING_MESSAGE
        else:
            template = DATE_CHANGED_MESSAGE
            target_span = _Span(*other.span(part))
            params |= {
                "found": target[target_span.start : target_span.end],
                "found_value": other.describe(part),
            }
        # One fingerprint per source date as before; its weekday and time apart.
        fingerprint = f"date:{date.describe()}" + ("" if part == DATE else f":{part}")
        return release.finding(
            segment,
            self,
            None,
            template=template,
            params=params,
            target=target_span,
            source=_Span(start, end),
            fingerprint=fingerprint,
        )
