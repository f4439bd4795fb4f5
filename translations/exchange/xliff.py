"""XLIFF 1.2 files of one release in one target language (memoQ, Trados, OmegaT).

One ``<trans-unit>`` per translatable unit: ``id`` = the unit key, ``<source>``, ``<target
state=…>``, ``<note from="concord">`` with its kind and number and one per glossary term, and
``<note from="concord-previous-source">`` with the source the translation was made from when
that source has changed since. The ``<file>`` header's ``<prop-group name="concord">`` names
the release, the language and the base revision; ``date`` is the revision's own time.

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

from translations.exchange.units import (
    ERR_NO_HEADER,
    ExchangeFile,
    ExchangeFileError,
    ParsedEntry,
    ParsedFile,
    header_number,
    malformed,
    size_check,
)
from translations.review.vocabulary import UnitState
from translations.xmlsafe import SAFE_PARSING, UnsafeXMLError
from translations.xmltext import xml_utf8

FORMAT = "XLIFF"
# Extensions of XLIFF 1.2 files, memoQ's .mqxliff and Trados' .sdlxliff included.
SUFFIXES = (".xlf", ".xliff", ".xlif", ".mqxliff", ".sdlxliff")
CONTENT_TYPE = "application/x-xliff+xml; charset=utf-8"
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NOTE_FROM = "concord"
PREVIOUS_FROM = "concord-previous-source"
PROPS = "concord"
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
    "the file is XLIFF {version} (namespace {found}); Concord reads XLIFF 1.2: export the file "
    "again as XLIFF 1.2, or download Concord's XLIFF and translate that one"
)
ERR_FILES = "expected exactly one <file> element, found {count}"

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
    """Return the XLIFF 1.2 document of ``exchange`` as UTF-8 bytes."""
    root = etree.Element(_q("xliff"), version="1.2", nsmap={None: XLIFF_NS})
    file = _sub(
        root,
        "file",
        original=f"concord:{exchange.slug}",
        source_language=exchange.source_language,
        target_language=exchange.language,
        datatype="plaintext",
        date=exchange.revision_time,
        product_name="Concord",
        product_version=f"revision {exchange.revision}",
    )
    header = _sub(file, "header")
    props = _sub(header, "prop-group", name=PROPS)
    for name, value in (
        ("release", exchange.slug),
        ("release-id", str(exchange.release_id)),
        ("language", exchange.language),
        ("source-language", exchange.source_language),
        ("revision", str(exchange.revision)),
        ("title", exchange.title),
    ):
        _sub(props, "prop", value, prop_type=name)
    body = _sub(file, "body")
    for unit in exchange.units:
        if _NOT_XML.search(unit.source + unit.target + unit.previous):
            raise ExchangeFileError(ERR_NOT_XML_TEXT % {"unit": unit.label()})
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
    and are dropped, noted in ``codes``."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            if etree.QName(child).localname in NATIVE_CODES:
                codes.append(etree.QName(child).localname)
            else:
                parts.append(_inline(child, codes))
        parts.append(child.tail or "")
    return "".join(parts)


def _text(element, codes=None):
    """Return the element's text without native codes (see :func:`_inline`)."""
    return _inline(element, [] if codes is None else codes) if element is not None else ""


def _parse(data):
    try:
        root = etree.fromstring(data, _SAFE)
    except etree.XMLSyntaxError as error:
        raise malformed(FORMAT, error.msg or "unreadable") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise malformed(FORMAT, ERR_DTD)
    name = etree.QName(root)
    if name.localname == "xliff" and name.namespace != XLIFF_NS:
        version = root.get("version") or "?"
        raise malformed(FORMAT, ERR_VERSION.format(version=version, found=name.namespace or "—"))
    if root.tag != _q("xliff"):
        raise malformed(FORMAT, ERR_ROOT.format(found=name.localname, ns=XLIFF_NS))
    return root


def _translator_notes(unit):
    """Return the unit's notes that Concord did not write, as "from: text"."""
    notes = []
    for note in unit.iterfind(_q("note")):
        author = (note.get("from") or "").strip()
        text = _text(note).strip()
        if author in (NOTE_FROM, PREVIOUS_FROM) or not text:
            continue
        notes.append(f"{author}: {text}" if author else text)
    return tuple(notes)


def xliff_load(data: bytes) -> ParsedFile:
    """Parse an uploaded XLIFF 1.2 file; refuse it whole when it cannot be read safely."""
    # A DOCTYPE is refused before parsing, so no entity declaration is ever read.
    size_check(data)
    try:
        stream = xml_utf8(data)[0]
    except UnsafeXMLError as error:
        raise malformed(FORMAT, ERR_DTD if error.doctype else str(error)) from None
    root = _parse(stream.read())
    files = root.findall(_q("file"))
    if len(files) != 1:
        raise malformed(FORMAT, ERR_FILES.format(count=len(files)))
    file = files[0]
    props = {
        prop.get("prop-type"): (prop.text or "").strip()
        for group in file.iterfind(f"{_q('header')}/{_q('prop-group')}")
        if group.get("name") == PROPS
        for prop in group.iterfind(_q("prop"))
    }
    missing = [name for name in ("release", "revision") if not props.get(name)]
    language = props.get("language") or file.get("target-language", "")
    if not language:
        missing.append("target-language")
    if missing:
        raise ExchangeFileError(ERR_NO_HEADER % {"what": ", ".join(missing)})
    parsed = ParsedFile(
        slug=props["release"],
        release_id=header_number(props["release-id"], "release-id")
        if props.get("release-id")
        else None,
        language=language.split("-")[0].lower(),
        revision=header_number(props["revision"], "revision"),
        source_language=props.get("source-language", ""),
    )
    for unit in file.iter(_q("trans-unit")):
        key = unit.get("id", "")
        if not key:
            parsed.skipped.append(("", "no context"))
            continue
        target = unit.find(_q("target"))
        codes = []
        parsed.entries.append(
            ParsedEntry(
                key=key,
                source=_text(unit.find(_q("source"))),
                target=_text(target, codes),
                fuzzy=target is None or target.get("state") in UNCONFIRMED,
                line=unit.sourceline,
                codes=bool(codes),
                comments=_translator_notes(unit),
            )
        )
    return parsed
