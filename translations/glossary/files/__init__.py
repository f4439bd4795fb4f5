"""Serialise and parse the Concord glossary as TBX-Basic (TBX v3, and other tools' TBX 2008),
CSV and PO.

This package is pure: it knows nothing of models or the database. The glossary service
turns model rows into ``ConceptData`` and back. Modules: :mod:`.data` (the data classes and
the rules every glossary obeys), :mod:`.tbx` (dump), :mod:`.tbx_read`, :mod:`.tbx2008` and
:mod:`.tbx_terms` (other tools' TBX), :mod:`.csvfile`, :mod:`.po` (the glossary as PO).
Release files (PO, XLIFF) are :mod:`translations.exchange`'s.

TBX
---
Output is TBX-Basic in DCA style (ISO 30042:2019, namespace ``urn:iso:std:iso:30042:ed-2``)
and validates against LTAC Global's integrated TBX-Basic RELAX NG schema and its Schematron
rules (copies in ``tests/data/tbx/``)::

    conceptEntry id=…
      descrip type="subjectField"                 concept.subject_field
      langSec xml:lang=…                          one per language, in order of first use
        descrip type="definition"                 concept.definition[language]
        note                                      concept.note[language]
        termSec
          term
          termNote type="administrativeStatus"    preferred/admitted/deprecatedTerm-admn-sts
          termNote type="partOfSpeech"            noun, verb, adjective, adverb or other
          note                                    term.note
          note xml:lang="zxx"                     Concord markers, see below

TBX-Basic has no data category for "forbidden" nor for case sensitivity, and it allows only
five part-of-speech values. Both the RNG and the Schematron forbid new ``type`` values and
foreign-namespace elements in DCA style, so the extra facts travel as *marker notes*: plain
``<note>`` elements (valid anywhere in a termSec) tagged ``xml:lang="zxx"`` — the ISO 639 code
for "no linguistic content" — whose text is ``concord:KEY=VALUE``:

* ``forbidden`` is written as ``deprecatedTerm-admn-sts`` (the closest standard value, so
  other tools treat the term as "do not use") plus ``concord:status=forbidden``;
* a case-sensitive term carries ``concord:case-sensitive=true``;
* a part of speech outside TBX-Basic's list is written as ``other`` plus
  ``concord:part-of-speech=VALUE`` — this is how ``properNoun`` (the mark of a proper name,
  which the ``proper-name`` check reads) travels;
* each declared variant of a term (another spelling matched as the term itself) is one
  ``concord:variant=TEXT`` note, in the order declared. TBX-Basic has no data category that
  ties a spelling to one term: a second ``termSec`` (``termType`` ``variant``) would be read by
  every tool, Concord included, as a term of its own with its own status. Other tools show the
  notes as notes and keep them; a term without variant notes (older exports, tools that drop
  notes) leaves the stored variants (:mod:`translations.glossary.merge`).

A marker counts only next to the standard value it refines (``deprecatedTerm-admn-sts``,
``other``): if another tool changed the status, the standard value wins. User notes never
carry ``xml:lang="zxx"``, so no note text can be mistaken for a marker.

Concept identifiers are ASCII slugs; TBX ids must be XML NCNames, which cannot start with a
digit or a hyphen. Such identifiers, and those already starting with ``_``, are written with
one extra leading ``_`` ("8-point" → ``_8-point``), and one leading ``_`` is removed on import.

Importing foreign TBX: ``supersededTerm-admn-sts`` becomes deprecated, a missing status
preferred; region subtags are dropped ("en-US" → "en"); a definition or note at concept level
goes to the document's language; data categories Concord does not keep are ignored. TBX 2008
(``<martif>``, as IATE exports it) is read too (:mod:`.tbx2008`), and status and term-type
values of either version (:mod:`.tbx_terms`): ``normativeAuthorization`` stands in for a
missing status; ``termType`` acronym/abbreviation/initialism — or, when nothing says
otherwise, a short all-capital term — makes a term case-sensitive. Concord therefore writes
``concord:case-sensitive=false`` for its own all-capital terms that are not.

Files are parsed with lxml with entity resolution, DTD loading and network access off, and any
DOCTYPE is refused (but TBX 2008's external one, never loaded, without declarations), so
entity-expansion ("billion laughs") and external-entity files are rejected, never expanded.
Parsing is incremental (``iterparse``): :func:`tbx_iter` yields one concept at a time and drops
each entry once read, so a large file needs little memory.

CSV
---
UTF-8 (a BOM is accepted), one row per term with the columns in ``CSV_COLUMNS``; the concept
fields are repeated on each row, and ``definition`` and ``concept_note`` belong to the row's
language. ``variants`` (the last column; optional on import) holds a term's declared variants,
one a line within the cell; a file with the column states them all (an empty cell: none).
Rows of one concept need not be adjacent; a later row may leave a concept field empty but may
not contradict an earlier one.

Both formats hold the same glossaries (the rules of :mod:`.data`: every concept has at least
one term; term text is non-empty without surrounding whitespace; a definition or note exists
only for a language that has terms; no control characters but tab and line breaks). Dumping
anything else raises ``GlossaryFormatError``, so what is dumped always loads back equal (TBX
groups terms by language; CSV keeps any order; variants load as the list they declare —
stripped, without blank lines or repeats — so a dump of what was loaded is byte-identical).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import BinaryIO

from translations.glossary.files.csvfile import CSV_COLUMNS, csv_dump, csv_load, csv_source
from translations.glossary.files.data import (
    LANGUAGES,
    STATUSES,
    ConceptData,
    GlossaryFormatError,
    TermData,
    fail,
    validate_concept,
)
from translations.glossary.files.source import GlossarySource
from translations.glossary.files.tbx import TBX_NS, tbx_dump
from translations.glossary.files.tbx2008 import tbx2008_dump
from translations.glossary.files.tbx_read import tbx_iter, tbx_load

ERR_UNKNOWN_FORMAT = "cannot tell whether {filename!r} is TBX or CSV"
ERR_PO = (
    "{filename!r} is a PO file, which holds one language pair's terms without their status; "
    "the glossary imports TBX (v3 or 2008) or CSV: export the termbase as one of those"
)

__all__ = [
    "CSV_COLUMNS",
    "LANGUAGES",
    "STATUSES",
    "TBX_NS",
    "ConceptData",
    "GlossaryFormatError",
    "GlossarySource",
    "TermData",
    "csv_dump",
    "csv_load",
    "csv_source",
    "glossary_iter",
    "glossary_load",
    "tbx2008_dump",
    "tbx_dump",
    "tbx_iter",
    "tbx_load",
    "validate_concept",
]


def glossary_iter(
    source: bytes | BinaryIO, filename: str, *, languages: Sequence[str] = LANGUAGES
) -> GlossarySource:
    """Return the concepts of an uploaded glossary, choosing TBX or CSV by extension or
    content.

    TBX is read incrementally; a CSV file is read whole (a concept's rows may be anywhere).
    """
    if isinstance(source, bytes | bytearray):
        head = bytes(source[:256])
    else:
        position = source.tell()
        head = source.read(256)
        source.seek(position)
    suffix = PurePath(filename or "").suffix.lower()
    if suffix in (".po", ".pot"):
        raise fail(ERR_PO, filename=filename)
    if suffix in (".tbx", ".xml"):
        return tbx_iter(source, languages=languages)
    if suffix != ".csv":
        # XML starts with "<" in whatever encoding its byte order mark says (or UTF-16
        # without one); a glossary CSV starts with its header. Excel's "Unicode text" is a
        # UTF-16 .txt file.
        start = _first_character(head)
        if start == "<":
            return tbx_iter(source, languages=languages)
        if not start:
            raise fail(ERR_UNKNOWN_FORMAT, filename=filename)
    data = source if isinstance(source, bytes | bytearray) else source.read()
    return csv_source(data, languages=languages)


_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)


def _first_character(head: bytes) -> str:
    """Return the first non-blank character of a file's start ("" if there is none)."""
    encoding, skip = "utf-8", 0
    for mark, name in _MARKS:
        if head.startswith(mark):
            encoding, skip = name, len(mark) if mark[:1] != b"<" and mark[1:2] != b"<" else 0
            break
    text = head[skip:].decode(encoding, errors="replace")
    return text.lstrip(" \t\r\n")[:1]


def glossary_load(
    source: bytes | BinaryIO, filename: str, *, languages: Sequence[str] = LANGUAGES
) -> list[ConceptData]:
    """Parse an uploaded glossary, choosing TBX or CSV by extension or content."""
    return list(glossary_iter(source, filename, languages=languages))
