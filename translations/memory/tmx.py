"""TMX 1.4b: the memory written out (deterministic bytes) and read in (safely).

Written: ``<tmx version="1.4">`` with a header (``datatype="plaintext"``,
``segtype="sentence"``, ``srclang`` the one source language or ``*all*``), then one ``<tu>``
per entry, sorted by its texts, with ``creationdate``/``changedate`` (the entry's own dates),
``changeid`` (the approver), ``srclang``, props for the release, revision and approver, and a
``<tuv xml:lang>``/``<seg>`` per language. No clock: the same memory gives the same bytes.

Read: at most the upload size and the TMX units of ``config.limits``, no DTD internal
subset or entity (an external ``<!DOCTYPE tmx SYSTEM …>`` as other tools write it is allowed
and never loaded); what each unit gives and what is skipped: :mod:`.tmx_read`. Any problem
refuses the whole file, naming its line.
"""

import re
from dataclasses import dataclass
from datetime import UTC

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from lxml import etree

from config import languages
from config.limits import MAX_TMX_UNITS
from config.limits import MAX_UPLOAD_BYTES as MAX_TMX_BYTES
from translations.memory.index import entries_merge
from translations.memory.models import MemoryEntry
from translations.memory.tmx_read import (
    ALL_LANGUAGES,
    DATE_FORMAT,
    PROP_APPROVER,
    PROP_RELEASE,
    PROP_REVISION,
    XML_LANG,
    TmxError,
    TmxRead,
    unit_entries,
)
from translations.memory.tmx_read import refusal as _refuse
from translations.xmlsafe import SAFE_PARSING, UnsafeXMLError
from translations.xmltext import xml_utf8

TMX_VERSION = "1.4"
CREATION_TOOL = "Concord"
CREATION_TOOL_VERSION = "1"
_POSITION = re.compile(r", line \d+, column \d+$")
ERR_DTD = gettext_lazy("the file declares a DTD with its own definitions or entities: refused")


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


def _parse(data):
    """Return the root of ``data``, refusing what is not safe, well-formed TMX."""
    if len(data) > MAX_TMX_BYTES:
        raise _refuse(
            ngettext(
                "the file is %(size)s byte; at most %(limit)s are allowed",
                "the file is %(size)s bytes; at most %(limit)s are allowed",
                len(data),
            )
            % {"size": len(data), "limit": MAX_TMX_BYTES}
        )
    try:
        # Other tools name the TMX DTD (never loaded); anything that declares is refused
        # before libxml2, whose own refusals differ between its versions, reads it.
        stream = xml_utf8(data, allow_external=("tmx",))[0]
    except UnsafeXMLError as error:
        raise _refuse(str(ERR_DTD) if error.doctype else str(error)) from None
    parser = etree.XMLParser(remove_comments=True, remove_pis=True, **SAFE_PARSING)
    try:
        root = etree.parse(stream, parser).getroot()
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


def tmx_read(data):
    """Return the :class:`TmxRead` of TMX ``data`` (bytes); raise ``TmxError`` on any problem."""
    root = _parse(bytes(data))
    header_source = root.find("header").get("srclang", "")
    units = root.find("body").findall("tu")
    if len(units) > MAX_TMX_UNITS:
        raise _refuse(
            ngettext(
                "the file has %(n)s translation unit; at most %(max)s are allowed",
                "the file has %(n)s translation units; at most %(max)s are allowed",
                len(units),
            )
            % {"n": len(units), "max": MAX_TMX_UNITS}
        )
    now = timezone.now().replace(microsecond=0)
    read = TmxRead()
    for unit in units:
        read.entries.extend(unit_entries(unit, header_source, now, read))
    return read


@dataclass
class MemoryImport:
    """What a TMX import did: the merge's counts and what the file's units left out."""

    counts: dict
    read: TmxRead

    def lines(self):
        lines = [
            ngettext(
                "Translation memory imported: %(created)s entry created, %(updated)s "
                "updated, %(unchanged)s unchanged.",
                "Translation memory imported: %(created)s entries created, %(updated)s "
                "updated, %(unchanged)s unchanged.",
                self.counts["created"],
            )
            % self.counts
        ]
        if self.read.skipped:
            lines.append(
                _("Skipped, in languages Concord does not keep: %(languages)s.")
                % {
                    "languages": ", ".join(
                        ngettext("%(language)s (%(n)s segment)", "%(language)s (%(n)s segments)", n)
                        % {"language": tag, "n": n}
                        for tag, n in sorted(self.read.skipped.items())
                    )
                }
            )
        if self.read.skipped_units:
            lines.append(
                ngettext(
                    "%(n)s unit has a source language Concord does not keep: %(units)s",
                    "%(n)s units have a source language Concord does not keep: %(units)s",
                    len(self.read.skipped_units),
                )
                % {"n": len(self.read.skipped_units), "units": _some(self.read.skipped_units)}
            )
        if self.read.codes:
            lines.append(
                ngettext(
                    "%(n)s unit carried formatting codes (<bpt>, <ept>, <ph>, <it>, <ut>), which "
                    "were removed: %(units)s",
                    "%(n)s units carried formatting codes (<bpt>, <ept>, <ph>, <it>, <ut>), which "
                    "were removed: %(units)s",
                    len(self.read.codes),
                )
                % {"n": len(self.read.codes), "units": _some(self.read.codes)}
            )
        if self.read.notes:
            lines.append(
                ngettext(
                    "%(n)s note was not kept (the memory has no place for notes), in: %(units)s",
                    "%(n)s notes were not kept (the memory has no place for notes), in: %(units)s",
                    self.read.note_count,
                )
                % {"n": self.read.note_count, "units": _some(self.read.notes)}
            )
        return lines


def _some(names, shown=50):
    more = len(names) - shown
    listed = ", ".join(names[:shown])
    return listed + (
        ngettext(" … and %(n)s more", " … and %(n)s more", more) % {"n": more} if more > 0 else ""
    )


@transaction.atomic
def memory_import(data):
    """Merge the TMX ``data`` into the memory (the same pair keeps its newest metadata);
    return a :class:`MemoryImport`. A refused file changes nothing."""
    read = tmx_read(data)
    return MemoryImport(entries_merge(read.entries), read)


def memory_export(target_language):
    """Return the TMX bytes of the memory's entries translated into ``target_language``."""
    if target_language not in languages.CODES:
        raise TmxError(
            _("there is no language “%(code)s” (expected one of %(codes)s)")
            % {"code": target_language, "codes": ", ".join(languages.CODES)}
        )
    return tmx_write(MemoryEntry.objects.filter(target_language=target_language).iterator())
