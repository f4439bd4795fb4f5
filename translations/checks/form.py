"""form: how the translation is written — brackets, quotes, punctuation, spaces (warnings)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from config import languages
from translations.checks.base import (
    FindingData,
    ReleaseContext,
    SegmentMatches,
    SegmentTermCheck,
    gettext_noop,
)
from translations.checks.vocabulary import Severity

UNBALANCED_MESSAGE = gettext_noop("“{mark}” has no matching “{partner}”.")
IDENTICAL_MESSAGE = gettext_noop("The translation is identical to the source.")
LATIN_PUNCTUATION_MESSAGE = gettext_noop(
    "“{mark}” is Latin punctuation in text written without spaces: use “{expected}”."
)
UNSPACED_PUNCTUATION_MESSAGE = gettext_noop(
    "“{mark}” belongs to text written without spaces: use “{expected}”."
)
MIXED_PUNCTUATION_MESSAGE = gettext_noop(
    "The translation mixes “{mark}” with “{other}”: keep to one style."
)
DOUBLE_SPACE_MESSAGE = gettext_noop("Doubled space.")

BRACKETS = {"(": ")", "[": "]", "{": "}", "（": "）", "［": "］", "「": "」", "『": "』"}
BRACKETS |= {"【": "】", "〈": "〉", "《": "》", "«": "»", "“": "”", "„": "“"}
_CLOSING = {closing: opening for opening, closing in BRACKETS.items() if opening != "„"}
_STRAIGHT_QUOTE = '"'
_MARKS = re.compile("[" + re.escape("".join({*BRACKETS, *BRACKETS.values()})) + "]")

_UNSPACED_CHAR = r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]"
# A Latin comma or full stop after Japanese text (not a decimal mark: 1.5; not "U.S.の").
_LATIN_IN_UNSPACED = re.compile(rf"(?<={_UNSPACED_CHAR})[,.](?!\d)")
_LATIN_EXPECTED = {",": "、", ".": "。"}
_UNSPACED_IN_SPACED = re.compile(r"[、。，．「」『』]")
_SPACED_EXPECTED = {"、": ",", "。": ".", "，": ",", "．": ".", "「": "“", "」": "”"}
_SPACED_EXPECTED |= {"『": "‘", "』": "’"}
# The ministry writes either 、。 or ，． — one style per text.
_PUNCTUATION_STYLES = (("、", "，"), ("。", "．"))
_DOUBLE_SPACE = re.compile(r"(?<=\S)(?: {2,}|\u3000{2,}|[ \u00a0]{2,})(?=\S)")
# An identical text is worth a warning when it has a real word in it, not "TOR" or "G20".
_LETTERS = re.compile(r"[^\W\d_]{5}")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


# A list marker closed by a bracket alone: «1) Экономика», "a) trade; b) investment".
_LIST_MARKER = re.compile(r"(?:^|\n|[:;]\s)\s*(?:\d{1,3}|[^\W\d_])(\))")


def unbalanced(text: str) -> list[tuple[int, str, str]]:
    """Return ``(offset, mark, expected partner)`` of every unmatched bracket or quote."""
    stack: list[tuple[int, str]] = []
    problems = []
    markers = {match.start(1) for match in _LIST_MARKER.finditer(text)}
    for mark in _MARKS.finditer(text):
        offset, char = mark.start(), mark.group()
        if offset in markers and not (stack and stack[-1][1] == "("):
            continue
        top = stack[-1][1] if stack else None
        if char == "“" and top == "„":
            stack.pop()  # Russian inner quotes: „…“
        elif char in _CLOSING:
            if top == _CLOSING[char] or (char == "”" and top == "„"):
                stack.pop()
            else:
                problems.append((offset, char, _CLOSING[char]))
        elif char in BRACKETS:
            stack.append((offset, char))
    problems += [(offset, char, BRACKETS[char]) for offset, char in stack]
    if text.count(_STRAIGHT_QUOTE) % 2:
        problems.append((text.rindex(_STRAIGHT_QUOTE), _STRAIGHT_QUOTE, _STRAIGHT_QUOTE))
    return sorted(problems)


class FormCheck(SegmentTermCheck):
    """Flag unbalanced brackets and quotes, an untranslated text, foreign punctuation and
    doubled spaces in the translation."""

    id = "form"
    name = gettext_noop("Form")
    description = gettext_noop(
        "Brackets and quotes are balanced, the text is translated, punctuation suits the "
        "language and spaces are single."
    )
    severity = Severity.WARNING

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext
    ) -> Iterator[FindingData]:
        """Yield the form findings of one translated segment."""
        source, target = segment.source_text, segment.target_text

        def finding(template, start, end, fingerprint, **params):
            return release.finding(
                segment,
                self,
                None,
                template=template,
                params=params,
                target=_Span(start, end) if start is not None else None,
                fingerprint=fingerprint,
            )

        if target.strip() == source.strip() and _LETTERS.search(target):
            yield finding(IDENTICAL_MESSAGE, None, None, "identical")
        if not unbalanced(source):
            for offset, mark, partner in unbalanced(target):
                yield finding(
                    UNBALANCED_MESSAGE,
                    offset,
                    offset + 1,
                    f"bracket:{mark}",
                    mark=mark,
                    partner=partner,
                )
        if languages.get(release.language).matching == languages.CHARACTERS:
            yield from self._unspaced(target, finding)
        else:
            match = _UNSPACED_IN_SPACED.search(target)
            if match:
                mark = match.group()
                yield finding(
                    UNSPACED_PUNCTUATION_MESSAGE,
                    match.start(),
                    match.end(),
                    f"punctuation:{mark}",
                    mark=mark,
                    expected=_SPACED_EXPECTED[mark],
                )
        for match in _DOUBLE_SPACE.finditer(target):
            yield finding(
                DOUBLE_SPACE_MESSAGE, match.start(), match.end(), f"space:{match.start()}"
            )

    @staticmethod
    def _unspaced(target, finding):
        match = _LATIN_IN_UNSPACED.search(target)
        if match:
            mark = match.group()
            yield finding(
                LATIN_PUNCTUATION_MESSAGE,
                match.start(),
                match.end(),
                f"punctuation:{mark}",
                mark=mark,
                expected=_LATIN_EXPECTED[mark],
            )
        for usual, other in _PUNCTUATION_STYLES:
            # Between digits ， and ． group thousands or mark decimals (1，000; 1．5).
            first = target.find(usual)
            second = re.search(rf"(?<!\d){other}|{other}(?!\d)", target)
            if first >= 0 and second:
                offset = max(first, second.start())
                yield finding(
                    MIXED_PUNCTUATION_MESSAGE,
                    offset,
                    offset + 1,
                    f"mixed:{usual}{other}",
                    mark=target[offset],
                    other=other if target[offset] == usual else usual,
                )
