"""Parse the plain-text press releases Concord imports, in each language's conventions.

- :mod:`.common` — errors, parsed values, decoding, lines;
- :mod:`.reading` — the reading all languages share (how it tells a heading from a numbered
  paragraph, a caption from a paragraph, a wrapped line from a new paragraph is described
  there);
- :mod:`.english`, :mod:`.japanese`, :mod:`.russian` — each language's dates, photo lines,
  markers, notes and closing links.

Numbering and bullet markers are structure: they become ``kind``, ``level`` and ``style``
and never appear in a segment's ``text``.
"""

from config import languages

from .common import Doubt, ParsedPhoto, ParsedRelease, ParsedSegment, SegmenterError
from .conventions import Conventions
from .english import English
from .japanese import Japanese
from .reading import parse_with
from .russian import Russian

__all__ = [
    "CONVENTIONS",
    "Conventions",
    "Doubt",
    "ParsedPhoto",
    "ParsedRelease",
    "ParsedSegment",
    "SegmenterError",
    "parse_release_text",
]

# The readers ``config.languages`` names in each language's ``conventions``.
CONVENTIONS = {"english": English(), "japanese": Japanese(), "russian": Russian()}


def parse_release_text(data, language=None):
    """Parse one release (UTF-8 bytes or text) written in ``language`` (default: the
    default source language) into topic, title, date, photos and body segments."""
    language = language or languages.DEFAULT_SOURCE
    return parse_with(CONVENTIONS[languages.get(language).conventions], data)
