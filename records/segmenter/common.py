"""What every language's release text shares: errors, parsed values, decoding and lines.

Pure Python (no database), so importers, commands and tests can use it anywhere.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from ..vocabulary import MarkerStyle, SegmentKind

EMPTY_FILE = "the file is empty"
NOT_UTF8 = "not valid UTF-8 text (byte 0x{byte:02X} cannot be decoded); save the file as UTF-8"
UTF16 = "not valid UTF-8 text (the file is UTF-16); save the file as UTF-8"
BINARY_DATA = "the file contains binary data (control character U+{code:04X}), not release text"
MISSING_TOPIC = (
    'expected a topic line such as "Japan-Russia Relations" before the date, found {found}'
)
MISSING_DATE = "expected a date line such as {example}, found {found}"
INVALID_DATE = "the date {found} does not exist ({reason})"
EMPTY_CAPTION = "the photo line {found} has no caption"
MARKER_WITHOUT_TEXT = 'the {kind} marker "{marker}" has no text'
NO_BODY = "the release has no body text"
END_OF_FILE = "the end of the file"

# Doubts: what the parser decided on thin evidence, shown in previews.
DOUBT_BARE_CAPTION = "taken as a photo caption: a short line without a final full stop"
DOUBT_TITLE_OR_TOPIC = "one line above the date: taken as the {taken}"
DOUBT_NUMBERED = "numbered line taken as a {taken}"
DOUBT_ITEM_STYLE = 'item marker "{marker}" does not continue the list above it'
DOUBT_NO_TOPIC = (
    "no topic: neither the breadcrumb ({crumbs}) nor a closing link names one; the release goes "
    "to the default topic"
)
DOUBT_TITLE_FROM_LEAD = "no title line: the first sentence of this paragraph is taken as the title"

PARAGRAPH = SegmentKind.PARAGRAPH
HEADING = SegmentKind.HEADING
NUMBERED = SegmentKind.NUMBERED
ITEM = SegmentKind.ITEM
BULLET = SegmentKind.BULLET
NOTE = SegmentKind.NOTE

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Tab, line feed, form feed and carriage return occur in ordinary text files; every other
# C0 control (and DEL) only turns up in binary files such as images or office documents.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# The same set plus the C1 controls, which valid UTF-8 can still carry.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
LINE_BREAKS = re.compile(r"\r\n?")
# The ideographic space counts as a space between a Japanese marker and its text.
_SPACES = re.compile(r"[ \t\f\u3000]+")
_EXCERPT_LENGTH = 60
# Captions are short; a longer line below the date is the lead paragraph.
CAPTION_LENGTH = 150

SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "…", "．")
CLOSERS = "\"'”’»)]）」』】"


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
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ParsedSegment:
    kind: str
    level: int
    text: str
    line: int
    style: str = MarkerStyle.NONE
    # The marker as written ("1.", "(a)", "- "), for previews and alignment reports.
    marker: str = field(default="", compare=False)


@dataclass(frozen=True)
class Doubt:
    line: int
    message: str


@dataclass(frozen=True)
class ParsedRelease:
    topic: str
    date: datetime.date
    photos: tuple[ParsedPhoto, ...]
    segments: tuple[ParsedSegment, ...]
    # The title line above the date, when the release has one.
    headline: str | None = None
    # Without a title line or a caption: the lead's first sentence (a doubtful title).
    lead_title: str = ""
    # A breadcrumb that names a section of the site ("Press Releases") rather than a topic.
    section: str = ""
    doubts: tuple[Doubt, ...] = field(default=(), compare=False)
    date_line: int = field(default=0, compare=False)

    @property
    def title(self) -> str | None:
        """Return the title line, else the first photo caption (MOFA's older pages), else
        the lead's first sentence."""
        if self.headline:
            return self.headline
        caption = next((photo.caption for photo in self.photos if photo.caption), None)
        return caption or self.lead_title or None

    @property
    def title_from_lead(self) -> bool:
        """Tell whether the title is the lead's first sentence (a guess to confirm)."""
        return self.title == self.lead_title and bool(self.lead_title)


def decode(data: bytes | str) -> str:
    """Return the text of a release file, refusing binary data and text that is not UTF-8."""
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        text = _decode(data)
    control = _CONTROL_CHARS.search(text)
    if control:
        raise SegmenterError(
            BINARY_DATA.format(code=ord(control[0])), line_of(text[: control.start()])
        )
    return text


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
            line_of(data[:position].decode("utf-8", errors="replace")),
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SegmenterError(
            NOT_UTF8.format(byte=data[error.start]), line_of(data[: error.start].decode("utf-8"))
        ) from None


def split_lines(text: str) -> list[str]:
    """Return the cleaned lines of ``text`` (index 0 is line 1)."""
    return [clean(line) for line in LINE_BREAKS.sub("\n", text).split("\n")]


def line_of(prefix: str) -> int:
    """Return the 1-based line on which the text following ``prefix`` starts."""
    return len(LINE_BREAKS.sub("\n", prefix).split("\n"))


def clean(line: str) -> str:
    """Strip a line and collapse its runs of spaces and tabs into single spaces."""
    return _SPACES.sub(" ", line.strip())


def quote(line: str) -> str:
    """Quote a source line for an error message, shortening a long one."""
    if len(line) > _EXCERPT_LENGTH:
        line = line[: _EXCERPT_LENGTH - 1].rstrip() + "…"
    return f'"{line}"'


def folded(text: str) -> str:
    """Return ``text`` with full-width digits, letters and brackets as their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def ends_sentence(text: str) -> bool:
    """Tell whether ``text`` ends a sentence (closing quotes and brackets aside)."""
    return text.rstrip(CLOSERS).endswith(SENTENCE_ENDS) or text.endswith(SENTENCE_ENDS)


def join(parts: list[str]) -> str:
    """Join hard-wrapped lines with single spaces, except between two CJK characters."""
    text = parts[0]
    for part in parts[1:]:
        # Japanese and Chinese put no spaces between words, so a line break between two
        # wide characters is not a word boundary.
        separator = "" if is_wide(text[-1]) and is_wide(part[0]) else " "
        text = f"{text}{separator}{part}"
    return text


def is_wide(character: str) -> bool:
    """Tell whether a character is East Asian wide or full-width (kana, kanji, 。 and so on)."""
    return unicodedata.east_asian_width(character) in ("W", "F")


def valid_date(number: int, line: str, parts) -> datetime.date:
    """Return the date of ``parts`` (year, month, day), refusing a day that does not exist."""
    try:
        return datetime.date(*parts)
    except ValueError as error:
        raise SegmenterError(INVALID_DATE.format(found=quote(line), reason=error), number) from None
