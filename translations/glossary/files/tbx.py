"""TBX-Basic (TBX v3, DCA style): the mapping of Concord's glossary, and the dumper."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree

from translations.glossary.files.data import (
    LANGUAGES,
    ConceptData,
    TermData,
    fail,
    split_variants,
    validated,
)
from translations.glossary.files.tbx_terms import looks_like_acronym
from translations.glossary.vocabulary import TermStatus

TBX_NS = "urn:iso:std:iso:30042:ed-2"
TBX_DIALECT = "TBX-Basic"
TBX_STYLE = "dca"
TBX_SOURCE_DESC = "Concord glossary export"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

STATUS_TO_TBX = {
    TermStatus.PREFERRED: "preferredTerm-admn-sts",
    TermStatus.ADMITTED: "admittedTerm-admn-sts",
    TermStatus.DEPRECATED: "deprecatedTerm-admn-sts",
    TermStatus.FORBIDDEN: "deprecatedTerm-admn-sts",
}
STATUS_FROM_TBX = {
    "preferredTerm-admn-sts": TermStatus.PREFERRED.value,
    "admittedTerm-admn-sts": TermStatus.ADMITTED.value,
    "deprecatedTerm-admn-sts": TermStatus.DEPRECATED.value,
    "supersededTerm-admn-sts": TermStatus.DEPRECATED.value,
}
TBX_PARTS_OF_SPEECH = ("adjective", "adverb", "noun", "other", "verb")

MARKER_LANG = "zxx"
MARKER_PREFIX = "concord:"
MARKER_STATUS = "status"
MARKER_CASE_SENSITIVE = "case-sensitive"
MARKER_PART_OF_SPEECH = "part-of-speech"
MARKER_VARIANT = "variant"
MARKERS = (MARKER_STATUS, MARKER_CASE_SENSITIVE, MARKER_PART_OF_SPEECH, MARKER_VARIANT)

# Prefix for identifiers that are not NCNames (or could be mistaken for prefixed ones).
ID_ESCAPE = "_"

ERR_EMPTY_GLOSSARY = "the glossary is empty; a TBX file needs at least one concept"

_NCNAME_START = re.compile(r"[A-Za-z_]")


def tbx_tag(name: str) -> str:
    """Return the TBX-namespaced tag name."""
    return f"{{{TBX_NS}}}{name}"


def _id_to_tbx(identifier: str) -> str:
    """Turn a slug into an NCName, reversibly."""
    if identifier.startswith(ID_ESCAPE) or not _NCNAME_START.match(identifier):
        return ID_ESCAPE + identifier
    return identifier


def id_from_tbx(tbx_id: str) -> str:
    """Undo ``_id_to_tbx``."""
    return tbx_id[len(ID_ESCAPE) :] if tbx_id.startswith(ID_ESCAPE) else tbx_id


def _sub(parent: etree._Element, name: str, text: str | None = None, **attrs) -> etree._Element:
    """Append a TBX child element."""
    element = etree.SubElement(parent, tbx_tag(name), attrs)
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
    if term.status == TermStatus.FORBIDDEN:
        _marker(term_sec, MARKER_STATUS, TermStatus.FORBIDDEN.value)
    if term.case_sensitive:
        _marker(term_sec, MARKER_CASE_SENSITIVE, "true")
    elif looks_like_acronym(term.text):
        # Other tools' all-capital terms read as case-sensitive; this one is not.
        _marker(term_sec, MARKER_CASE_SENSITIVE, "false")
    if term.part_of_speech and term.part_of_speech not in TBX_PARTS_OF_SPEECH:
        _marker(term_sec, MARKER_PART_OF_SPEECH, term.part_of_speech)
    for variant in split_variants(term.variants):
        # One note per declared variant, in the order declared.
        _marker(term_sec, MARKER_VARIANT, variant)


def _concept_entry(concept: ConceptData) -> etree._Element:
    """Return one concept as a detached conceptEntry."""
    entry = etree.Element(tbx_tag("conceptEntry"), id=_id_to_tbx(concept.identifier))
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
    return entry


def tbx_entries(
    concepts: Iterable[ConceptData], *, languages: Sequence[str] = LANGUAGES
) -> list[etree._Element]:
    """Return the glossary as TBX v3 conceptEntry elements, refusing what could not load back
    (both TBX versions are written from these)."""
    concepts = validated(concepts, languages)
    if not concepts:
        # The schema requires at least one conceptEntry; an empty file would not validate.
        raise fail(ERR_EMPTY_GLOSSARY)
    return [_concept_entry(concept) for concept in concepts]


def tbx_dump(concepts: Iterable[ConceptData], *, languages: Sequence[str] = LANGUAGES) -> bytes:
    """Serialise the glossary as a TBX-Basic v3 document in UTF-8."""
    entries = tbx_entries(concepts, languages=languages)
    root = etree.Element(
        tbx_tag("tbx"),
        {"type": TBX_DIALECT, "style": TBX_STYLE, XML_LANG: languages[0]},
        nsmap={None: TBX_NS},
    )
    header = _sub(_sub(root, "tbxHeader"), "fileDesc")
    _sub(_sub(header, "sourceDesc"), "p", TBX_SOURCE_DESC)
    body = _sub(_sub(root, "text"), "body")
    body.extend(entries)
    # Indentation only touches whitespace between elements; no text element has children.
    etree.indent(root, space="  ")
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8") + b"\n"
