"""The base of each language's conventions: what a reader asks of a language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import MarkerStyle
from .common import CAPTION_LENGTH, EMPTY_CAPTION, SegmenterError, ends_sentence, quote

_SENTENCE_INSIDE = re.compile(r"[.!?](?:[\"'”’»)]*)\s+[\"“«(]?[A-ZА-ЯЁ]|[。！？]\s*\S")


@dataclass(frozen=True)
class Marker:
    """A numbering or bullet marker at the start of a line.

    ``kind`` HEADING stands for "heading or numbered paragraph" until the text decides.
    Items give ``values``: the number the marker means in each style it could be written in
    (``(i)`` is roman 1 or latin 9); ``level`` 0 lets the list nesting decide.
    """

    kind: str
    marker: str
    text: str | None
    level: int = 0
    style: str = MarkerStyle.NONE
    values: tuple = ()


class Conventions:
    """How one language writes release texts; subclasses fill in the patterns."""

    date_example = '"July 7, 2017"'
    # Sections of the site ("Press Releases"): a breadcrumb's topic only when nothing more
    # specific names one.
    sections: frozenset = frozenset()
    # Crumbs that only say where the page sits ("Home", "Countries & Regions"): never a topic.
    places: frozenset = frozenset()
    # A whole line that is only a photo credit ("(Photo: Cabinet Public Relations Office)").
    credit_line: re.Pattern | None = None
    # Longer numbered lines are paragraphs: no heading runs to this length.
    heading_length = 150
    # Hard-wrapped text is rarely narrower than this, so a shorter heading line ended where
    # its author ended it and the line below it is a paragraph, not the rest of the heading.
    wrapped_heading_length = 60
    title_words: re.Pattern | None = None
    # A line that only links to the page in another language ("英語版（English）", "Japanese").
    language_link: re.Pattern | None = None
    # The heading of a closing list of links ("Related Links"): the list is navigation.
    links_heading: re.Pattern | None = None

    def match_date(self, line):
        """Return (year, month, day) if ``line`` is written as a date, else None."""
        raise NotImplementedError

    def match_photo(self, line, prefix_only=False):
        """Return (caption, credit) of a photo line, else None."""
        raise NotImplementedError

    # Whether a photo line may carry only a credit (a photo without a caption of its own).
    caption_optional = False

    def photo_parts(self, line, prefix, credit):
        """Return (caption, credit) from a photo line's prefix and credit matches, or None
        when it has neither (without a prefix only a credit tells a caption from a lead).

        A credit alone on its line is a photo without caption text; a prefix announces a
        caption, which only languages with ``caption_optional`` may leave out."""
        if prefix is None and credit is None:
            return None
        start = prefix.end() if prefix else 0
        end = credit.start() if credit else len(line)
        caption = line[start:end].strip()
        if not caption and prefix is not None and not self.caption_optional:
            raise SegmenterError(EMPTY_CAPTION.format(found=quote(line)))
        return caption, credit["credit"] if credit else ""

    def match_credit(self, line):
        """Return the credit of a line that is only a photo credit, else None."""
        match = self.credit_line.fullmatch(line) if self.credit_line else None
        return match["credit"] if match else None

    def navigation(self, line):
        """Return the page a closing link names ("" if none), or None for text."""
        raise NotImplementedError

    def match_marker(self, line):
        """Return the :class:`Marker` a line starts with, or None."""
        raise NotImplementedError

    def is_note(self, line):
        """Tell whether a line starts an editorial note."""
        return False

    def is_language_link(self, line):
        """Tell whether a line only links to the same page in another language."""
        return bool(self.language_link and self.language_link.fullmatch(line))

    def is_links_heading(self, line):
        """Tell whether a line heads a list of related links ("Related Links")."""
        return bool(self.links_heading and self.links_heading.fullmatch(line))

    def is_row(self, line):
        """Tell whether a line is a row of a table laid out with spaces (never joined to the
        line above or below it)."""
        return False

    def is_section(self, name):
        """Tell whether a crumb names a part of the site rather than a topic."""
        return self.is_place(name) or name.casefold().strip(" :") in self.sections

    def is_place(self, name):
        """Tell whether a crumb only says where a page sits ("Home"): never a topic."""
        return name.casefold().strip(" :") in self.places

    def starts_anew(self, line):
        """Tell whether ``line`` cannot be the rest of a short line above it (so that line is
        a caption standing on its own, not the start of a wrapped lead)."""
        return line[0].isupper()

    def looks_like_title(self, line):
        return bool(self.title_words and self.title_words.search(line))

    def reads_as_sentences(self, text):
        """Tell whether a numbered line's text is a paragraph rather than a heading."""
        return (
            ends_sentence(text)
            or len(text) > self.heading_length
            or bool(_SENTENCE_INSIDE.search(text))
        )

    def caption_like(self, text):
        return (
            len(text) <= CAPTION_LENGTH
            and not ends_sentence(text)
            and not text.endswith((":", ",", ";", "、", "：", "，"))
            and not text[0].islower()
        )
