"""The reading every language shares: header, photos, body segments, closing links.

A language's :class:`Conventions` says how its dates, photo lines, markers, notes and links
are written; :func:`parse_with` reads a release with them, deciding as the package's
docstring (``records.segmenter``) describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vocabulary import MarkerStyle
from .common import (
    BULLET,
    DOUBT_BARE_CAPTION,
    DOUBT_ITEM_STYLE,
    DOUBT_NO_TOPIC,
    DOUBT_NUMBERED,
    DOUBT_TITLE_OR_TOPIC,
    EMPTY_FILE,
    END_OF_FILE,
    HEADING,
    ITEM,
    MARKER_WITHOUT_TEXT,
    MISSING_DATE,
    MISSING_TOPIC,
    NO_BODY,
    NOTE,
    NUMBERED,
    PARAGRAPH,
    Doubt,
    ParsedPhoto,
    ParsedRelease,
    ParsedSegment,
    SegmenterError,
    decode,
    ends_sentence,
    join,
    quote,
    split_lines,
    valid_date,
)

WRAP_WIDTH = 100
# A numbered sentence this short could be a heading that ends with a full stop.
SHORT_PARAGRAPH = 40
_BREADCRUMB_SEPARATORS = re.compile(r"\s+(?:>|›|»|/)\s+")


@dataclass
class _Block:
    kind: str
    level: int
    style: str
    line: int
    marker: str
    parts: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self, conventions, lines):
        self.conventions = conventions
        self.lines = lines
        self.doubts = []
        self.photos = []

    # --- header -----------------------------------------------------------------------

    def header(self, content, back_target):
        conv = self.conventions
        date_index = next(
            (i for i in range(min(3, len(content))) if conv.match_date(content[i][1])), None
        )
        if date_index == 0:
            raise SegmenterError(MISSING_TOPIC.format(found=quote(content[0][1])), content[0][0])
        if date_index is None:
            self._missing_date(content)
        number, line = content[date_index]
        date = valid_date(number, line, conv.match_date(line))
        above = [line for _, line in content[:date_index]]
        headline = None
        if len(above) == 2:
            breadcrumb, headline = above
        elif self._is_breadcrumb(above[0], back_target):
            breadcrumb = above[0]
        else:
            breadcrumb, headline = "", above[0]
            self.doubts.append(Doubt(content[0][0], DOUBT_TITLE_OR_TOPIC.format(taken="title")))
        topic, section = self._topic(breadcrumb, back_target, content[0][0])
        return date_index, date, topic, section, headline

    def _missing_date(self, content):
        if len(content) < 2:
            raise SegmenterError(
                MISSING_DATE.format(example=self.conventions.date_example, found=END_OF_FILE),
                content[0][0] + 1,
            )
        number, line = content[1]
        # The second line is a title when it reads like one; the date was due below it.
        if len(content) > 2 and self._title_shaped(line) and not re.search(r"\d{4}", line):
            number, line = content[2]
        raise SegmenterError(
            MISSING_DATE.format(example=self.conventions.date_example, found=quote(line)), number
        )

    def _title_shaped(self, line):
        try:
            photo = self.conventions.match_photo(line)
        except SegmenterError:
            return False
        return self.conventions.caption_like(line) and photo is None

    def _is_breadcrumb(self, line, back_target):
        conv = self.conventions
        if conv.is_section(line) or _BREADCRUMB_SEPARATORS.search(line):
            return True
        if back_target and back_target.casefold() == line.casefold():
            return True
        return not conv.looks_like_title(line)

    def _topic(self, breadcrumb, back_target, line):
        conv = self.conventions
        parts = [part for part in _BREADCRUMB_SEPARATORS.split(breadcrumb) if part]
        topics = [part for part in parts if not conv.is_section(part)]
        sections = [part for part in parts if conv.is_section(part)]
        if topics:
            return topics[-1], sections[-1] if sections else ""
        if back_target and not conv.is_section(back_target):
            return back_target, sections[-1] if sections else ""
        if sections:
            self.doubts.append(Doubt(line, DOUBT_NO_TOPIC.format(section=sections[-1])))
        return "", sections[-1] if sections else ""

    # --- photos -----------------------------------------------------------------------

    def header_photos(self, content, start, end):
        """Read the photo lines below the date; return the index of the first body line."""
        conv = self.conventions
        index = start
        while index < end:
            number, line = content[index]
            marker = conv.match_marker(line)
            text = line
            if marker is not None:
                # A "•" list of captions before the lead; any other marker starts the body.
                if marker.kind != BULLET or not marker.text:
                    break
                text = marker.text
            photo = self.photo(number, text)
            bare = False
            if photo is None and self._bare_caption(content, index, end, text):
                photo, bare = (text, ""), True
            if photo is None:
                break
            self.add_photo(number, line, photo)
            if bare:
                self.doubts.append(Doubt(number, DOUBT_BARE_CAPTION))
            index += 1
        return index

    def _bare_caption(self, content, index, end, text):
        """Tell whether a line without prefix or credit is a caption rather than the lead.

        It must be short and unfinished (no final full stop), and stand on its own: followed
        by a blank line, or by a line that cannot continue it (a capital, another photo).
        """
        conv = self.conventions
        if index + 1 >= end or not conv.caption_like(text) or conv.is_note(text):
            return False
        if conv.navigation(text) is not None:
            return False
        number, _line = content[index]
        following_number, following = content[index + 1]
        if following_number > number + 1:
            return True
        try:
            if conv.match_photo(following) is not None:
                return True
        except SegmenterError:
            return True
        return following[0].isupper() or (
            conv.caption_like(following) and self._bare_caption(content, index + 1, end, following)
        )

    def photo(self, number, line, prefix_only=False):
        """Return (caption, credit) of a photo line, naming the line in a refusal."""
        try:
            return self.conventions.match_photo(line, prefix_only)
        except SegmenterError as error:
            raise SegmenterError(error.message, number) from None

    def add_photo(self, number, line, photo):
        self.photos.append(ParsedPhoto(photo[0], photo[1], number))

    # --- body -------------------------------------------------------------------------

    def body(self, start, end):
        conv = self.conventions
        body = [self.lines[number - 1] for number in range(start, end)]
        self.width = max((len(line) for line in body), default=0)
        self.wrapped = self.width <= WRAP_WIDTH and any(
            a and b and not ends_sentence(a) and b[0].islower()
            for a, b in zip(body, body[1:], strict=False)
        )
        self.segments = []
        self.runs = []
        block = None
        for number in range(start, end):
            line = self.lines[number - 1]
            if not line:
                block = self.finish(block)
                continue
            photo = self.body_photo(number, line)
            if photo is not None:
                block = self.finish(block)
                self.add_photo(number, line, photo)
                continue
            if conv.is_note(line):
                self.finish(block)
                block = _Block(NOTE, 0, MarkerStyle.NONE, number, "", [line])
                continue
            marker = conv.match_marker(line)
            if marker is not None:
                self.finish(block)
                block = self.start(number, marker)
            elif block is not None and self.continues(block, line):
                block.parts.append(line)
            else:
                self.finish(block)
                block = _Block(PARAGRAPH, 0, MarkerStyle.NONE, number, "", [line])
        self.finish(block)
        return tuple(self.segments)

    def body_photo(self, number, line):
        photo = self.photo(number, line, prefix_only=True)
        if photo is None:
            marker = self.conventions.match_marker(line)
            if marker is not None and marker.kind == BULLET and marker.text:
                photo = self.photo(number, marker.text, prefix_only=True)
        return photo

    def start(self, number, marker):
        conv = self.conventions
        if marker.kind == HEADING:
            self.runs = []
            inner = conv.match_marker(marker.text) if marker.text else None
            # Two markers on one line ("2. (1) On …"): one segment opening both numbers.
            if (
                marker.style == MarkerStyle.DECIMAL
                and inner is not None
                and inner.kind == HEADING
                and inner.style == MarkerStyle.PARENTHESISED
            ):
                parts = [inner.text] if inner.text else []
                style = MarkerStyle.DECIMAL_PARENTHESISED
                return _Block(HEADING, 2, style, number, f"{marker.marker} {inner.marker}", parts)
            return _Block(
                HEADING, marker.level, marker.style, number, marker.marker, _parts(marker)
            )
        if marker.kind == ITEM:
            style, level = self.item(number, marker)
            return _Block(ITEM, level, style, number, marker.marker, _parts(marker))
        return _Block(
            marker.kind, marker.level or 1, marker.style, number, marker.marker, _parts(marker)
        )

    def item(self, number, marker):
        """Return the (style, level) of an item: it continues a list, nests or starts one."""
        values = dict(marker.values)
        if marker.level:
            style = marker.values[0][0]
            return style, marker.level
        for depth in range(len(self.runs) - 1, -1, -1):
            style, count, level = self.runs[depth]
            if values.get(style) == count + 1:
                del self.runs[depth + 1 :]
                self.runs[depth][1] = count + 1
                return style, level
        firsts = [style for style, value in marker.values if value == 1]
        style = firsts[0] if firsts else marker.values[0][0]
        if not self.runs:
            level = 3
        elif firsts:
            level = self.runs[-1][2] + 1
        else:
            level = self.runs.pop()[2]
            self.doubts.append(Doubt(number, DOUBT_ITEM_STYLE.format(marker=marker.marker)))
        self.runs.append([style, values[style], level])
        return style, level

    def continues(self, block, line):
        """Tell whether a plain line right below ``block`` is the block's wrapped text."""
        if not block.parts:
            return True
        last = block.parts[-1]
        conv = self.conventions
        if block.kind == HEADING and not conv.reads_as_sentences(join(block.parts)):
            # A heading is normally one line; only a long line, or a next line that carries
            # on in lower case, shows that it was wrapped.
            # The first line's length counts its marker.
            length = len(last) + (len(block.marker) + 1 if len(block.parts) == 1 else 0)
            return length >= conv.wrapped_heading_length or line[0].islower()
        if not ends_sentence(last):
            return self.wrapped or not line[0].isupper()
        if not self.wrapped:
            return False
        return len(last) + 1 + len(line.split(" ", 1)[0]) > self.width

    def finish(self, block):
        if block is None:
            return None
        if not block.parts:
            kind = "heading" if block.kind in (HEADING, NUMBERED) else block.kind
            raise SegmenterError(
                MARKER_WITHOUT_TEXT.format(kind=kind, marker=block.marker), block.line
            )
        text = join(block.parts)
        kind = block.kind
        if kind == HEADING:
            if self.conventions.reads_as_sentences(text):
                kind = NUMBERED
                if len(text) < SHORT_PARAGRAPH:
                    self.doubts.append(Doubt(block.line, DOUBT_NUMBERED.format(taken="paragraph")))
        self.segments.append(
            ParsedSegment(kind, block.level, text, block.line, block.style, block.marker)
        )
        return None


def _parts(marker):
    return [marker.text] if marker.text else []


def parse_with(conventions, data) -> ParsedRelease:
    """Parse one release (UTF-8 bytes or text) written in ``conventions``."""
    lines = split_lines(decode(data))
    content = [(number, line) for number, line in enumerate(lines, start=1) if line]
    if not content:
        raise SegmenterError(EMPTY_FILE)
    reader = _Reader(conventions, lines)

    end = len(content)
    targets = []
    # Closing links ("Back to …", "…へ戻る"), as many as there are, are navigation; the
    # first that names a topic rather than a section of the site may name the release's.
    while end > 2:
        target = conventions.navigation(content[end - 1][1])
        if target is None:
            break
        targets.insert(0, target)
        end -= 1
    topical = [target for target in targets if target and not conventions.is_section(target)]
    back_target = topical[0] if topical else (targets[0] if targets else None)
    date_index, date, topic, section, headline = reader.header(content[:end], back_target)
    body_index = reader.header_photos(content, date_index + 1, end)
    if body_index >= end:
        raise SegmenterError(NO_BODY, content[-1][0])
    body_end = content[end][0] if end < len(content) else len(lines) + 1
    segments = reader.body(content[body_index][0], body_end)
    if not segments:
        raise SegmenterError(NO_BODY, content[-1][0])
    return ParsedRelease(
        topic=topic,
        date=date,
        photos=tuple(reader.photos),
        segments=segments,
        headline=headline,
        section=section,
        doubts=tuple(sorted(reader.doubts, key=lambda doubt: doubt.line)),
        date_line=content[date_index][0],
    )
