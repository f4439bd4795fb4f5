"""The reading of a release's header: breadcrumb and topic, title, date and photo lines.

:class:`HeaderReading` is the part of the reader (``records.segmenter.reading``) that reads
everything above the body, and the photo lines wherever they stand: a credit alone on its
line belongs to the photo just above it when that photo has none, and is otherwise a photo
without caption text — never a second photo of a captioned one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from config.limits import MAX_TITLE_CHARS

from .common import (
    BULLET,
    DOUBT_BARE_CAPTION,
    DOUBT_NO_TOPIC,
    DOUBT_TITLE_OR_TOPIC,
    END_OF_FILE,
    MISSING_DATE,
    MISSING_TOPIC,
    SENTENCE_ENDS,
    Doubt,
    ParsedPhoto,
    SegmenterError,
    join,
    quote,
    valid_date,
)

# Crumbs are separated by ">" (and its look-alikes) or a spaced "/".
BREADCRUMB_SEPARATORS = re.compile(r"\s*[>＞›»〉]\s*|\s+/\s+")
# A line wholly in brackets: the second line of a title ("（結果概要）").
_BRACKETED = re.compile(r"[(（][^()（）]+[)）]")
# Where a sentence ends inside a lead: a Japanese full stop, or a stop, a space and a capital
# (after a word that is no abbreviation such as "Mr." or "p.m.").
_SENTENCE_END = re.compile(
    r"[。！？]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bH\.E)(?<!\bNo)(?<!\b[a-zA-Z]\.[a-zA-Z])"
    r"(?<!\bSt)[.!?][\"'”’»)]*\s+(?=[\"“«(]?[A-ZА-ЯЁ])"
)


def first_sentence(text):
    """Return the first sentence of ``text`` without its final stop, within the title limit."""
    match = _SENTENCE_END.search(text)
    sentence = text[: match.start()] if match else text
    sentence = sentence.rstrip().rstrip("".join(SENTENCE_ENDS)).rstrip()
    if len(sentence) > MAX_TITLE_CHARS:
        sentence = sentence[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return sentence


class HeaderReading:
    """Header, topic and photos; mixed into the reader, which holds ``conventions``,
    ``lines``, ``doubts`` and ``photos``."""

    # The photo a credit line may still belong to (its index in ``photos``), if any.
    open_photo = None

    def header(self, content, back_target):
        conv = self.conventions
        # The date is one of the first three lines, or the fourth below a title on two lines.
        date_index = next(
            (i for i in range(min(4, len(content))) if conv.match_date(content[i][1])), None
        )
        if date_index == 0:
            raise SegmenterError(MISSING_TOPIC.format(found=quote(content[0][1])), content[0][0])
        if date_index is None:
            self._missing_date(content)
        number, line = content[date_index]
        date = valid_date(number, line, conv.match_date(line))
        above = [line for _, line in content[:date_index]]
        headline = None
        if len(above) == 3 and BREADCRUMB_SEPARATORS.search(above[1]):
            # The site's name above the breadcrumb ("外務省"), then the title.
            breadcrumb, headline = above[1:]
        elif len(above) == 3:
            # A title on two lines ("…海洋協議" over "（結果概要）") below the breadcrumb.
            breadcrumb, headline = above[0], join(above[1:])
        elif len(above) == 2 and self._title_goes_on(*above):
            breadcrumb, headline = "", join(above)
        elif len(above) == 2:
            breadcrumb, headline = above
        elif self._is_breadcrumb(above[0], back_target):
            breadcrumb = above[0]
        else:
            breadcrumb, headline = "", above[0]
            self.doubts.append(Doubt(content[0][0], DOUBT_TITLE_OR_TOPIC.format(taken="title")))
        topic, section = self._topic(breadcrumb, back_target, content[0][0])
        return date_index, date, topic, section, headline

    def _title_goes_on(self, first, second):
        """Tell whether two lines above the date are one title: a title-like line and a
        bracketed line under it ("（外務大臣談話）", "(Overview of the Results)"), one of them
        reading like a title, with no breadcrumb above them."""
        conv = self.conventions
        return (
            _BRACKETED.fullmatch(second) is not None
            and not conv.is_section(first)
            and not BREADCRUMB_SEPARATORS.search(first)
            and (conv.looks_like_title(first) or conv.looks_like_title(second))
        )

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
        if conv.is_section(line) or BREADCRUMB_SEPARATORS.search(line):
            return True
        if back_target and back_target.casefold() == line.casefold():
            return True
        return not conv.looks_like_title(line)

    def _topic(self, breadcrumb, back_target, line):
        """Return (topic, section): the last crumb that names a topic, else a closing link
        that names one, else the last section crumb ("Press Releases" is a topic like any
        other); "" when nothing does (the importer then uses the default topic)."""
        conv = self.conventions
        parts = [part for part in BREADCRUMB_SEPARATORS.split(breadcrumb) if part]
        topics = [part for part in parts if not conv.is_section(part)]
        sections = [part for part in parts if conv.is_section(part) and not conv.is_place(part)]
        section = sections[-1] if sections else ""
        if topics:
            return topics[-1], section
        if back_target and not conv.is_section(back_target):
            return back_target, section
        if section:
            return section, section
        self.doubts.append(Doubt(line, DOUBT_NO_TOPIC.format(crumbs=breadcrumb or "—")))
        return "", ""

    # --- photos -----------------------------------------------------------------------

    def header_photos(self, content, start, end):
        """Read the photo lines below the date; return the index of the first body line."""
        conv = self.conventions
        index = start
        while index < end:
            number, line = content[index]
            if conv.is_language_link(line):
                # "英語版（English）" below the date links to the other page: navigation.
                index += 1
                continue
            marker = conv.match_marker(line)
            text = line
            if marker is not None:
                # A bullet list of captions before the lead; any other marker starts the body.
                if marker.kind != BULLET or not marker.text:
                    break
                text = marker.text
            if self.credit(number, text):
                index += 1
                continue
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
        if conv.starts_anew(following):
            return True
        # A list of captions: the next line is a caption standing on its own too (a numbered
        # line never is one: it opens the body).
        marker = conv.match_marker(following)
        return (
            (marker is None or marker.kind == BULLET)
            and conv.caption_like(following)
            and self._bare_caption(content, index + 1, end, following)
        )

    def photo(self, number, line, prefix_only=False):
        """Return (caption, credit) of a photo line, naming the line in a refusal."""
        try:
            return self.conventions.match_photo(line, prefix_only)
        except SegmenterError as error:
            raise SegmenterError(error.message, number) from None

    def add_photo(self, number, line, photo):
        self.photos.append(ParsedPhoto(photo[0], photo[1], number))
        self.open_photo = len(self.photos) - 1 if not photo[1] else None

    def credit(self, number, text):
        """Read a line that is only a photo credit: the credit of the photo just above when
        it has none (which confirms a bare caption), else a photo without caption text.
        Return whether the line was one."""
        credit = self.conventions.match_credit(text)
        if credit is None:
            return False
        if self.open_photo is None:
            self.add_photo(number, text, ("", credit))
            return True
        photo = self.photos[self.open_photo]
        self.photos[self.open_photo] = replace(photo, credit=credit)
        self.doubts = [
            doubt
            for doubt in self.doubts
            if (doubt.line, doubt.message) != (photo.line, DOUBT_BARE_CAPTION)
        ]
        self.open_photo = None
        return True
