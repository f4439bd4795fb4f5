"""Parse the plain-text press releases Concord imports, in each language's conventions.

- :mod:`.common` — errors, parsed values, decoding, lines;
- :mod:`.conventions` — what a reader asks of a language;
- :mod:`.reading` — the reading all languages share (described below), with
  :mod:`.header` — its header, topic, title and photo lines;
- :mod:`.english`, :mod:`.japanese`, :mod:`.russian` — each language's dates, photo lines,
  markers, notes and closing links.

Numbering and bullet markers are structure: they become ``kind``, ``level`` and ``style``
and never appear in a segment's ``text``. How the reading decides (the same in every
language; each language only supplies its patterns):

- **Header.** The date is one of the first three lines, or the fourth below a breadcrumb and
  a title on two lines (a weekday beside it is allowed). Two lines above it are the breadcrumb
  and the title (or one title, when the second is wholly in brackets, 「（結果概要）」, and the
  first reads like a title); one line is the breadcrumb if it is a section of the site, names the
  closing link's page or does not read like a title, else the title (older pages have no
  breadcrumb). The topic is the breadcrumb's last crumb that names one ("Home",
  「国・地域」 only say where a page sits), else the closing link's page, else a section
  crumb ("Press Releases", 「外務省・新着情報」: a topic like any other); none at all leaves
  the topic empty (the importer's default topic). Without a title line the title is the
  first photo caption, else the lead's first sentence (doubtful).
- **Links.** A line that only links to the page in another language (「英語版（English）」,
  "Japanese") is navigation; so is a closing list of related links ("Related Links",
  「関連リンク」 and the page names below it, none a sentence), like the closing links.
- **Caption or paragraph.** Below the date, a line is a photo caption if it has a photo prefix
  (``photo1:``, ``(Photo 1)``) or a credit (``(Photo: …)``, ``<br>Photo: …``), or if it is
  short (at most 150 characters), does not end a sentence or with ``:``/``,``, and stands on
  its own: a blank line, another photo line or a line that cannot carry it on follows it (a
  capital; in Japanese anything but hiragana or closing punctuation), so it cannot be the
  first line of a wrapped lead (such bare captions are doubtful, unless a credit line below
  confirms them). The same holds for a ``•`` or ``- `` list of captions before the lead. A
  credit alone on its line is the credit of the photo just above when that has none, else
  a photo without caption text. In the body, a line (or bullet) with a photo prefix
  (``• photo3: …``) is a photo.
- **Heading or numbered paragraph.** A ``1.``/``(1)`` line is a numbered paragraph when its
  text reads as sentences: it ends with a full stop (or ``。``), holds a sentence boundary, or
  is longer than a heading can be; otherwise it is a heading (a wrapped heading line is
  continued only when it is long or the next line goes on in lower case).
- **Wrap or new paragraph.** A blank line or a marker always ends a segment. A line that
  does not end a sentence is continued by the next plain line (unless, in a text that is not
  hard-wrapped, that line starts with a capital). A line that ends a sentence ends its
  paragraph, unless the text is hard-wrapped (at most 100 columns with breaks inside
  sentences) and the line was full: the next line's first word would not have fitted on it.
- **Marker style.** ``1.`` is decimal, ``(1)`` parenthesised (``2. (1)`` on one line: both,
  one segment), ``(i)``/``(a)`` lower roman or lower latin as the list goes on: ``(i)`` after
  ``(h)`` is a letter, a list in another style starting at ``(a)``/``(i)`` inside a list
  nests one level deeper. Japanese ``ア``/``(ア)`` and Russian ``а)`` are lower latin.
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
