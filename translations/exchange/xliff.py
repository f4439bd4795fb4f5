"""XLIFF 1.2 files of one release in one target language (memoQ, Trados, OmegaT).

One ``<trans-unit>`` per translatable unit: ``id`` = the unit key, ``<source>``, ``<target
state=…>``, ``<note from="concord">`` with its kind and number and one per glossary term, and
``<note from="concord-previous-source">`` with the source the translation was made from when
that source has changed since.

The file's identity is written where the XLIFF 1.2 *strict* schema allows it (every export
validates against ``xliff-core-1.2-strict.xsd``), each fact in one place that import reads:

=====================  ==========================================================
release (slug)         ``<file original="concord:SLUG">``
target language        ``<file target-language>``
source language        ``<file source-language>``
base revision          ``<file build-num>`` (the revision the file was made from)
release id             ``<header><phase-group><phase phase-name="concord-export"
                       job-id="ID">`` (the release's number in Concord's database)
=====================  ==========================================================

Also written, for people and tools, and not read back: ``tool-id="concord"`` with its
``<header><tool tool-name="Concord">`` (the schema requires the pair), ``product-name`` = the
release title, ``product-version`` = "revision N", and ``date`` (file and phase) = the
revision's own time, the only time a file carries.

Files exported before this layout name the release, language and revision in a
``<header><prop-group name="concord">`` (deprecated in XLIFF 1.2, refused by the strict
schema); they are still read, their ``<prop>`` values taking precedence.

Other tools' XLIFF: XLIFF 1.1 (translate-toolkit's ``po2xliff`` writes it) is read as 1.2 — the
elements and attributes Concord reads are the same; XLIFF 2.x by :mod:`.xliff2`, and what
Trados, memoQ and Phrase add to 1.2 (their own statuses, their own file header) by
:mod:`.xliff_tools`; any other version is refused saying so. Several ``<file>`` elements are
read as one when they all name the same release, language and revision (or nothing), else
refused (:mod:`.xliff_files`). A Concord PO converted by ``po2xliff`` keeps the PO header as a
``restype="x-gettext-domain-header"`` unit (its ``X-Concord-*`` lines name the release,
language and revision) but loses ``msgctxt``, the unit key: each entry then carries its label —
the first line of the PO ``#.`` comment, ``<note from="developer">`` (or Concord's own
``<note from="concord">``) — and the import matches it to the unit with that label and source
text at the file's revision. Notes ``from="developer"`` are Concord's own comments coming back,
not translator comments.

States, out (our state → XLIFF ``state``):

==============  ==========================
untranslated    ``needs-translation``
outdated        ``needs-translation``  (the target is the old translation)
draft           ``translated``
needs review    ``needs-review-translation``
approved        ``final``
==============  ==========================

In: a changed target whose state is ``new``, ``needs-translation``, ``needs-l10n`` or
``needs-adaptation`` (the translator did not confirm it) is imported as a draft, like a
fuzzy PO entry; any other state, or none, submits it for review.

Parsing is lxml with entity resolution, DTD loading and network access off; any DOCTYPE is
refused, so no entity can be expanded.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy
from lxml import etree

from translations.exchange.po import H_LANGUAGE, H_RELEASE, H_RELEASE_ID, H_REVISION, H_SOURCE
from translations.exchange.units import (
    ExchangeFile,
    ExchangeFileError,
    ParsedEntry,
    ParsedFile,
    malformed,
    size_check,
)
from translations.exchange.xliff2 import XLIFF2_NS, xliff2_parsed
from translations.exchange.xliff_files import file_identity, files_identity
from translations.exchange.xliff_tools import (
    element_text,
    exported_name,
    is_deletion,
    tool_confirmed,
)
from translations.review.vocabulary import UnitState
from translations.xmlsafe import SAFE_PARSING, UnsafeXMLError
from translations.xmltext import xml_utf8

FORMAT = "XLIFF"
# Extensions of XLIFF files: memoQ's .mqxliff, Trados' .sdlxliff and Phrase's .mxliff included.
SUFFIXES = (".xlf", ".xliff", ".xlif", ".mqxliff", ".sdlxliff", ".mxliff")
CONTENT_TYPE = "application/x-xliff+xml; charset=utf-8"
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
# Read as 1.2: the same elements and attributes under another namespace.
XLIFF_NS_11 = "urn:oasis:names:tc:xliff:document:1.1"
# The PO header of a PO file converted by translate-toolkit's po2xliff.
GETTEXT_HEADER = "x-gettext-domain-header"
# Notes whose first line is the unit's label: Concord's own, and PO "#." comments (po2xliff).
DEVELOPER_FROM = "developer"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NOTE_FROM = "concord"
PREVIOUS_FROM = "concord-previous-source"
# Files exported before the strict layout: <header><prop-group name="concord">.
PROPS = "concord"
ORIGINAL_PREFIX = "concord:"
TOOL_ID = "concord"
TOOL_NAME = "Concord"
PHASE_NAME = "concord-export"
PHASE_PROCESS = "translation"
STATE_OUT = {
    UnitState.UNTRANSLATED: "needs-translation",
    UnitState.OUTDATED: "needs-translation",
    UnitState.DRAFT: "translated",
    UnitState.NEEDS_REVIEW: "needs-review-translation",
    UnitState.APPROVED: "final",
}
UNCONFIRMED = frozenset({"new", "needs-translation", "needs-l10n", "needs-adaptation"})
# Inline elements whose content is the original format's markup, not text.
NATIVE_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
ERR_NOT_XML_TEXT = gettext_lazy(
    "%(unit)s contains U+FFFE or U+FFFF, which XML cannot hold; export this release as PO"
)
_NOT_XML = re.compile("[\ufffe\uffff]")
ERR_DTD = gettext_lazy("the file declares a DOCTYPE; DTDs and entities are not allowed")
ERR_ROOT = "the root element is <{found}>, expected XLIFF 1.2 <xliff> in {ns}"
ERR_VERSION = (
    "the file is XLIFF {version} (namespace {found}); Concord reads XLIFF 1.2, 1.1 and 2.x: "
    "export the file again as XLIFF 1.2, or download Concord's XLIFF and translate that one"
)

_SAFE = etree.XMLParser(remove_comments=True, remove_pis=True, **SAFE_PARSING)


def _q(name):
    return f"{{{XLIFF_NS}}}{name}"


def _sub(parent, tag, text=None, **attributes):
    element = etree.SubElement(
        parent, _q(tag), {k.replace("_", "-"): v for k, v in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


def xliff_dump(exchange: ExchangeFile) -> bytes:
    """Return the XLIFF 1.2 document of ``exchange`` as UTF-8 bytes (strict schema)."""
    for unit in exchange.units:
        if _NOT_XML.search(unit.source + unit.target + unit.previous):
            raise ExchangeFileError(ERR_NOT_XML_TEXT % {"unit": unit.label()})
    root = etree.Element(_q("xliff"), version="1.2", nsmap={None: XLIFF_NS})
    identity = {
        "original": f"{ORIGINAL_PREFIX}{exchange.slug}",
        "source_language": exchange.source_language,
        "target_language": exchange.language,
        "datatype": "plaintext",
        "date": exchange.revision_time,
        "tool_id": TOOL_ID,
        "product_version": f"revision {exchange.revision}",
        "build_num": str(exchange.revision),
    }
    if exchange.title and not _NOT_XML.search(exchange.title):
        identity["product_name"] = exchange.title
    file = _sub(root, "file", **identity)
    header = _sub(file, "header")
    _sub(
        _sub(header, "phase-group"),
        "phase",
        phase_name=PHASE_NAME,
        process_name=PHASE_PROCESS,
        tool_id=TOOL_ID,
        date=exchange.revision_time,
        job_id=str(exchange.release_id),
    )
    _sub(header, "tool", tool_id=TOOL_ID, tool_name=TOOL_NAME)
    body = _sub(file, "body")
    for unit in exchange.units:
        trans_unit = _sub(body, "trans-unit", id=unit.key, resname=unit.label())
        _sub(trans_unit, "source", unit.source).set(XML_SPACE, "preserve")
        target = _sub(trans_unit, "target", unit.target, state=STATE_OUT[UnitState(unit.state)])
        if unit.state == UnitState.APPROVED:
            # Tools built on translate-toolkit count a unit as translated only when approved.
            trans_unit.set("approved", "yes")
        target.set(XML_SPACE, "preserve")
        if unit.state == UnitState.OUTDATED and unit.previous and unit.previous != unit.source:
            _sub(trans_unit, "note", unit.previous, **{"from": PREVIOUS_FROM})
        _sub(trans_unit, "note", unit.label(), **{"from": NOTE_FROM})
        for term in unit.terms:
            _sub(trans_unit, "note", f"term: {term.describe()}", **{"from": NOTE_FROM})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _inline(element, codes):
    """Return the text of ``element`` with its inline markup: ``<g>`` and ``<mrk>`` give their
    text, ``<x/>``/``<bx/>``/``<ex/>`` nothing; the native codes of ``<bpt>``, ``<ept>``,
    ``<ph>``, ``<it>`` and ``<ut>`` (the original format's markup, such as ``<b>``) are not text
    and are dropped, noted in ``codes``; text a tool tracks as deleted (Trados's
    ``<mrk mtype="x-sdl-deleted">``) is not the translation."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            if etree.QName(child).localname in NATIVE_CODES:
                codes.append(etree.QName(child).localname)
            elif is_deletion(child):
                pass
            else:
                parts.append(_inline(child, codes))
        parts.append(child.tail or "")
    return "".join(parts)


def _text(element, codes=None):
    """Return the element's text without native codes (see :func:`_inline`)."""
    return _inline(element, [] if codes is None else codes) if element is not None else ""


def _as_xliff_12(root):
    """Move an XLIFF 1.1 document's elements into the 1.2 namespace."""
    prefix = f"{{{XLIFF_NS_11}}}"
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(prefix):
            element.tag = _q(element.tag[len(prefix) :])


def _parse(data):
    try:
        root = etree.fromstring(data, _SAFE)
    except etree.XMLSyntaxError as error:
        raise malformed(FORMAT, error.msg or "unreadable") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise malformed(FORMAT, ERR_DTD)
    name = etree.QName(root)
    if name.localname == "xliff" and name.namespace == XLIFF_NS_11:
        _as_xliff_12(root)
        name = etree.QName(root)
    if name.localname == "xliff" and name.namespace == XLIFF2_NS:
        return root
    if name.localname == "xliff" and name.namespace != XLIFF_NS:
        version = root.get("version") or "?"
        raise malformed(FORMAT, ERR_VERSION.format(version=version, found=name.namespace or "—"))
    if root.tag != _q("xliff"):
        raise malformed(FORMAT, ERR_ROOT.format(found=name.localname, ns=XLIFF_NS))
    return root


def _structure(unit):
    """Return whether a unit is a tool's structure, not text to translate: marked
    ``translate="no"`` and without a translation (Trados's units of tags alone)."""
    if unit.get("translate") != "no":
        return False
    target = unit.find(_q("target"))
    return target is None or not _text(target).strip()


def _unconfirmed(unit, target):
    """Return whether the unit's translation is not confirmed: no target, a CAT tool's own
    status saying so (:mod:`.xliff_tools`), else an unconfirmed ``state``."""
    if target is None:
        return True
    confirmed = tool_confirmed(unit)
    if confirmed is not None:
        return not confirmed
    return target.get("state") in UNCONFIRMED


def _translator_notes(unit):
    """Return the unit's notes that Concord did not write, as "from: text"."""
    notes = []
    for note in unit.iterfind(_q("note")):
        author = (note.get("from") or "").strip()
        text = _text(note).strip()
        if author in (NOTE_FROM, PREVIOUS_FROM, DEVELOPER_FROM) or not text:
            continue
        notes.append(f"{author}: {text}" if author else text)
    return tuple(notes)


def _label(unit):
    """Return the unit's label as Concord wrote it: the first line of its first Concord or
    developer note ("" when it has none)."""
    for note in unit.iterfind(_q("note")):
        if note.get("from") in (NOTE_FROM, DEVELOPER_FROM):
            return _text(note).strip().split("\n")[0].strip()
    return ""


def _gettext_header(file):
    """Return the PO header fields of a po2xliff file's header unit (empty without one)."""
    for unit in file.iter(_q("trans-unit")):
        if unit.get("restype") == GETTEXT_HEADER:
            element = unit.find(_q("target"))
            if element is None or not _text(element).strip():
                element = unit.find(_q("source"))
            lines = (line.partition(":") for line in _text(element).splitlines())
            return {name.strip(): value.strip() for name, sep, value in lines if sep}
    return {}


def _old_props(file):
    """Return the ``<prop-group name="concord">`` values of a file exported before the strict
    layout (empty for any other file)."""
    return {
        prop.get("prop-type"): (prop.text or "").strip()
        for group in file.iterfind(f"{_q('header')}/{_q('prop-group')}")
        if group.get("name") == PROPS
        for prop in group.iterfind(_q("prop"))
    }


def _release_id(file):
    """Return the release id of Concord's export phase ("" when the file has none)."""
    for phase in file.iterfind(f"{_q('header')}/{_q('phase-group')}/{_q('phase')}"):
        if phase.get("phase-name") == PHASE_NAME:
            return (phase.get("job-id") or "").strip()
    return ""


def _fields(file):
    """Return the release, language and base revision one ``<file>`` names, by name ("" for
    what it does not name)."""
    props = _old_props(file)
    original = (file.get("original") or "").strip()
    ours = original.startswith(ORIGINAL_PREFIX)
    meta = {} if props or ours else _gettext_header(file)
    if props:
        slug, release_id = props.get("release", ""), props.get("release-id", "")
        language = props.get("language") or file.get("target-language", "")
        revision, source = props.get("revision", ""), props.get("source-language", "")
    elif meta:
        # A Concord PO converted by po2xliff: the PO header's X-Concord-* fields.
        slug, release_id = meta.get(H_RELEASE, ""), meta.get(H_RELEASE_ID, "")
        language = meta.get(H_LANGUAGE) or file.get("target-language", "")
        revision, source = meta.get(H_REVISION, ""), meta.get(H_SOURCE, "")
    else:
        # A CAT tool's own file (Trados, memoQ) names the file Concord exported.
        named = {} if ours else exported_name(original)
        slug = original.removeprefix(ORIGINAL_PREFIX) if ours else named.get("slug", "")
        release_id = _release_id(file)
        language = (file.get("target-language") or named.get("language", "")).strip()
        revision = (file.get("build-num") or named.get("revision", "")).strip()
        source = (file.get("source-language") or "").strip()
    return {
        "slug": slug,
        "release_id": release_id,
        "language": language,
        "revision": revision,
        "source": source,
    }


def xliff_load(data: bytes) -> ParsedFile:
    """Parse an uploaded XLIFF 1.2 file; refuse it whole when it cannot be read safely."""
    # A DOCTYPE is refused before parsing, so no entity declaration is ever read.
    size_check(data)
    try:
        stream = xml_utf8(data)[0]
    except UnsafeXMLError as error:
        raise malformed(FORMAT, ERR_DTD if error.doctype else str(error)) from None
    root = _parse(stream.read())
    if root.tag == f"{{{XLIFF2_NS}}}xliff":
        return xliff2_parsed(root)
    files = root.findall(_q("file"))
    parsed = files_identity(files, _fields, lambda values: file_identity(values, "target-language"))
    for unit in (unit for file in files for unit in file.iter(_q("trans-unit"))):
        key = unit.get("id", "")
        if unit.get("restype") == GETTEXT_HEADER or _structure(unit):
            continue
        if not key:
            parsed.skipped.append(("", "no context"))
            continue
        target = unit.find(_q("target"))
        codes = []
        parsed.entries.append(
            ParsedEntry(
                key=key,
                source=element_text(unit.find(_q("source")), _text(unit.find(_q("source")))),
                target=element_text(target, _text(target, codes)),
                fuzzy=_unconfirmed(unit, target),
                line=unit.sourceline,
                codes=bool(codes),
                comments=_translator_notes(unit),
                label=_label(unit),
            )
        )
    return parsed
