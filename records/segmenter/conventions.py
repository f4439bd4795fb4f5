"""The base of each language's conventions: what a reader asks of a language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import MarkerStyle
from .common import CAPTION_LENGTH, ends_sentence

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
    sections: frozenset = frozenset()
    # Longer numbered lines are paragraphs: no heading runs to this length.
    heading_length = 150
    # Hard-wrapped text is rarely narrower than this, so a shorter heading line ended where
    # its author ended it and the line below it is a paragraph, not the rest of the heading.
    wrapped_heading_length = 60
    title_words: re.Pattern | None = None

    def match_date(self, line):
        """Return (year, month, day) if ``line`` is written as a date, else None."""
        raise NotImplementedError

    def match_photo(self, line, prefix_only=False):
        """Return (caption, credit) of a photo line, else None."""
        raise NotImplementedError

    def navigation(self, line):
        """Return the page a closing link names ("" if none), or None for text."""
        raise NotImplementedError

    def match_marker(self, line):
        """Return the :class:`Marker` a line starts with, or None."""
        raise NotImplementedError

    def is_note(self, line):
        """Tell whether a line starts an editorial note."""
        return False

    def is_section(self, name):
        return name.casefold().strip(" :") in self.sections

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
