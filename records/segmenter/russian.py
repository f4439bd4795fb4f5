"""Russian release texts.

::

    Российско-японские отношения        <- breadcrumb (topic)
    Российско-японская встреча …        <- title
    7 июля 2017 года                    <- date
    Фото 1: Подпись (Фото: …)           <- photo lines
    Текст …                             <- body
    1. Заголовок / 1) Подзаголовок / а) пункт / • пункт списка
    Назад к разделу …                   <- navigation, dropped
"""

from __future__ import annotations

import re

from ..numbering import CYRILLIC
from ..vocabulary import MarkerStyle
from .common import (
    BULLET,
    CLOSERS,
    HEADING,
    ITEM,
    SENTENCE_ENDS,
)
from .conventions import Conventions, Marker

_MONTHS = {
    name: number
    for number, name in enumerate(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
        start=1,
    )
}
_DATE = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[а-яё]+)\s+(?P<year>\d{4})(?:\s*(?:года|г\.?))?",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_PREFIX = re.compile(r"фото\s*\d*\s*:\s*", re.IGNORECASE)
_CREDIT = re.compile(r"\s*\(\s*фото\s*:\s*(?P<credit>.*?)\s*\)$", re.IGNORECASE)
_DECIMAL = re.compile(r"(?P<marker>\d{1,2}\.)(?:\s+(?P<text>\S.*))?")
_PARENTHESISED = re.compile(r"(?P<marker>\d{1,2}\)|\(\d{1,2}\))\s*(?P<text>\S.*)?")
_ITEM = re.compile(rf"(?P<marker>[{CYRILLIC}]\))\s*(?P<text>\S.*)?")
_BULLETS = (
    re.compile(r"(?P<marker>[•·])\s*(?P<text>\S.*)?"),
    re.compile(r"(?P<marker>[-*–—])\s+(?P<text>\S.*)"),
)
_NOTE = re.compile(
    r"\(\s*\*|\*\S|\(?\s*примечани|\(?\s*(?:предварительный|неофициальный)\s+перевод",
    re.IGNORECASE,
)
# "пятница, 14 июля 2023 года": the weekday before a date says nothing the date does not.
_WEEKDAY = re.compile(
    r"(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)"
    r"\.?,?\s+",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(r"(?:назад|вернуться)\b\s*(?P<target>.*)", re.IGNORECASE)
_LINKS_HEADING = re.compile(
    r"(?:ссылки\s+по\s+теме|связанные\s+(?:ссылки|материалы)|см\.?\s+также):?", re.IGNORECASE
)
_TITLE_WORDS = re.compile(
    r"встреч|переговор|визит|саммит|телефонн|разговор|заявлени|конференц|бесед", re.IGNORECASE
)


class Russian(Conventions):
    date_example = '"7 июля 2017 года"'
    sections = frozenset({"пресс-релизы", "новости", "заявления", "сообщения"})
    places = frozenset({"главная", "главная страница"})
    credit_line = re.compile(r"\(\s*фото\s*:\s*(?P<credit>[^()]*?)\s*\)", re.IGNORECASE)
    title_words = _TITLE_WORDS
    links_heading = _LINKS_HEADING

    def match_date(self, line):
        weekday = _WEEKDAY.match(line)
        if weekday is not None and line[weekday.end() :][:1].isdigit():
            line = line[weekday.end() :]
        match = _DATE.fullmatch(line)
        if match:
            month = _MONTHS.get(match["month"].lower())
            if month is not None:
                return int(match["year"]), month, int(match["day"])
            return None
        match = _ISO_DATE.fullmatch(line)
        if match:
            return int(match["year"]), int(match["month"]), int(match["day"])
        return None

    def match_photo(self, line, prefix_only=False):
        prefix = _PREFIX.match(line)
        if prefix_only and prefix is None:
            return None
        return self.photo_parts(line, prefix, _CREDIT.search(line))

    def navigation(self, line):
        match = _NAVIGATION.fullmatch(line)
        if match is None or match["target"].rstrip(CLOSERS).endswith(SENTENCE_ENDS):
            return None
        return re.sub(r"^(?:к|в|на)\s+(?:разделу\s+)?", "", match["target"], flags=re.I)

    def match_marker(self, line):
        match = _DECIMAL.fullmatch(line)
        if match:
            return Marker(HEADING, match["marker"], match["text"], 1, MarkerStyle.DECIMAL)
        match = _PARENTHESISED.fullmatch(line)
        if match:
            return Marker(HEADING, match["marker"], match["text"], 2, MarkerStyle.PARENTHESISED)
        match = _ITEM.fullmatch(line)
        if match:
            value = CYRILLIC.index(match["marker"][0]) + 1
            return Marker(
                ITEM, match["marker"], match["text"], values=((MarkerStyle.LOWER_LATIN, value),)
            )
        for pattern in _BULLETS:
            match = pattern.fullmatch(line)
            if match:
                return Marker(BULLET, match["marker"], match["text"], 1)
        return None

    def is_note(self, line):
        return _NOTE.match(line) is not None
