"""The reading every language shares: header, photos, body segments, closing links.

A language's :class:`Conventions` says how its dates, photo lines, markers, notes and links
are written; :func:`parse_with` reads a release with them, deciding as the package's
docstring (``records.segmenter``) describes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..vocabulary import MarkerStyle
from .common import (
    BULLET,
    DOUBT_ITEM_STYLE,
    DOUBT_NUMBERED,
    DOUBT_TITLE_FROM_LEAD,
    EMPTY_FILE,
    HEADING,
    ITEM,
    MARKER_WITHOUT_TEXT,
    NO_BODY,
    NOTE,
    NUMBERED,
    PARAGRAPH,
    Doubt,
    ParsedRelease,
    ParsedSegment,
    SegmenterError,
    decode,
    ends_sentence,
    join,
    split_lines,
)
from .header import HeaderReading, first_sentence

WRAP_WIDTH = 100
# A numbered sentence this short could be a heading that ends with a full stop.
SHORT_PARAGRAPH = 40
# A closing list of related links holds at most this many pages, each a short name.
LINKS = 12
LINK_LENGTH = 120


@dataclass
class _Block:
    kind: str
    level: int
    style: str
    line: int
    marker: str
    parts: list[str] = field(default_factory=list)


class _Reader(HeaderReading):
    def __init__(self, conventions, lines):
        self.conventions = conventions
        self.lines = lines
        self.doubts = []
        self.photos = []

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
            if self.credit(number, self.unmarked(line)):
                block = self.finish(block)
                continue
            photo = self.body_photo(number, line)
            if photo is not None:
                block = self.finish(block)
                self.add_photo(number, line, photo)
                continue
            self.open_photo = None
            # A note may stand under a bullet ("• (*The foregoing is a provisional …)").
            if conv.is_note(line) or conv.is_note(self.unmarked(line)):
                self.finish(block)
                block = _Block(NOTE, 0, MarkerStyle.NONE, number, "", [self.unmarked(line)])
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

    def unmarked(self, line):
        """Return a line's text without its bullet marker ("• (Photo: …)")."""
        marker = self.conventions.match_marker(line)
        return marker.text if marker is not None and marker.kind == BULLET and marker.text else line

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
        if block.kind == HEADING and not block.marker:
            return False  # a heading in brackets ("【参考】") is its line alone
        if conv.is_row(last) or conv.is_row(line):
            return False  # rows of a table laid out with spaces stand on their own
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


def _links_start(conventions, content, end):
    """Return where a closing list of related links starts (a "Related Links" or
    「関連リンク」 line and the names of the pages below it, none a sentence), else ``end``:
    like the closing links, navigation."""
    for index in range(end - 1, max(end - 1 - LINKS, 2), -1):
        if conventions.is_links_heading(content[index][1]):
            below = [line for _number, line in content[index + 1 : end]]
            if all(len(line) <= LINK_LENGTH and not ends_sentence(line) for line in below):
                return index
            break
    return end


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
    links = _links_start(conventions, content, end)
    if links < end:
        end = links
        while end > 2 and conventions.navigation(content[end - 1][1]) is not None:
            targets.insert(0, conventions.navigation(content[end - 1][1]))
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
    lead_title = ""
    if not headline and not any(photo.caption for photo in reader.photos):
        # No title line and no caption to take one from: the lead's first sentence, doubtful.
        lead_title = first_sentence(segments[0].text)
        reader.doubts.append(Doubt(segments[0].line, DOUBT_TITLE_FROM_LEAD))
    return ParsedRelease(
        topic=topic,
        date=date,
        photos=tuple(reader.photos),
        segments=segments,
        headline=headline,
        lead_title=lead_title,
        section=section,
        doubts=tuple(sorted(reader.doubts, key=lambda doubt: doubt.line)),
        date_line=content[date_index][0],
    )
