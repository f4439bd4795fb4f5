"""TMX 1.4b: the memory written out (deterministic bytes) and read in (safely).

Written: ``<tmx version="1.4">`` with a header (``datatype="plaintext"``,
``segtype="sentence"``, ``srclang`` the one source language or ``*all*``), then one ``<tu>``
per entry, sorted by its texts, with ``creationdate``/``changedate`` (the entry's own dates),
``changeid`` (the approver), ``srclang``, props for the release, revision and approver, and a
``<tuv xml:lang>``/``<seg>`` per language. No clock: the same memory gives the same bytes.

Read: at most the upload size and the TMX units of ``config.limits``, no DTD internal
subset or entity (an external ``<!DOCTYPE tmx SYSTEM …>`` as other tools write it is allowed
and never loaded), every language one Concord knows, every segment within the unit length
limit. Any problem refuses the whole file, naming its line.
"""

import io
import re
from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from config import languages
from config.limits import MAX_TMX_UNITS, MAX_UNIT_CHARS
from config.limits import MAX_UPLOAD_BYTES as MAX_TMX_BYTES
from translations.glossary.files.data import base_language
from translations.memory.index import EntryData, entries_merge
from translations.memory.models import MemoryEntry
from translations.xmlsafe import SAFE_PARSING, UnsafeXMLError, xml_prolog_check

TMX_VERSION = "1.4"
CREATION_TOOL = "Concord"
CREATION_TOOL_VERSION = "1"
ALL_LANGUAGES = "*all*"
PROP_RELEASE = "x-concord-release"
PROP_REVISION = "x-concord-revision"
PROP_APPROVER = "x-concord-approver"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
_DATE = re.compile(r"\d{8}T\d{6}Z")
# Inline codes hold the original format's markup, not text.
_CODES = {"bpt", "ept", "it", "ph", "ut"}
_POSITION = re.compile(r", line \d+, column \d+$")
ERR_DTD = gettext_lazy("the file declares a DTD with its own definitions or entities: refused")


class TmxError(ValueError):
    """The TMX file is refused; nothing was imported."""


def _refuse(message, line=None):
    if line:
        message = _("line %(line)s: %(message)s") % {"line": line, "message": message}
    return TmxError(message)


def tmx_date(moment):
    """Return ``moment`` in TMX's form, UTC: ``20170707T120000Z``."""
    return moment.astimezone(UTC).strftime(DATE_FORMAT)


def tmx_write(entries):
    """Return the TMX 1.4b bytes of ``entries`` (memory entries), in a stable order."""
    entries = sorted(
        entries,
        key=lambda e: (e.source_language, e.target_language, e.source_text, e.target_text),
    )
    sources = {entry.source_language for entry in entries}
    root = etree.Element("tmx", version=TMX_VERSION)
    etree.SubElement(
        root,
        "header",
        {
            "creationtool": CREATION_TOOL,
            "creationtoolversion": CREATION_TOOL_VERSION,
            "segtype": "sentence",
            "o-tmf": CREATION_TOOL,
            "adminlang": languages.DEFAULT_SOURCE,
            "srclang": sources.pop() if len(sources) == 1 else ALL_LANGUAGES,
            "datatype": "plaintext",
        },
    )
    body = etree.SubElement(root, "body")
    for entry in entries:
        attributes = {
            "creationdate": tmx_date(entry.created_at),
            "changedate": tmx_date(entry.changed_at),
            "srclang": entry.source_language,
        }
        if entry.approver:
            attributes["changeid"] = entry.approver
        unit = etree.SubElement(body, "tu", attributes)
        for name, value in (
            (PROP_RELEASE, entry.release_slug),
            (PROP_REVISION, entry.revision_number),
            (PROP_APPROVER, entry.approver),
        ):
            if value not in ("", None):
                etree.SubElement(unit, "prop", type=name).text = str(value)
        for language, text in (
            (entry.source_language, entry.source_text),
            (entry.target_language, entry.target_text),
        ):
            variant = etree.SubElement(unit, "tuv", {XML_LANG: language})
            etree.SubElement(variant, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _segment_text(seg):
    """Return a segment's text: its own and its highlighted runs', without inline codes."""
    parts = [seg.text or ""]
    for child in seg:
        if isinstance(child.tag, str) and etree.QName(child).localname not in _CODES:
            parts.append(_segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _parse(data):
    """Return the root of ``data``, refusing what is not safe, well-formed TMX."""
    if len(data) > MAX_TMX_BYTES:
        raise _refuse(
            _("the file is %(size)s bytes; at most %(limit)s are allowed")
            % {"size": len(data), "limit": MAX_TMX_BYTES}
        )
    try:
        # Other tools name the TMX DTD (never loaded); anything that declares is refused
        # before libxml2, whose own refusals differ between its versions, reads it.
        xml_prolog_check(data, allow_external=("tmx",))
    except UnsafeXMLError as error:
        raise _refuse(str(ERR_DTD) if error.doctype else str(error)) from None
    parser = etree.XMLParser(remove_comments=True, remove_pis=True, **SAFE_PARSING)
    try:
        root = etree.parse(io.BytesIO(data), parser).getroot()
    except etree.XMLSyntaxError as error:
        first = parser.error_log[0] if len(parser.error_log) else None
        message, line = (first.message, first.line) if first else (error.msg, error.lineno)
        raise _refuse(
            _("the file is not well-formed XML: %(detail)s")
            % {"detail": _POSITION.sub("", message or "unreadable")},
            line,
        ) from None
    docinfo = root.getroottree().docinfo
    subset = docinfo.internalDTD
    declares = subset is not None and bool(list(subset.iterentities()) or list(subset.elements()))
    if declares or (docinfo.doctype and not docinfo.system_url):
        raise _refuse(str(ERR_DTD))
    if root.tag != "tmx":
        raise _refuse(_("the root element is <%(found)s>, expected <tmx>") % {"found": root.tag})
    if root.find("header") is None or root.find("body") is None:
        raise _refuse(_("<tmx> needs a <header> and a <body>"), root.sourceline)
    return root


def _language(tag, line):
    code = base_language(tag or "")
    if code not in languages.CODES:
        raise _refuse(
            _("language “%(tag)s” is not one Concord keeps (expected one of %(codes)s)")
            % {"tag": tag, "codes": ", ".join(languages.CODES)},
            line,
        )
    return code


def _date(value, line, default):
    if not value:
        return default
    if not _DATE.fullmatch(value):
        raise _refuse(
            _("date “%(value)s” is not in TMX form (YYYYMMDDThhmmssZ)") % {"value": value[:40]},
            line,
        )
    return datetime.strptime(value, DATE_FORMAT).replace(tzinfo=UTC)


def _props(unit):
    return {prop.get("type"): (prop.text or "").strip() for prop in unit.findall("prop")}


def _revision(value, line):
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise _refuse(_("revision “%(value)s” is not a whole number") % {"value": value[:40]}, line)
    return int(value)


def _unit_entries(unit, header_source, now):
    """Return the ``EntryData`` of one ``<tu>``: its source against each other language."""
    line = unit.sourceline
    tag = unit.get("srclang") or header_source
    if not tag or tag == ALL_LANGUAGES:
        raise _refuse(_("<tu> names no source language (srclang)"), line)
    source = _language(tag, line)
    texts = {}
    for variant in unit.findall("tuv"):
        language = _language(variant.get(XML_LANG), variant.sourceline)
        seg = variant.find("seg")
        if seg is None:
            raise _refuse(_("<tuv> has no <seg>"), variant.sourceline)
        text = _segment_text(seg).strip()
        if len(text) > MAX_UNIT_CHARS:
            raise _refuse(
                _("a segment is %(n)s characters long; at most %(max)s are allowed")
                % {"n": len(text), "max": MAX_UNIT_CHARS},
                seg.sourceline,
            )
        texts.setdefault(language, text)
    if not texts.get(source):
        return []
    props = _props(unit)
    created = _date(unit.get("creationdate"), line, now)
    changed = _date(unit.get("changedate"), line, created)
    return [
        EntryData(
            source_language=source,
            target_language=language,
            source_text=texts[source],
            target_text=text,
            created_at=created,
            changed_at=changed,
            release_slug=props.get(PROP_RELEASE, "")[:200],
            revision_number=_revision(props.get(PROP_REVISION, ""), line),
            approver=(
                props.get(PROP_APPROVER) or unit.get("changeid") or unit.get("creationid") or ""
            )[:150],
        )
        for language, text in texts.items()
        if language != source and text
    ]


def tmx_read(data):
    """Return the ``EntryData`` of TMX ``data`` (bytes); raise ``TmxError`` on any problem."""
    root = _parse(bytes(data))
    header_source = root.find("header").get("srclang", "")
    units = root.find("body").findall("tu")
    if len(units) > MAX_TMX_UNITS:
        raise _refuse(
            _("the file has %(n)s translation units; at most %(max)s are allowed")
            % {"n": len(units), "max": MAX_TMX_UNITS}
        )
    now = timezone.now().replace(microsecond=0)
    return [item for unit in units for item in _unit_entries(unit, header_source, now)]


@transaction.atomic
def memory_import(data):
    """Merge the TMX ``data`` into the memory (the same pair keeps its newest metadata);
    return the merge counts. A refused file changes nothing."""
    return entries_merge(tmx_read(data))


def memory_export(target_language):
    """Return the TMX bytes of the memory's entries translated into ``target_language``."""
    if target_language not in languages.CODES:
        raise TmxError(
            _("there is no language “%(code)s” (expected one of %(codes)s)")
            % {"code": target_language, "codes": ", ".join(languages.CODES)}
        )
    return tmx_write(MemoryEntry.objects.filter(target_language=target_language).iterator())
