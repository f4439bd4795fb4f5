"""Release exchange files (PO, XLIFF) as plain data: what is written and what is read back.

This module is pure, like the glossary formats: :mod:`translations.exchange.services` turns a
release, its unit states and the glossary into :class:`ExchangeFile` and applies a parsed
:class:`ParsedFile` through the one write path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config.limits import MAX_UPLOAD_BYTES
from records.units import CAPTION, CREDIT
from translations.uploads import TextEncodingError, UploadError, text_decode, too_large

ERR_CHARSET = gettext_lazy(
    "the file declares the charset “%(charset)s”; only UTF-8 (or UTF-16 with a byte order "
    "mark) is accepted: save it as UTF-8"
)
ERR_MALFORMED = gettext_lazy("the file is not a valid %(format)s file: %(detail)s")
ERR_NO_HEADER = gettext_lazy(
    "the file does not name its release, language and revision (%(what)s missing); "
    "export the file from Concord and translate that one"
)


class ExchangeFileError(UploadError):
    """A release exchange file is refused as a whole; nothing was written."""


@dataclass(frozen=True)
class TermNote:
    """A glossary term found in a unit's source, and the approved target terms of its concept."""

    source: str
    targets: tuple[str, ...]
    # Target terms of the concept the glossary says not to use (deprecated, forbidden).
    avoid: tuple[str, ...] = ()

    def describe(self):
        text = f"{self.source} = {' | '.join(self.targets) if self.targets else '—'}"
        if self.avoid:
            avoid = _("not")
            text += f" ({avoid}: {' | '.join(self.avoid)})"
        return text


@dataclass(frozen=True)
class ExchangeUnit:
    key: str
    kind: str
    number: int
    source: str
    target: str
    # A translations.vocabulary.UnitState value.
    state: int
    # The source text the translation was made from, for an outdated unit ("" otherwise).
    previous: str = ""
    terms: tuple[TermNote, ...] = ()

    def label(self):
        return unit_label(self)


@dataclass(frozen=True)
class ExchangeFile:
    """One release in one target language at one revision, ready to be written."""

    release_id: int
    slug: str
    title: str
    source_language: str
    language: str
    plural_forms: str
    revision: int
    # The revision's own time, ISO 8601 in UTC: the only time a file carries.
    revision_time: str
    units: tuple[ExchangeUnit, ...]


@dataclass(frozen=True)
class ParsedEntry:
    key: str
    source: str
    target: str
    # The translator (or the tool) marked the translation as not final.
    fuzzy: bool
    line: int | None = None
    # The translation carried the original format's inline codes, which were dropped.
    codes: bool = False
    # Translator comments (PO "# " lines, XLIFF notes not written by Concord).
    comments: tuple[str, ...] = ()
    # The unit's label as Concord wrote it ("segment 3"), where the file keeps it.
    label: str = ""


@dataclass
class ParsedFile:
    """What a PO or XLIFF file says: its release, language, base revision and entries."""

    slug: str
    release_id: int | None
    language: str
    revision: int
    source_language: str = ""
    entries: list[ParsedEntry] = field(default_factory=list)
    # (key or "", reason) for entries the reader itself skipped (obsolete, without context).
    skipped: list[tuple[str, str]] = field(default_factory=list)


def size_check(data, *, limit=None):
    """Refuse an uploaded file over the upload limit."""
    limit = MAX_UPLOAD_BYTES if limit is None else limit
    if len(data) > limit:
        raise ExchangeFileError(too_large(len(data), limit))


def file_text(data, *, limit=None):
    """Return the text of an uploaded file, decoded once (:func:`~translations.uploads.
    text_decode`), refusing oversized data or data that is not text."""
    size_check(data, limit=limit)
    try:
        return text_decode(data)
    except TextEncodingError as error:
        raise ExchangeFileError(str(error)) from None


def malformed(format_name, detail):
    return ExchangeFileError(ERR_MALFORMED % {"format": format_name, "detail": detail})


def header_number(value, what):
    """Return the positive whole number a file header gives for ``what``, or refuse the file."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ExchangeFileError(ERR_NO_HEADER % {"what": what}) from None
    if number < 1:
        raise ExchangeFileError(ERR_NO_HEADER % {"what": what})
    return number


def unit_label(unit):
    """Return a unit's label as files show it, in the words of the workbench: "title",
    "segment 3", "photo 2 caption", "photo 2 credit" (in English: files read the same
    whatever the exporting user's language)."""
    if not unit.number:
        return unit.kind
    if unit.kind in (CAPTION, CREDIT):
        return f"photo {unit.number} {unit.kind}"
    return f"segment {unit.number}"


def legacy_label(unit):
    """Return the label files exported before had for ``unit``: its kind and number
    ("paragraph 3", "caption 2"); entries that carry only such a label still match."""
    return f"{unit.kind} {unit.number}" if unit.number else unit.kind
