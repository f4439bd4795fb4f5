"""English release texts (MOFA's English pages).

::

    Japan-Russia Relations              <- breadcrumb (topic), optional on older pages
    Japan-Russia Summit Meeting         <- title line, optional
    July 7, 2017                        <- date (also "Friday, July 7, 2017")
    (Provisional translation)           <- note
    photo1: Caption (Photo: Credit)     <- photo lines (also "(Photo 1) …", bare captions)
    Lead paragraph ...                  <- body
    1. Heading / 1. A numbered paragraph. / (1) Sub-heading / (i) or (a) item / • bullet
    (*The foregoing is a provisional translation.)   <- note
    Related Links / Japan-Russia Relations   <- related links: navigation, dropped
    Back to Japan-Russia Relations      <- navigation, dropped ("Back to Top", "(END)" too)
"""

from __future__ import annotations

import re

from ..vocabulary import MarkerStyle
from .common import (
    BULLET,
    CLOSERS,
    HEADING,
    ITEM,
    SENTENCE_ENDS,
)
from .conventions import Conventions, Marker

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
# Full English names and the usual abbreviations ("Jul.", "Sept."); strptime's %B would
# depend on the process locale.
_MONTHS = {
    name: number for number, full in enumerate(_MONTH_NAMES, start=1) for name in (full, full[:3])
} | {"sept": 9}
# "Friday, July 28, 2023": the weekday before a date says nothing the date does not.
_WEEKDAY = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.?,?\s+",
    re.IGNORECASE,
)
# "July 14, 2023 (Fri)": the weekday after the date, in brackets.
_WEEKDAY_AFTER = re.compile(
    r"\s*\((?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?\)$",
    re.IGNORECASE,
)
_DATE_FORMATS = (
    re.compile(r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
)

_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_PHOTO_PREFIX = re.compile(r"(?:photo\s*\d*\s*:|\(\s*photo\s*\d*\s*\))\s*", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"\s*\(\s*photo(?:\s+credit)?\s*:\s*(?P<credit>.*?)\s*\)$", re.IGNORECASE
)
# "… Photo: Cabinet Public Relations Office": a credit without brackets, trusted only on a
# line that is a photo line anyway (a prefix or a <br> before it).
_BARE_CREDIT = re.compile(r"\s*\bphoto(?:\s+credit)?\s*:\s*(?P<credit>[^()]+?)$", re.IGNORECASE)

# Roman numerals are limited to 1-89 so that words made of roman letters, e.g. "(mix)" or
# "(civil)", stay text.
_ROMAN = r"(?=[ivxl])(?:xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
# A marker needs whitespace after "1." so that "3.5 million" or "2017 was" stay paragraphs;
# a closing parenthesis or a bullet character is a clear enough boundary on its own.
# The text is optional so that a marker alone on its line can take its text from the next.
_DECIMAL = re.compile(r"(?P<marker>\d{1,2}\.)(?:\s+(?P<text>\S.*))?")
_PARENTHESISED = re.compile(r"(?P<marker>\(\d{1,2}\))\s*(?P<text>\S.*)?")
_ITEM = re.compile(rf"(?P<marker>\((?P<token>{_ROMAN}|[a-z])\))\s*(?P<text>\S.*)?")
_BULLETS = (
    re.compile(r"(?P<marker>[•・])\s*(?P<text>\S.*)?"),
    # Hyphens, asterisks and dashes also occur in ordinary text, so they need a space.
    re.compile(r"(?P<marker>[-*–])\s+(?P<text>\S.*)"),
)
_NOTE = re.compile(
    r"\(\s*\*|\*\S|\(?\s*notes?\s*[:)]|\(?\s*(?:provisional|tentative)\s+translation\b",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(r"(?:back\s+to|return\s+to)\s+(?P<target>\S.*)", re.IGNORECASE)
# Links within the page or site that name no topic ("Back to Top", "Back to Index") and the
# closing "(END)" of older pages: navigation, dropped.
_PAGE_LINK = re.compile(
    r"(?:the\s+)?(?:top(?:\s+of\s+(?:the\s+)?page)?|index|contents)|\(\s*end\s*\)", re.IGNORECASE
)
_LANGUAGE_LINK = re.compile(
    r"\(?\s*(?:japanese(?:\s+(?:version|page|text))?|日本語(?:版)?|和文)\s*\)?"
    r"(?:\s*\((?:japanese|日本語)\))?",
    re.IGNORECASE,
)
_LINKS_HEADING = re.compile(
    r"\[?\s*related\s+(?:links?|information|pages?|articles?)\s*\]?:?", re.I
)
_TITLE_WORDS = re.compile(
    r"\b(?:meetings?|talks?|summit|visits?|telephone|call|conference|statement|dialogue|"
    r"consultations?|ceremony|signing|remarks|dinner|lunch|breakfast)\b",
    re.IGNORECASE,
)


def roman_value(token):
    """Return the value of a lower-case Roman numeral (validated by the pattern)."""
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total


class English(Conventions):
    sections = frozenset(
        {
            "press releases",
            "press release",
            "press conferences",
            "announcements",
            "statements",
            "speeches",
        }
    )
    places = frozenset(
        {
            "home",
            "index",
            "top page",
            "top",
            "countries & regions",
            "foreign policy",
            "japan's foreign policy",
        }
    )
    credit_line = re.compile(r"\(\s*photo(?:\s+credit)?\s*:\s*(?P<credit>[^()]*?)\s*\)", re.I)
    title_words = _TITLE_WORDS
    language_link = _LANGUAGE_LINK
    links_heading = _LINKS_HEADING

    def match_date(self, line):
        weekday = _WEEKDAY.match(line)
        if weekday is not None and line[weekday.end() :][:1].isalnum():
            line = line[weekday.end() :]
        line = _WEEKDAY_AFTER.sub("", line)
        for date_format in _DATE_FORMATS:
            match = date_format.fullmatch(line)
            if not match:
                continue
            month = match["month"]
            number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
            if number is not None:
                return int(match["year"]), number, int(match["day"])
        return None

    def match_photo(self, line, prefix_only=False):
        broken = _BREAK.search(line) is not None
        line = _BREAK.sub(" ", line).strip()
        prefix = _PHOTO_PREFIX.match(line)
        if prefix_only and prefix is None:
            return None
        credit = _PHOTO_CREDIT.search(line)
        if credit is None and (prefix or broken):
            credit = _BARE_CREDIT.search(line)
        return self.photo_parts(line, prefix, credit)

    def navigation(self, line):
        if _PAGE_LINK.fullmatch(line) or self.is_language_link(line):
            return ""
        match = _NAVIGATION.fullmatch(line)
        if match is None:
            return None
        target = match["target"]
        if _PAGE_LINK.fullmatch(target):
            return ""
        # A last sentence that happens to begin with "Back to" ends like a sentence; a link
        # names a page and has no final full stop.
        if target.rstrip(CLOSERS).endswith(SENTENCE_ENDS):
            return None
        return target

    def match_marker(self, line):
        match = _DECIMAL.fullmatch(line)
        if match:
            return Marker(HEADING, match["marker"], match["text"], 1, MarkerStyle.DECIMAL)
        match = _PARENTHESISED.fullmatch(line)
        if match:
            return Marker(HEADING, match["marker"], match["text"], 2, MarkerStyle.PARENTHESISED)
        match = _ITEM.fullmatch(line)
        if match:
            token = match["token"]
            values = []
            if re.fullmatch(_ROMAN, token):
                values.append((MarkerStyle.LOWER_ROMAN, roman_value(token)))
            if len(token) == 1:
                values.append((MarkerStyle.LOWER_LATIN, ord(token) - ord("a") + 1))
            return Marker(ITEM, match["marker"], match["text"], values=tuple(values))
        for pattern in _BULLETS:
            match = pattern.fullmatch(line)
            if match:
                return Marker(BULLET, match["marker"], match["text"], 1)
        return None

    def is_note(self, line):
        return _NOTE.match(line) is not None
