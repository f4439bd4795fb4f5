"""Serialise and parse the Concord glossary as TBX-Basic (TBX v3) and CSV.

This module is pure: it knows nothing of Django, models or the database. The glossary service
turns model rows into ``ConceptData`` and back.

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
  ``concord:part-of-speech=VALUE``.

A marker counts only next to the standard value it refines (``deprecatedTerm-admn-sts``,
``other``): if another tool changed the status, the standard value wins. User notes never
carry ``xml:lang="zxx"``, so no note text can be mistaken for a marker.

Concept identifiers are ASCII slugs; TBX ids must be XML NCNames, which cannot start with a
digit or a hyphen. Such identifiers, and those already starting with ``_``, are written with
one extra leading ``_`` ("8-point" → ``_8-point``), and one leading ``_`` is removed on import.

Importing foreign TBX: ``supersededTerm-admn-sts`` becomes deprecated, a missing status
preferred; region subtags are dropped ("en-US" → "en"); a definition or note at concept level
goes to the document's language; data categories Concord does not keep are ignored. TBX v2
(``<martif>``) is refused with a clear message.

Files are parsed with lxml with entity resolution, DTD loading and network access off, and any
DOCTYPE is refused, so entity-expansion ("billion laughs") and external-entity files are
rejected, never expanded.

CSV
---
UTF-8 (a BOM is accepted), one row per term with the columns in ``CSV_COLUMNS``; the concept
fields are repeated on each row, and ``definition`` and ``concept_note`` belong to the row's
language. Rows of one concept need not be adjacent; a later row may leave a concept field
empty but may not contradict an earlier one.

Both formats hold the same glossaries: every concept has at least one term; term text is
non-empty without surrounding whitespace; a definition or note exists only for a language
that has terms; texts contain only characters XML allows. Dumping anything else raises
``GlossaryFormatError``, so what is dumped always loads back equal (TBX groups terms by
language; CSV keeps any order).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from lxml import etree

LANGUAGES = ("en", "ja", "ru")
STATUSES = ("preferred", "admitted", "deprecated", "forbidden")

TBX_NS = "urn:iso:std:iso:30042:ed-2"
TBX_DIALECT = "TBX-Basic"
TBX_STYLE = "dca"
TBX_SOURCE_DESC = "Concord glossary export"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

STATUS_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
STATUS_FROM_TBX = {
    "preferredTerm-admn-sts": "preferred",
    "admittedTerm-admn-sts": "admitted",
    "deprecatedTerm-admn-sts": "deprecated",
    "supersededTerm-admn-sts": "deprecated",
}
TBX_PARTS_OF_SPEECH = ("adjective", "adverb", "noun", "other", "verb")

MARKER_LANG = "zxx"
MARKER_PREFIX = "concord:"
MARKER_STATUS = "status"
MARKER_CASE_SENSITIVE = "case-sensitive"
MARKER_PART_OF_SPEECH = "part-of-speech"

# Prefix for identifiers that are not NCNames (or could be mistaken for prefixed ones).
ID_ESCAPE = "_"

CSV_COLUMNS = (
    "concept",
    "subject_field",
    "language",
    "term",
    "status",
    "case_sensitive",
    "part_of_speech",
    "note",
    "definition",
    "concept_note",
)
CSV_REQUIRED_COLUMNS = ("concept", "language", "term")
CSV_TRUE = ("true", "yes", "1")
CSV_FALSE = ("false", "no", "0", "")

# One message per problem; "{where}" names the concept, and loaders prefix "line N: ".
ERR_NOT_XML = "the file is not well-formed XML: {detail}"
ERR_DTD = "the file declares a DOCTYPE; DTDs and entities are not allowed in TBX files"
ERR_TBX_V2 = "this is a TBX v2 file (<martif>); only TBX v3 (ISO 30042:2019, <tbx>) is supported"
ERR_ROOT = "the root element is <{found}>, expected <tbx> (TBX v3)"
ERR_NAMESPACE = "<tbx> is in namespace {found!r}, expected {expected!r} (TBX v3, ISO 30042:2019)"
ERR_NO_BODY = "<tbx> has no <text><body>"
ERR_NO_CONCEPT_ID = "conceptEntry has no id"
ERR_NO_LANG = "langSec without xml:lang {where}"
ERR_NO_TERM = "termSec without term {where}"
ERR_BAD_IDENTIFIER = (
    "invalid concept identifier {identifier!r}: use ASCII letters, digits, hyphens and underscores"
)
ERR_DUPLICATE_CONCEPT = "duplicate concept identifier {identifier!r}"
ERR_NO_TERMS = "no terms {where}"
ERR_UNKNOWN_LANGUAGE = "unknown language {language!r} {where} (expected one of {expected})"
ERR_UNKNOWN_STATUS = "unknown status {status!r} {where} (expected one of {expected})"
ERR_UNKNOWN_TBX_STATUS = (
    "unknown administrativeStatus {status!r} {where} (expected one of {expected})"
)
ERR_UNKNOWN_MARKER = "unknown Concord marker note {marker!r} {where}"
ERR_EMPTY_TERM = "empty term text {where}"
ERR_TERM_WHITESPACE = "term text {text!r} starts or ends with whitespace {where}"
ERR_DUPLICATE_TERM = "duplicate term {text!r} in language {language!r} {where}"
ERR_ORPHAN_TEXT = "{what} for language {language!r} {where}, which has no terms in that language"
ERR_BAD_CHARACTER = "{what} contains a character XML cannot hold ({char!r}) {where}"
ERR_EMPTY_GLOSSARY = "the glossary is empty; a TBX file needs at least one concept"
ERR_NOT_UTF8 = "the CSV file is not UTF-8: {detail}"
ERR_CSV = "the CSV file cannot be read: {detail}"
ERR_CSV_EMPTY = "the CSV file is empty; expected a header row: {columns}"
ERR_CSV_MISSING_COLUMNS = "missing column(s): {missing} (expected: {columns})"
ERR_CSV_UNKNOWN_COLUMNS = "unknown column(s): {unknown} (expected: {columns})"
ERR_CSV_DUPLICATE_COLUMN = "column {column!r} appears twice"
ERR_CSV_TOO_MANY_FIELDS = "{found} fields, but the header has {expected}"
ERR_CSV_EMPTY_CONCEPT = "empty concept identifier"
ERR_CSV_BAD_BOOLEAN = "bad case_sensitive value {value!r} {where} (use true or false)"
ERR_CSV_CONFLICT = "{column} {value!r} {where} contradicts {previous!r} on line {origin}"
ERR_UNKNOWN_FORMAT = "cannot tell whether {filename!r} is TBX or CSV"

_SLUG = re.compile(r"[-A-Za-z0-9_]+")
_NCNAME_START = re.compile(r"[A-Za-z_]")
# XML 1.0 "Char": everything else (C0 controls, surrogates, U+FFFE/FFFF) cannot be serialised.
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LIBXML_POSITION = re.compile(r", line \d+, column \d+$")
_STRING_VALUE = etree.XPath("string()")


@dataclass(frozen=True)
class TermData:
    language: str
    text: str
    status: str = "preferred"
    case_sensitive: bool = False
    part_of_speech: str = ""
    note: str = ""


@dataclass(frozen=True)
class ConceptData:
    identifier: str
    subject_field: str = ""
    definition: dict[str, str] = field(default_factory=dict)
    note: dict[str, str] = field(default_factory=dict)
    terms: tuple[TermData, ...] = ()


class GlossaryFormatError(ValueError):
    """Report a glossary file or glossary that cannot be exchanged; str() is user-facing."""

    def __init__(self, message: str, line: int | None = None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


def _fail(template: str, line: int | None = None, **values) -> GlossaryFormatError:
    """Build the error for a message template."""
    return GlossaryFormatError(template.format(**values), line)


# --- shared rules -------------------------------------------------------------------------


class _ConceptBuilder:
    """Collect one concept's parts, enforcing the rules both formats share."""

    def __init__(self, identifier: str, where: str, languages: Sequence[str]):
        self.identifier = identifier
        self.where = where
        self.languages = tuple(languages)
        self.subject_field = ""
        self.definition: dict[str, str] = {}
        self.note: dict[str, str] = {}
        self.terms: list[TermData] = []
        self._seen: set[tuple[str, str]] = set()

    def check_text(self, what: str, value: str, line: int | None = None) -> str:
        """Refuse text XML cannot carry, so every loaded glossary can be dumped as TBX."""
        bad = _NOT_XML_CHAR.search(value)
        if bad:
            raise _fail(ERR_BAD_CHARACTER, line, what=what, char=bad.group(), where=self.where)
        return value

    def check_language(self, language: str, line: int | None = None) -> str:
        """Return the language if Concord keeps it."""
        if language not in self.languages:
            raise _fail(
                ERR_UNKNOWN_LANGUAGE,
                line,
                language=language,
                where=self.where,
                expected=", ".join(self.languages),
            )
        return language

    def add_term(self, term: TermData, line: int | None = None) -> None:
        """Append a term after checking it."""
        self.check_language(term.language, line)
        if term.status not in STATUSES:
            raise _fail(
                ERR_UNKNOWN_STATUS,
                line,
                status=term.status,
                where=self.where,
                expected=", ".join(STATUSES),
            )
        if not term.text.strip():
            raise _fail(ERR_EMPTY_TERM, line, where=self.where)
        if term.text != term.text.strip():
            raise _fail(ERR_TERM_WHITESPACE, line, text=term.text, where=self.where)
        for what, value in (
            ("term", term.text),
            ("part of speech", term.part_of_speech),
            ("term note", term.note),
        ):
            self.check_text(what, value, line)
        key = (term.language, term.text)
        if key in self._seen:
            raise _fail(
                ERR_DUPLICATE_TERM, line, text=term.text, language=term.language, where=self.where
            )
        self._seen.add(key)
        self.terms.append(term)

    def build(self, line: int | None = None) -> ConceptData:
        """Return the finished concept."""
        if not self.terms:
            raise _fail(ERR_NO_TERMS, line, where=self.where)
        self.check_text("subject field", self.subject_field, line)
        used = {term.language for term in self.terms}
        for what, texts in (("definition", self.definition), ("concept note", self.note)):
            for language, text in texts.items():
                self.check_text(what, text, line)
                if text and language not in used:
                    raise _fail(
                        ERR_ORPHAN_TEXT, line, what=what, language=language, where=self.where
                    )
        return ConceptData(
            identifier=self.identifier,
            subject_field=self.subject_field,
            definition={lang: text for lang, text in self.definition.items() if text},
            note={lang: text for lang, text in self.note.items() if text},
            terms=tuple(self.terms),
        )


def _check_identifier(identifier: str, line: int | None = None) -> str:
    """Return the identifier if it is a slug."""
    if not _SLUG.fullmatch(identifier):
        raise _fail(ERR_BAD_IDENTIFIER, line, identifier=identifier)
    return identifier


def _validated(concepts: Iterable[ConceptData], languages: Sequence[str]) -> list[ConceptData]:
    """Check a glossary before dumping it, so the output always loads back equal."""
    result = []
    seen: set[str] = set()
    for concept in concepts:
        _check_identifier(concept.identifier)
        if concept.identifier in seen:
            raise _fail(ERR_DUPLICATE_CONCEPT, identifier=concept.identifier)
        seen.add(concept.identifier)
        builder = _ConceptBuilder(
            concept.identifier, f"in concept {concept.identifier!r}", languages
        )
        for term in concept.terms:
            builder.add_term(term)
        builder.subject_field = concept.subject_field
        for language in (*concept.definition, *concept.note):
            builder.check_language(language)
        builder.definition = dict(concept.definition)
        builder.note = dict(concept.note)
        builder.build()
        result.append(concept)
    return result


def _base_language(tag: str) -> str:
    """Reduce a BCP 47 tag such as "en-US" to its language subtag."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


# --- TBX ----------------------------------------------------------------------------------


def _tbx(name: str) -> str:
    """Return the TBX-namespaced tag name."""
    return f"{{{TBX_NS}}}{name}"


def _id_to_tbx(identifier: str) -> str:
    """Turn a slug into an NCName, reversibly."""
    if identifier.startswith(ID_ESCAPE) or not _NCNAME_START.match(identifier):
        return ID_ESCAPE + identifier
    return identifier


def _id_from_tbx(tbx_id: str) -> str:
    """Undo ``_id_to_tbx``."""
    return tbx_id[len(ID_ESCAPE) :] if tbx_id.startswith(ID_ESCAPE) else tbx_id


def _sub(parent: etree._Element, name: str, text: str | None = None, **attrs) -> etree._Element:
    """Append a TBX child element."""
    element = etree.SubElement(parent, _tbx(name), attrs)
    if text is not None:
        element.text = text
    return element


def _marker(parent: etree._Element, key: str, value: str) -> None:
    """Append a Concord marker note."""
    _sub(parent, "note", f"{MARKER_PREFIX}{key}={value}", **{XML_LANG: MARKER_LANG})


def _dump_term(lang_sec: etree._Element, term: TermData) -> None:
    """Append one termSec."""
    term_sec = _sub(lang_sec, "termSec")
    _sub(term_sec, "term", term.text)
    _sub(term_sec, "termNote", STATUS_TO_TBX[term.status], type="administrativeStatus")
    if term.part_of_speech in TBX_PARTS_OF_SPEECH:
        _sub(term_sec, "termNote", term.part_of_speech, type="partOfSpeech")
    elif term.part_of_speech:
        _sub(term_sec, "termNote", "other", type="partOfSpeech")
    if term.note:
        _sub(term_sec, "note", term.note)
    if term.status == "forbidden":
        _marker(term_sec, MARKER_STATUS, "forbidden")
    if term.case_sensitive:
        _marker(term_sec, MARKER_CASE_SENSITIVE, "true")
    if term.part_of_speech and term.part_of_speech not in TBX_PARTS_OF_SPEECH:
        _marker(term_sec, MARKER_PART_OF_SPEECH, term.part_of_speech)


def tbx_dump(concepts: Iterable[ConceptData], *, languages: Sequence[str] = LANGUAGES) -> bytes:
    """Serialise the glossary as a TBX-Basic v3 document in UTF-8."""
    concepts = _validated(concepts, languages)
    if not concepts:
        # The schema requires at least one conceptEntry; an empty file would not validate.
        raise _fail(ERR_EMPTY_GLOSSARY)
    root = etree.Element(
        _tbx("tbx"),
        {"type": TBX_DIALECT, "style": TBX_STYLE, XML_LANG: languages[0]},
        nsmap={None: TBX_NS},
    )
    header = _sub(_sub(root, "tbxHeader"), "fileDesc")
    _sub(_sub(header, "sourceDesc"), "p", TBX_SOURCE_DESC)
    body = _sub(_sub(root, "text"), "body")
    for concept in concepts:
        entry = _sub(body, "conceptEntry", id=_id_to_tbx(concept.identifier))
        if concept.subject_field:
            _sub(entry, "descrip", concept.subject_field, type="subjectField")
        by_language: dict[str, list[TermData]] = {}
        for term in concept.terms:
            by_language.setdefault(term.language, []).append(term)
        for language, terms in by_language.items():
            lang_sec = _sub(entry, "langSec", **{XML_LANG: language})
            if concept.definition.get(language):
                _sub(lang_sec, "descrip", concept.definition[language], type="definition")
            if concept.note.get(language):
                _sub(lang_sec, "note", concept.note[language])
            for term in terms:
                _dump_term(lang_sec, term)
    # Indentation only touches whitespace between elements; no text element has children.
    etree.indent(root, space="  ")
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8") + b"\n"


# Untrusted input: no entity expansion, no DTD or network access, default size limits.
_SAFE_PARSING = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
}


def _refuse_doctype(data: bytes) -> None:
    """Refuse any DOCTYPE, looking only as far as the root element's start tag."""
    # Entities can only be declared in a DTD, so refusing a DOCTYPE refuses every entity
    # attack; checking before the full parse keeps libxml2's own entity errors from hiding it.
    events = etree.iterparse(io.BytesIO(data), events=("start",), **_SAFE_PARSING)
    try:
        for _event, element in events:
            docinfo = element.getroottree().docinfo
            if docinfo.doctype or docinfo.internalDTD is not None:
                raise _fail(ERR_DTD)
            return
    except etree.XMLSyntaxError:
        return  # The full parse reports it, with a better line number.


def _parse_xml(data: bytes | str) -> etree._Element:
    """Parse untrusted XML, refusing DTDs and entities."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    _refuse_doctype(data)
    parser = etree.XMLParser(remove_comments=True, remove_pis=True, **_SAFE_PARSING)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        detail = _LIBXML_POSITION.sub("", error.msg or "unreadable")
        raise _fail(ERR_NOT_XML, error.lineno or None, detail=detail) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise _fail(ERR_DTD)
    return root


def _text(element: etree._Element) -> str:
    """Return the element's text content, including inline markup such as <hi>."""
    return str(_STRING_VALUE(element))


def _children(element: etree._Element, name: str, grp: str | None = None):
    """Yield TBX children with the tag, also those wrapped in a *Grp element."""
    for child in element:
        if child.tag == _tbx(name):
            yield child
        elif grp and child.tag == _tbx(grp):
            yield from (c for c in child if c.tag == _tbx(name))


def _descrips(element: etree._Element, kind: str) -> list[etree._Element]:
    """Return the element's descrip children of one type."""
    return [d for d in _children(element, "descrip", "descripGrp") if d.get("type") == kind]


def _term_notes(term_sec: etree._Element, kind: str) -> list[etree._Element]:
    """Return the termSec's termNote children of one type."""
    return [n for n in _children(term_sec, "termNote", "termNoteGrp") if n.get("type") == kind]


def _joined(elements: Iterable[etree._Element]) -> str:
    """Join the texts of repeated elements, one per line."""
    return "\n".join(text for text in (_text(e) for e in elements) if text)


class _TbxConceptReader:
    """Read one conceptEntry."""

    def __init__(self, entry: etree._Element, languages: Sequence[str], default_lang: str):
        self.entry = entry
        self.default_lang = default_lang
        tbx_id = entry.get("id")
        if not tbx_id:
            raise _fail(ERR_NO_CONCEPT_ID, entry.sourceline)
        identifier = _check_identifier(_id_from_tbx(tbx_id), entry.sourceline)
        self.builder = _ConceptBuilder(identifier, f"in conceptEntry {tbx_id!r}", languages)

    def read(self) -> ConceptData:
        """Return the concept."""
        entry, builder = self.entry, self.builder
        builder.subject_field = _joined(_descrips(entry, "subjectField"))
        for lang_sec in _children(entry, "langSec"):
            self._read_lang_sec(lang_sec)
        self._adopt_concept_level(entry)
        return builder.build(entry.sourceline)

    def _language(self, element: etree._Element, tag: str) -> str:
        """Map a language tag to a Concord language or fail."""
        base = _base_language(tag)
        if base not in self.builder.languages:
            # Name the tag as written in the file, where the user will look for it.
            self.builder.check_language(tag, element.sourceline)
        return base

    def _read_lang_sec(self, lang_sec: etree._Element) -> None:
        """Read a langSec's definition, note and terms."""
        builder = self.builder
        tag = lang_sec.get(XML_LANG)
        if not tag:
            raise _fail(ERR_NO_LANG, lang_sec.sourceline, where=builder.where)
        language = self._language(lang_sec, tag)
        for texts, found in (
            (builder.definition, _joined(_descrips(lang_sec, "definition"))),
            (builder.note, _joined(_children(lang_sec, "note"))),
        ):
            if found:
                # A file may repeat a language section; keep every text.
                texts[language] = "\n".join(filter(None, (texts.get(language), found)))
        for term_sec in _children(lang_sec, "termSec"):
            builder.add_term(self._read_term(term_sec, language), term_sec.sourceline)

    def _read_term(self, term_sec: etree._Element, language: str) -> TermData:
        """Read one termSec."""
        where = self.builder.where
        term = next(_children(term_sec, "term"), None)
        if term is None:
            raise _fail(ERR_NO_TERM, term_sec.sourceline, where=where)
        status_notes = _term_notes(term_sec, "administrativeStatus")
        tbx_status = _text(status_notes[0]).strip() if status_notes else STATUS_TO_TBX["preferred"]
        if tbx_status not in STATUS_FROM_TBX:
            raise _fail(
                ERR_UNKNOWN_TBX_STATUS,
                status_notes[0].sourceline,
                status=tbx_status,
                where=where,
                expected=", ".join(STATUS_FROM_TBX),
            )
        pos_notes = _term_notes(term_sec, "partOfSpeech")
        part_of_speech = _text(pos_notes[0]).strip() if pos_notes else ""
        markers, notes = self._split_notes(term_sec)
        status = STATUS_FROM_TBX[tbx_status]
        # A marker refines only the standard value it was written with; if another tool
        # changed that value, the standard value wins.
        if tbx_status == STATUS_TO_TBX["forbidden"] and markers.get(MARKER_STATUS) == "forbidden":
            status = "forbidden"
        if part_of_speech == "other" and MARKER_PART_OF_SPEECH in markers:
            part_of_speech = markers[MARKER_PART_OF_SPEECH]
        return TermData(
            language=language,
            text=_text(term).strip(),
            status=status,
            case_sensitive=markers.get(MARKER_CASE_SENSITIVE) == "true",
            part_of_speech=part_of_speech,
            note="\n".join(notes),
        )

    def _split_notes(self, term_sec: etree._Element) -> tuple[dict[str, str], list[str]]:
        """Separate Concord marker notes from user notes."""
        markers: dict[str, str] = {}
        notes: list[str] = []
        for note in _children(term_sec, "note"):
            text = _text(note)
            if note.get(XML_LANG) == MARKER_LANG and text.startswith(MARKER_PREFIX):
                key, sep, value = text[len(MARKER_PREFIX) :].partition("=")
                known = (MARKER_STATUS, MARKER_CASE_SENSITIVE, MARKER_PART_OF_SPEECH)
                if not sep or key not in known:
                    raise _fail(
                        ERR_UNKNOWN_MARKER, note.sourceline, marker=text, where=self.builder.where
                    )
                markers[key] = value
            elif text:
                notes.append(text)
        return markers, notes

    def _adopt_concept_level(self, entry: etree._Element) -> None:
        """Give concept-level definitions and notes to their language, if it has terms."""
        used = {term.language for term in self.builder.terms}
        for texts, elements in (
            (self.builder.definition, _descrips(entry, "definition")),
            (self.builder.note, list(_children(entry, "note"))),
        ):
            for element in elements:
                language = _base_language(element.get(XML_LANG) or self.default_lang)
                text = _text(element)
                if text and language in used and not texts.get(language):
                    texts[language] = text


def tbx_load(data: bytes, *, languages: Sequence[str] = LANGUAGES) -> list[ConceptData]:
    """Parse a TBX v3 document into concepts, refusing unsafe or invalid content."""
    root = _parse_xml(data)
    if etree.QName(root).localname == "martif":
        raise _fail(ERR_TBX_V2, root.sourceline)
    if etree.QName(root).localname != "tbx":
        raise _fail(ERR_ROOT, root.sourceline, found=etree.QName(root).localname)
    if etree.QName(root).namespace != TBX_NS:
        raise _fail(
            ERR_NAMESPACE,
            root.sourceline,
            found=etree.QName(root).namespace or "",
            expected=TBX_NS,
        )
    body = root.find(f"{_tbx('text')}/{_tbx('body')}")
    if body is None:
        raise _fail(ERR_NO_BODY, root.sourceline)
    default_lang = root.get(XML_LANG) or ""
    concepts: list[ConceptData] = []
    seen: set[str] = set()
    for entry in _children(body, "conceptEntry"):
        concept = _TbxConceptReader(entry, languages, default_lang).read()
        if concept.identifier in seen:
            raise _fail(ERR_DUPLICATE_CONCEPT, entry.sourceline, identifier=concept.identifier)
        seen.add(concept.identifier)
        concepts.append(concept)
    return concepts


# --- CSV ----------------------------------------------------------------------------------


def csv_dump(concepts: Iterable[ConceptData], *, languages: Sequence[str] = LANGUAGES) -> str:
    """Serialise the glossary as CSV text, one row per term (encode as UTF-8 to save)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for concept in _validated(concepts, languages):
        for term in concept.terms:
            writer.writerow(
                (
                    concept.identifier,
                    concept.subject_field,
                    term.language,
                    term.text,
                    term.status,
                    "true" if term.case_sensitive else "false",
                    term.part_of_speech,
                    term.note,
                    concept.definition.get(term.language, ""),
                    concept.note.get(term.language, ""),
                )
            )
    return out.getvalue()


def _decode_csv(data: bytes | str) -> str:
    """Return the CSV text without a byte-order mark."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _fail(ERR_NOT_UTF8, line, detail=error.reason) from None


def _csv_records(text: str):
    """Yield (first line number, fields) for each non-blank CSV record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    previous = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _fail(ERR_CSV, previous + 1, detail=str(error)) from None
        line, previous = previous + 1, reader.line_num
        if any(cell.strip() for cell in fields):
            yield line, fields


def _csv_header(line: int, fields: list[str]) -> list[str]:
    """Check the header row and return its column names."""
    columns = [cell.strip().lower() for cell in fields]
    expected = ", ".join(CSV_COLUMNS)
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    if unknown:
        raise _fail(ERR_CSV_UNKNOWN_COLUMNS, line, unknown=", ".join(unknown), columns=expected)
    for column in columns:
        if columns.count(column) > 1:
            raise _fail(ERR_CSV_DUPLICATE_COLUMN, line, column=column)
    missing = [c for c in CSV_REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise _fail(ERR_CSV_MISSING_COLUMNS, line, missing=", ".join(missing), columns=expected)
    return columns


class _CsvConcept:
    """Accumulate one concept's rows, remembering where concept fields came from."""

    def __init__(self, builder: _ConceptBuilder):
        self.builder = builder
        self.origin: dict[tuple[str, str], int] = {}
        self.first_line = 0

    def set_once(self, column: str, language: str, value: str, line: int) -> None:
        """Record a concept-level value, refusing one that contradicts an earlier row."""
        if not value:
            return
        builder = self.builder
        builder.check_text(column.replace("_", " "), value, line)
        if column == "subject_field":
            previous = builder.subject_field
        else:
            texts = builder.definition if column == "definition" else builder.note
            previous = texts.get(language, "")
        if previous and previous != value:
            raise _fail(
                ERR_CSV_CONFLICT,
                line,
                column=column,
                value=value,
                where=builder.where,
                previous=previous,
                origin=self.origin[(column, language)],
            )
        self.origin[(column, language)] = line
        if column == "subject_field":
            builder.subject_field = value
        elif column == "definition":
            builder.definition[language] = value
        else:
            builder.note[language] = value


def _csv_bool(value: str, where: str, line: int) -> bool:
    """Parse a case_sensitive cell."""
    flag = value.strip().lower()
    if flag in CSV_TRUE:
        return True
    if flag in CSV_FALSE:
        return False
    raise _fail(ERR_CSV_BAD_BOOLEAN, line, value=value, where=where)


def csv_load(data: bytes | str, *, languages: Sequence[str] = LANGUAGES) -> list[ConceptData]:
    """Parse glossary CSV into concepts, naming the line of any problem."""
    records = _csv_records(_decode_csv(data))
    first = next(records, None)
    if first is None:
        raise _fail(ERR_CSV_EMPTY, columns=", ".join(CSV_COLUMNS))
    columns = _csv_header(*first)
    concepts: dict[str, _CsvConcept] = {}
    for line, fields in records:
        if len(fields) > len(columns):
            raise _fail(ERR_CSV_TOO_MANY_FIELDS, line, found=len(fields), expected=len(columns))
        row = dict.fromkeys(CSV_COLUMNS, "")
        row.update(zip(columns, fields, strict=False))
        identifier = row["concept"].strip()
        if not identifier:
            raise _fail(ERR_CSV_EMPTY_CONCEPT, line)
        if identifier not in concepts:
            _check_identifier(identifier, line)
            builder = _ConceptBuilder(identifier, f"in concept {identifier!r}", languages)
            concepts[identifier] = _CsvConcept(builder)
            concepts[identifier].first_line = line
        concept = concepts[identifier]
        builder = concept.builder
        raw_language = row["language"].strip()
        language = _base_language(raw_language)
        if language not in builder.languages:
            builder.check_language(raw_language, line)
        status = row["status"].strip().lower() or "preferred"
        term = TermData(
            language=language,
            text=row["term"].strip(),
            status=status,
            case_sensitive=_csv_bool(row["case_sensitive"], builder.where, line),
            part_of_speech=row["part_of_speech"],
            note=row["note"],
        )
        builder.add_term(term, line)
        concept.set_once("subject_field", "", row["subject_field"], line)
        concept.set_once("definition", language, row["definition"], line)
        concept.set_once("concept_note", language, row["concept_note"], line)
    return [c.builder.build(c.first_line) for c in concepts.values()]


# --- either -------------------------------------------------------------------------------


def glossary_load(
    data: bytes, filename: str, *, languages: Sequence[str] = LANGUAGES
) -> list[ConceptData]:
    """Parse an uploaded glossary, choosing TBX or CSV by extension or content."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix in (".tbx", ".xml"):
        return tbx_load(data, languages=languages)
    if suffix == ".csv":
        return csv_load(data, languages=languages)
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"<" or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # XML starts with "<" (UTF-16 files with their BOM); a glossary CSV starts with its header.
        return tbx_load(data, languages=languages)
    if start:
        return csv_load(data, languages=languages)
    raise _fail(ERR_UNKNOWN_FORMAT, filename=filename)
