"""Parse the plain-text press releases (Japan MOFA style) that Concord imports.

A release looks like this (leading indentation is ignored)::

    Japan-Russia Relations              <- topic (the breadcrumb)
    July 7, 2017                        <- date
    photo1: Caption (Photo: Credit)     <- zero or more photo lines
    Lead paragraph ...                  <- body: paragraphs, headings, items, bullets
    1. Heading / (1) Sub-heading / (i) or (a) item / • bullet
    Back to Japan-Russia Relations      <- navigation, dropped

Numbering and bullet markers are structure: they become ``kind`` and ``level``
and never appear in a segment's ``text``.  A blank line or a marker ends a segment; a
plain line right below a paragraph, item or bullet continues it (hard-wrapped text), and
continues a heading only when the heading line looks wrapped (see ``_Block.continues``).

The module is pure Python so that the importer, management commands and tests can use
it without a database.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from .vocabulary import SegmentKind

__all__ = [
    "ParsedPhoto",
    "ParsedRelease",
    "ParsedSegment",
    "SegmenterError",
    "parse_release_text",
]

EMPTY_FILE = "the file is empty"
NOT_UTF8 = "not valid UTF-8 text (byte 0x{byte:02X} cannot be decoded); save the file as UTF-8"
UTF16 = "not valid UTF-8 text (the file is UTF-16); save the file as UTF-8"
BINARY_DATA = "the file contains binary data (control character U+{code:04X}), not release text"
MISSING_TOPIC = (
    'expected a topic line such as "Japan-Russia Relations" before the date, found {found}'
)
MISSING_DATE = 'expected a date line such as "July 7, 2017", found {found}'
INVALID_DATE = "the date {found} does not exist ({reason})"
EMPTY_CAPTION = "the photo line {found} has no caption"
MARKER_WITHOUT_TEXT = 'the {kind} marker "{marker}" has no text'
NO_BODY = "the release has no body text"
END_OF_FILE = "the end of the file"

PARAGRAPH = SegmentKind.PARAGRAPH
HEADING = SegmentKind.HEADING
ITEM = SegmentKind.ITEM
BULLET = SegmentKind.BULLET

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Tab, line feed, form feed and carriage return occur in ordinary text files; every other
# C0 control (and DEL) only turns up in binary files such as images or office documents.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# The same set plus the C1 controls, which valid UTF-8 can still carry.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?")
_SPACES = re.compile(r"[ \t\f]+")

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
# Full English names and the usual abbreviations ("Jul.", "Sept."); strptime's %B would
# depend on the process locale.
_MONTHS = {
    name: number for number, full in enumerate(_MONTH_NAMES, start=1) for name in (full, full[:3])
} | {"sept": 9}
_DATE_FORMATS = (
    re.compile(r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
)

_PHOTO_PREFIX = re.compile(r"photo\s*\d*\s*:\s*", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"\s*\(\s*photo(?:\s+credit)?\s*:\s*(?P<credit>.*?)\s*\)$", re.IGNORECASE
)

# Roman numerals are limited to 1-89 so that words made of roman letters, e.g. "(mix)" or
# "(civil)", stay text.  "(v)", "(x)", "(l)" can be either a numeral or a letter; both kinds
# are items at the same level, so the ambiguity cannot change the result.
_ROMAN = r"(?=[ivxl])(?:xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
# A marker needs whitespace after "1." so that "3.5 million" or "2017 was" stay paragraphs;
# a closing parenthesis or a bullet character is a clear enough boundary on its own.
# The text is optional so that a marker alone on its line can take its text from the next.
_MARKERS = (
    (HEADING, 1, re.compile(r"(?P<marker>\d{1,2}\.)(?:\s+(?P<text>\S.*))?")),
    (HEADING, 2, re.compile(r"(?P<marker>\(\d{1,2}\))\s*(?P<text>\S.*)?")),
    (ITEM, 3, re.compile(rf"(?P<marker>\((?:{_ROMAN}|[a-z])\))\s*(?P<text>\S.*)?")),
    (BULLET, 1, re.compile(r"(?P<marker>[•・])\s*(?P<text>\S.*)?")),
    # Hyphens, asterisks and dashes also occur in ordinary text, so they need a space.
    (BULLET, 1, re.compile(r"(?P<marker>[-*–])\s+(?P<text>\S.*)")),
)

# Hard-wrapped text is rarely narrower than 60 columns, so a shorter heading line ended where
# its author ended it and the line below it is a paragraph, not the rest of the heading.
_WRAPPED_HEADING_LENGTH = 60

_NAVIGATION = re.compile(r"back\s+to\s+(?P<target>\S.*)", re.IGNORECASE)
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "…")
_CLOSERS = "\"'”’»)]）」』"

_EXCERPT_LENGTH = 60


class SegmenterError(ValueError):
    """Report release text that cannot be parsed, naming the 1-based line when known."""

    def __init__(self, message: str, line: int | None = None):
        self.message = message
        self.line = line
        super().__init__(message if line is None else f"line {line}: {message}")

    def __reduce__(self):
        # Rebuild from the parts, not from the formatted text, so that a pickled error
        # (e.g. a Celery task result) keeps .message and .line.
        return type(self), (self.message, self.line)


@dataclass(frozen=True)
class ParsedPhoto:
    caption: str
    credit: str


@dataclass(frozen=True)
class ParsedSegment:
    kind: str
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class ParsedRelease:
    topic: str
    date: datetime.date
    photos: tuple[ParsedPhoto, ...]
    segments: tuple[ParsedSegment, ...]

    @property
    def title(self) -> str | None:
        """Return the first photo caption, which MOFA uses as the release title."""
        return self.photos[0].caption if self.photos else None


@dataclass
class _Block:
    """Collect the lines of one segment while the body is read."""

    kind: str
    level: int
    line: int
    marker: str
    parts: list[str]
    last_length: int

    def continues(self, line: str) -> bool:
        """Tell whether a plain line right below this block is the block's hard-wrapped text."""
        if self.kind != HEADING or not self.parts:
            return True
        # A heading is normally one line; only a long line, or a next line that carries on
        # in lower case, shows that it was wrapped.
        return self.last_length >= _WRAPPED_HEADING_LENGTH or line[0].islower()

    def add(self, line: str) -> None:
        """Append a continuation line."""
        self.parts.append(line)
        self.last_length = len(line)

    def finish(self) -> ParsedSegment:
        """Return the finished segment, refusing a marker that never got any text."""
        if not self.parts:
            raise SegmenterError(
                MARKER_WITHOUT_TEXT.format(kind=self.kind, marker=self.marker), self.line
            )
        return ParsedSegment(self.kind, self.level, _join(self.parts), self.line)


def parse_release_text(data: bytes | str) -> ParsedRelease:
    """Parse one release (UTF-8 bytes or text) into topic, date, photos and body segments."""
    text = _decode(data) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    control = _CONTROL_CHARS.search(text)
    if control:
        raise SegmenterError(
            BINARY_DATA.format(code=ord(control[0])), _line_of(text[: control.start()])
        )
    lines = [_clean(line) for line in _LINE_BREAKS.sub("\n", text).split("\n")]
    content = [(number, line) for number, line in enumerate(lines, start=1) if line]
    if not content:
        raise SegmenterError(EMPTY_FILE)

    topic_line, topic = content[0]
    if _match_date(topic):
        raise SegmenterError(MISSING_TOPIC.format(found=_quote(topic)), topic_line)
    if len(content) < 2:
        raise SegmenterError(MISSING_DATE.format(found=END_OF_FILE), topic_line + 1)
    date = _parse_date(*content[1])

    photos = []
    position = 2
    while position < len(content):
        photo = _parse_photo(*content[position])
        if photo is None:
            break
        photos.append(photo)
        position += 1
    if position == len(content):
        raise SegmenterError(NO_BODY, content[-1][0])

    body_start = content[position][0]
    body_end = len(lines) + 1
    last_line, last = content[-1]
    if _is_navigation(last, topic):
        body_end = last_line
    segments = _parse_body(lines, body_start, body_end)
    if not segments:
        raise SegmenterError(NO_BODY, last_line)
    return ParsedRelease(topic, date, tuple(photos), segments)


def _decode(data: bytes) -> str:
    """Decode strict UTF-8, naming the line of the first control byte or undecodable byte."""
    data = data.removeprefix(_UTF8_BOM)
    if data.startswith(_UTF16_BOMS):
        raise SegmenterError(UTF16, 1)
    # Look for control bytes first: a binary file is usually also invalid UTF-8, and
    # "binary data" is the more useful message for it.
    control = _CONTROL_BYTES.search(data)
    if control:
        position = control.start()
        raise SegmenterError(
            BINARY_DATA.format(code=data[position]),
            _line_of(data[:position].decode("utf-8", errors="replace")),
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SegmenterError(
            NOT_UTF8.format(byte=data[error.start]), _line_of(data[: error.start].decode("utf-8"))
        ) from None


def _line_of(prefix: str) -> int:
    """Return the 1-based line on which the text following ``prefix`` starts."""
    return len(_LINE_BREAKS.sub("\n", prefix).split("\n"))


def _clean(line: str) -> str:
    """Strip a line and collapse its runs of spaces and tabs into single spaces."""
    return _SPACES.sub(" ", line.strip())


def _quote(line: str) -> str:
    """Quote a source line for an error message, shortening a long one."""
    if len(line) > _EXCERPT_LENGTH:
        line = line[: _EXCERPT_LENGTH - 1].rstrip() + "…"
    return f'"{line}"'


def _match_date(line: str) -> tuple[int, int, int] | None:
    """Return (year, month, day) if the line is written as a date, else None."""
    for date_format in _DATE_FORMATS:
        match = date_format.fullmatch(line)
        if not match:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
        if number is not None:
            return int(match["year"]), number, int(match["day"])
    return None


def _parse_date(number: int, line: str) -> datetime.date:
    """Parse the date line, refusing text that is not a date or a day that does not exist."""
    parts = _match_date(line)
    if parts is None:
        raise SegmenterError(MISSING_DATE.format(found=_quote(line)), number)
    try:
        return datetime.date(*parts)
    except ValueError as error:
        raise SegmenterError(
            INVALID_DATE.format(found=_quote(line), reason=error), number
        ) from None


def _parse_photo(number: int, line: str) -> ParsedPhoto | None:
    """Parse a photo line, or return None when the line starts the body instead."""
    prefix = _PHOTO_PREFIX.match(line)
    credit = _PHOTO_CREDIT.search(line)
    # Without the "photoN:" prefix only a credit tells a caption from a lead paragraph.
    if prefix is None and credit is None:
        return None
    start = prefix.end() if prefix else 0
    end = credit.start() if credit else len(line)
    caption = line[start:end].strip()
    if not caption:
        raise SegmenterError(EMPTY_CAPTION.format(found=_quote(line)), number)
    return ParsedPhoto(caption, credit["credit"] if credit else "")


def _is_navigation(line: str, topic: str) -> bool:
    """Tell whether the closing line is the "Back to <topic>" link rather than text."""
    match = _NAVIGATION.fullmatch(line)
    if match is None:
        return False
    target = match["target"]
    # A last sentence that happens to begin with "Back to" ends like a sentence; a link
    # names a page and has no final full stop.
    return target.casefold() == topic.casefold() or not target.rstrip(_CLOSERS).endswith(
        _SENTENCE_ENDS
    )


def _parse_body(lines: list[str], start: int, end: int) -> tuple[ParsedSegment, ...]:
    """Split source lines ``start`` to ``end - 1`` (1-based) into segments."""
    segments: list[ParsedSegment] = []
    block: _Block | None = None
    for number in range(start, end):
        line = lines[number - 1]
        if not line:
            if block:
                segments.append(block.finish())
            block = None
            continue
        marker = _match_marker(number, line)
        if marker:
            if block:
                segments.append(block.finish())
            block = marker
        elif block and block.continues(line):
            block.add(line)
        else:
            if block:
                segments.append(block.finish())
            block = _Block(PARAGRAPH, 0, number, "", [line], len(line))
    if block:
        segments.append(block.finish())
    return tuple(segments)


def _match_marker(number: int, line: str) -> _Block | None:
    """Start a segment if the line begins with a heading, item or bullet marker."""
    for kind, level, pattern in _MARKERS:
        match = pattern.fullmatch(line)
        if match:
            text = match["text"]
            parts = [text] if text else []
            return _Block(kind, level, number, match["marker"], parts, len(line))
    return None


def _join(parts: list[str]) -> str:
    """Join hard-wrapped lines with single spaces, except between two CJK characters."""
    text = parts[0]
    for part in parts[1:]:
        # Japanese and Chinese put no spaces between words, so a line break between two
        # wide characters is not a word boundary.
        separator = "" if _is_wide(text[-1]) and _is_wide(part[0]) else " "
        text = f"{text}{separator}{part}"
    return text


def _is_wide(character: str) -> bool:
    """Tell whether a character is East Asian wide or full-width (kana, kanji, 。 and so on)."""
    return unicodedata.east_asian_width(character) in ("W", "F")
