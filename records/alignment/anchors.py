"""What parallel texts share whatever their language: numbers, dates, numbering markers, Latin
names (G20, TOR, ASEAN) and names of people and places in any script (安倍, Абэ, Abe:
:mod:`.names`), read from one block of English, Japanese or Russian text.

Light extractors of their own: records never imports translations, whose consistency checks
read the same things more thoroughly. Pure Python, no database.
"""

from __future__ import annotations

import re
import unicodedata

from .names import name_keys

_MONTHS_EN = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTHS_RU = {
    stem: number
    for number, stem in enumerate(
        ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
         "ноябр", "декабр"),
        start=1,
    )
}  # fmt: skip
_EN_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\b")
_EN_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\b")
_RU_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([а-яё]{2,9})", re.IGNORECASE)
_JA_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# Latin names written the same in every language: acronyms and names with digits.
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]+(?:-\d+)?(?![A-Za-z])")
_IROHA = "アイウエオカキクケコサシスセソタチツテトナニヌネノ"
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_MARKER_STRIP = re.compile(r"[\s().．。、,・•\-‐−–—）（]")


def _normal(text):
    # Full-width digits and letters ("１１月２５日", "（２）") read as their ASCII forms.
    return unicodedata.normalize("NFKC", text)


def _month_ru(word):
    word = word.lower()
    for stem, number in _MONTHS_RU.items():
        if word.startswith(stem) and (stem != "ма" or word in ("мая", "май", "мае")):
            return number
    return None


def _dates(text):
    """Return the (month, day) dates of ``text`` and the text with them taken out."""
    found = set()

    def take(month, day):
        if month and 1 <= int(day) <= 31:
            found.add(("date", month, int(day)))
            return True
        return False

    def en_month_day(match):
        month = _MONTHS_EN.get(match[1].lower())
        return " " if take(month, match[2]) else match[0]

    def en_day_month(match):
        month = _MONTHS_EN.get(match[2].lower()) or _month_ru(match[2])
        return " " if take(month, match[1]) else match[0]

    text = _JA_MONTH_DAY.sub(lambda m: " " if take(int(m[1]), m[2]) else m[0], text)
    text = _EN_MONTH_DAY.sub(en_month_day, text)
    text = _EN_DAY_MONTH.sub(en_day_month, text)
    text = _RU_DAY_MONTH.sub(en_day_month, text)
    return found, text


def marker_ordinal(marker):
    """Return the position a numbering marker stands for ("2.", "(2)", "イ", "(b)", "(ii)"),
    or None for a bullet or no marker."""
    bare = _MARKER_STRIP.sub("", _normal(marker or "")).lower()
    if not bare:
        return None
    if bare.isdigit():
        return int(bare)
    if bare in _ROMAN:
        return _ROMAN.index(bare) + 1
    if len(bare) == 1 and "a" <= bare <= "z":
        return ord(bare) - ord("a") + 1
    if len(bare) == 1 and bare in _IROHA:
        return _IROHA.index(bare) + 1
    return None


def anchors(text, marker=""):
    """Return the anchors of one block: its dates, numbers (0 aside: "5:00" and 「5時」 agree),
    Latin names, names in any script ("proper", their loose key) and the position its
    numbering marker stands for."""
    dates, rest = _dates(_normal(text))
    found = set(dates)
    for number in _NUMBER.findall(rest):
        value = number.replace(",", "")
        if value.strip("0.") and not value.startswith("0"):
            found.add(("number", value))
    found.update(("name", name) for name in _LATIN_NAME.findall(rest))
    found.update(("proper", key) for key in name_keys(text))
    ordinal = marker_ordinal(marker)
    if ordinal is not None:
        found.add(("marker", ordinal))
    return frozenset(found)
