"""Consistency checks beyond terms: numbers and proper names (dates: :mod:`.date_check`).

Each reads the source and the translation with the language knowledge of :mod:`.numbers` and
:mod:`.dates`, so they work for every pair of languages, whichever is the source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from config import languages
from translations.checks.base import (
    FindingData,
    ReleaseContext,
    SegmentMatches,
    SegmentTermCheck,
    gettext_noop,
)
from translations.checks.dates import DAY, MONTH, TIME, YEAR, DateMention, find_dates
from translations.checks.numbers import NumberMention, source_numbers, target_numbers
from translations.checks.vocabulary import Severity
from translations.glossary.vocabulary import ACCEPTED_STATUSES
from translations.glossary.words import morphology_for, tokens

NUMBER_MISSING_MESSAGE = gettext_noop(
    "The source has the number {number}; the translation does not render it."
)
NUMBER_CHANGED_MESSAGE = gettext_noop(
    "The source has the number {number}; the translation has {found} instead."
)
NUMBER_APPROXIMATION_LOST_MESSAGE = gettext_noop(
    "The source gives {number} as approximate; the translation states it exactly."
)
NUMBER_APPROXIMATION_ADDED_MESSAGE = gettext_noop(
    "The source states {number} exactly; the translation makes it approximate."
)
NAME_MISSING_MESSAGE = gettext_noop(
    "“{source}” is a proper name; the translation must use its approved form “{preferred}”."
)
NAME_FORMS_MESSAGE = gettext_noop(
    "“{source}” is a proper name; the translation must use one of its approved forms: {forms}."
)


# How many words (characters in Japanese) may stand inside an approved form of a name: a
# given name or a fuller title ("President Vladimir Putin", 「田中外務大臣」 for 「田中大臣」).
_NAME_GAP_WORDS, _NAME_GAP_CHARACTERS = 3, 4
_NOT_IN_NAME = r"\s、。，．,.;；:：「」『』（）()"


def written_apart(text: str, forms, language: str) -> bool:
    """Tell whether one of ``forms`` stands in ``text`` with a few words inside it, in order
    and within one clause: «Президентом Российской Федерации Владимиром Путиным» renders
    «президент Путин»."""
    spec = languages.get(language)
    if spec.matching == languages.CHARACTERS:
        gap = rf"[^{_NOT_IN_NAME}]{{1,{_NAME_GAP_CHARACTERS}}}"
        return any(
            re.search(re.escape(form[:cut]) + gap + re.escape(form[cut:]), text)
            for form in forms
            for cut in range(2, len(form) - 1)
        )
    keys = morphology_for(spec.search_config).text_keys
    # A word inside a name is a name or a title: capitalised ("Vladimir", «Российской»), or "of".
    words = [
        (set(keys(word)), word[:1].isupper() or word == "of") if word else None
        for word, _start, _end in tokens(text)
    ]
    for form in forms:
        wanted = [set(keys(word)) for word, _start, _end in tokens(form) if word]
        if len(wanted) < 2:
            continue
        for first in range(len(words)):
            position, found = first, 0
            limit = min(len(words), first + len(wanted) + _NAME_GAP_WORDS)
            while position < limit and found < len(wanted) and words[position] is not None:
                word_keys, inside = words[position]
                if word_keys & wanted[found]:
                    found += 1
                elif found == 0 or not inside:
                    break
                position += 1
            if found == len(wanted):
                return True
    return False


def _inside(mention: NumberMention, dates: tuple[DateMention, ...]) -> bool:
    return any(date.start <= mention.start and mention.end <= date.end for date in dates)


def _in_time(mention: NumberMention, dates: tuple[DateMention, ...]) -> bool:
    """Tell whether ``mention`` is the hour or minutes of a time ("15:00", 「午後3時」)."""
    for date in dates:
        if TIME in date.values:
            start, end = date.span("time")
            if start <= mention.start and mention.end <= end:
                return True
    return False


def _value_key(mention: NumberMention) -> str:
    """Return the value as plain text: 50, 1500000, 1.5 (never 5E+1)."""
    return format(mention.value.normalize(), "f")


def _source_values(source: str, language: str, dates: tuple[DateMention, ...]) -> Counter:
    """Return how often ``source`` states each number value, however written (its dates'
    parts too)."""
    values = Counter(_value_key(n) for n in target_numbers(source, language))
    for date in dates:
        keys = [str(date.values[name]) for name in (YEAR, MONTH, DAY) if name in date.values]
        if TIME in date.values:
            # The hour of a time is no free number: 午後5時 explains a 5 or a 17.
            hour, minute, _twelve = date.values[TIME]
            keys += [str(hour), str(hour % 12 or 12), str(minute)]
        for key in keys:
            values[key] = max(values[key], 1)
    return values


def align_numbers(
    wanted: list[NumberMention],
    found: list[NumberMention],
    dates: tuple[DateMention, ...] = (),
) -> tuple[list[tuple[NumberMention, NumberMention]], list[NumberMention], list[NumberMention]]:
    """Pair source and target numbers of equal value, keeping their order where possible, and
    a number outside the target's ``dates`` before one inside (the minutes of "7:20 p.m."
    are no rendering of 「約20分間」 while "approximately 20 minutes" is there).

    Return the pairs, the source numbers left unpaired and the target numbers left unpaired.
    """
    used: set[int] = set()
    pairs, missing = [], []
    last = -1
    for number in wanted:
        candidates = [
            i
            for i, other in enumerate(found)
            if i not in used and _value_key(other) == _value_key(number)
        ]
        if not candidates:
            missing.append(number)
            continue
        # A part of a date may render a number (「29日」 as "May 29"), never a time's: the 15
        # of "15:00" is no rendering of "15 Japanese nationals".
        candidates = [i for i in candidates if not _inside(found[i], dates)] or [
            i for i in candidates if not _in_time(found[i], dates)
        ]
        if not candidates:
            missing.append(number)
            continue
        after = [i for i in candidates if found[i].start > last]
        # "about two hours" renders 「約2時間」 rather than the "two" of "the two Ministers".
        pool = after or candidates
        chosen = next((i for i in pool if found[i].approximate == number.approximate), pool[0])
        used.add(chosen)
        last = found[chosen].start
        pairs.append((number, found[chosen]))
    extra = [other for i, other in enumerate(found) if i not in used]
    return pairs, missing, extra


class NumberCheck(SegmentTermCheck):
    """Flag a number of the source that the translation leaves out or changes.

    Numbers inside dates and times are left to ``date``. The translation may write a number
    in any form (digits, full-width digits, kanji numerals, number words, ordinals in any
    case); "approximately 50" must stay approximate (約, около), which is a warning.
    """

    id = "number"
    name = gettext_noop("Number")
    description = gettext_noop(
        "Every number of the source appears in the translation, with the same value."
    )
    severity = Severity.ERROR

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext
    ) -> Iterator[FindingData]:
        """Yield one finding per source number missing, changed or no longer approximate."""
        source_language, language = release.source_language, release.language
        source, target = segment.source_text, segment.target_text
        dates = find_dates(source, source_language)
        wanted = [n for n in source_numbers(source, source_language) if not _inside(n, dates)]
        if not wanted:
            return
        found = list(target_numbers(target, language))
        target_dates = find_dates(target, language)
        # An era year (平成29年) renders the number 2017.
        found += [
            NumberMention(Decimal(date.values[YEAR]), date.start, date.end)
            for date in target_dates
            if YEAR in date.values
        ]
        found.sort(key=lambda n: n.start)
        pairs, missing, extra = align_numbers(wanted, found, target_dates)
        # Only a number of the translation that the source does not explain can stand for a
        # missing one: not a part of a date (the date check compares those: the month of
        # "December 1" is no stand-in for "24th"), nor a value the source has anywhere.
        explained = _source_values(source, source_language, dates)
        explained.subtract(_value_key(number) for number, _other in pairs)
        unexplained = []
        for other in extra:
            if _inside(other, target_dates):
                continue
            if explained[_value_key(other)] > 0:
                explained[_value_key(other)] -= 1
                continue
            unexplained.append(other)
        extra = unexplained
        for number in missing:
            # Point at an unpaired number written like the source's (晋三 is a name).
            other = min(extra, key=lambda o: o.kind != number.kind, default=None)
            if other is not None:
                extra.remove(other)
            params = {"number": source[number.start : number.end]}
            if other is None:
                template = NUMBER_MISSING_MESSAGE
            else:
                template = NUMBER_CHANGED_MESSAGE
                params["found"] = target[other.start : other.end]
            yield release.finding(
                segment,
                self,
                None,
                template=template,
                params=params,
                target=other,
                source=number,
                fingerprint=f"number:{_value_key(number)}",
            )
        for number, other in pairs:
            if number.approximate == other.approximate:
                continue
            yield release.finding(
                segment,
                self,
                None,
                template=(
                    NUMBER_APPROXIMATION_LOST_MESSAGE
                    if number.approximate
                    else NUMBER_APPROXIMATION_ADDED_MESSAGE
                ),
                params={"number": source[number.start : number.end]},
                severity=Severity.WARNING,
                target=other,
                source=number,
                fingerprint=f"approximate:{_value_key(number)}",
            )


class ProperNameCheck(SegmentTermCheck):
    """Flag a person or place the glossary marks as a proper name, not in its approved form.

    Only concepts marked as proper names (their terms are proper nouns) are checked here;
    ``missing-term`` leaves them to this check. A name rendered with a deprecated or
    forbidden term is ``forbidden-term``'s to report.
    """

    id = "proper-name"
    name = gettext_noop("Proper name")
    description = gettext_noop(
        "People and places the glossary marks as proper names appear in their approved form."
    )
    severity = Severity.ERROR

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext
    ) -> Iterator[FindingData]:
        """Yield one finding per proper name of the source missing from the translation."""
        if not release.proper_names:
            return
        rendered = {m.term.concept_id for m in segment.target}
        accepted = {m.term.concept_id for m in segment.target if m.term.status in ACCEPTED_STATUSES}
        seen: set[int] = set()
        for occurrence in segment.source:
            concept_id = occurrence.term.concept_id
            if concept_id not in release.proper_names or concept_id in seen | accepted:
                continue
            seen.add(concept_id)
            preferred = release.preferred(concept_id)
            if preferred is None or concept_id in rendered:
                continue
            forms = list(dict.fromkeys(t.text for t in release.accepted_terms(concept_id)))
            if written_apart(segment.target_text, forms, release.language):
                continue
            yield release.finding(
                segment,
                self,
                concept_id,
                # Every accepted form is allowed: "Prime Minister Abe", and the full first
                # mention "Mr. Shinzo Abe, Prime Minister of Japan" when the glossary admits it.
                template=NAME_FORMS_MESSAGE if len(forms) > 1 else NAME_MISSING_MESSAGE,
                params=dict(
                    source=segment.source_text[occurrence.start : occurrence.end],
                    concept=release.label(concept_id),
                    preferred=preferred.text,
                    forms=", ".join(f"“{form}”" for form in forms),
                ),
                source=occurrence,
                suggestion=preferred.text,
            )
