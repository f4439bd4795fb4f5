"""Gettext PO files of one release in one target language, written and read with polib.

One entry per translatable unit::

    #. segment 7
    #. term: peace treaty = мирный договор
    #, fuzzy
    #| msgid "the source text the translation was made from"
    msgctxt "<unit key>"
    msgid "<source text>"
    msgstr "<translation>"

A file that lost its ``msgctxt`` (a tool that does not know it re-saved the file) is still
read: each entry is matched by its ``#.`` comment's first line, the unit's label, and its
source text (:mod:`translations.exchange.matching`).

``#, fuzzy`` marks the translations a translator still has to work on (draft, outdated);
one waiting for review or approved is not fuzzy, so a file edited and uploaded back keeps a
unit in review (the importer submits an edited entry again) and a tool that compiles only
non-fuzzy entries uses it. ``#| msgid`` carries the source the translation was made from when
the source has changed since. The header names the release, the language and the base
revision (``X-Concord-Release``, ``X-Concord-Release-Id``, ``X-Concord-Language``,
``X-Concord-Revision``); its only time is the revision's own, so one revision with the same
states and glossary exports byte-identically.
"""

from __future__ import annotations

import re

import polib

from translations.exchange.units import (
    ERR_CHARSET,
    ERR_NO_HEADER,
    ExchangeFile,
    ExchangeFileError,
    ParsedEntry,
    ParsedFile,
    file_text,
    header_number,
    malformed,
)
from translations.review.vocabulary import UnitState

FORMAT = "PO"
CONTENT_TYPE = "text/x-gettext-translation; charset=utf-8"
H_RELEASE = "X-Concord-Release"
H_RELEASE_ID = "X-Concord-Release-Id"
H_LANGUAGE = "X-Concord-Language"
H_SOURCE = "X-Concord-Source-Language"
H_REVISION = "X-Concord-Revision"
UNICODE_CHARSETS = ("utf-8", "utf8", "utf-16", "utf16")
_CHARSET = re.compile(r"charset\s*=\s*([-\w.:]+)", re.IGNORECASE)


def _po_date(iso):
    """Return an ISO 8601 UTC time as PO headers write it ("2017-07-07 10:00+0000")."""
    return f"{iso[:10]} {iso[11:16]}+0000"


def po_dump(exchange: ExchangeFile) -> bytes:
    """Return the PO file of ``exchange`` as UTF-8 bytes."""
    po = polib.POFile(wrapwidth=78)
    po.header = (
        f"Concord: {exchange.title}\n"
        f"{exchange.source_language} → {exchange.language}, revision {exchange.revision}"
    )
    date = _po_date(exchange.revision_time)
    po.metadata = {
        "Project-Id-Version": f"Concord {exchange.slug} revision {exchange.revision}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": date,
        "PO-Revision-Date": date,
        "Last-Translator": "Concord",
        "Language-Team": f"Concord {exchange.language}",
        "Language": exchange.language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": exchange.plural_forms,
        H_RELEASE: exchange.slug,
        H_RELEASE_ID: str(exchange.release_id),
        H_LANGUAGE: exchange.language,
        H_SOURCE: exchange.source_language,
        H_REVISION: str(exchange.revision),
    }
    for unit in exchange.units:
        comments = [unit.label()] + [f"term: {term.describe()}" for term in unit.terms]
        entry = polib.POEntry(
            msgctxt=unit.key,
            msgid=unit.source,
            msgstr=unit.target,
            comment="\n".join(comments),
        )
        if unit.target and unit.state < UnitState.NEEDS_REVIEW:
            entry.flags.append("fuzzy")
        if unit.state == UnitState.OUTDATED and unit.previous and unit.previous != unit.source:
            entry.previous_msgid = unit.previous
        po.append(entry)
    return str(po).encode("utf-8") + b"\n"


def _parse(text):
    """Parse PO text with polib, line by line as written (never as a file path)."""
    parser = polib._POFileParser("\n", check_for_duplicates=False)
    # polib splits text content with str.splitlines(), which also breaks lines at U+2028 and
    # other separators inside quoted strings; a PO file's lines end only at "\n".
    parser.fhandle = [line.removesuffix("\r") for line in text.split("\n")]
    try:
        return parser.parse()
    except (OSError, ValueError) as error:
        raise malformed(FORMAT, str(error)) from None


def po_load(data: bytes) -> ParsedFile:
    """Parse an uploaded PO file; refuse it whole when it cannot be read safely."""
    text = file_text(data)
    po = _parse(text)
    meta = po.metadata
    charset = _CHARSET.search(meta.get("Content-Type", ""))
    # A tool re-saving the file as UTF-16 (read by its byte order mark) keeps the header.
    if charset and charset.group(1).lower().replace("_", "-") not in UNICODE_CHARSETS:
        raise ExchangeFileError(ERR_CHARSET % {"charset": charset.group(1)})
    missing = [
        name for name in (H_RELEASE, H_LANGUAGE, H_REVISION) if not meta.get(name, "").strip()
    ]
    if missing:
        raise ExchangeFileError(ERR_NO_HEADER % {"what": ", ".join(missing)})
    release_id = meta.get(H_RELEASE_ID, "").strip()
    parsed = ParsedFile(
        slug=meta[H_RELEASE].strip(),
        release_id=header_number(release_id, H_RELEASE_ID) if release_id else None,
        language=meta[H_LANGUAGE].strip(),
        revision=header_number(meta[H_REVISION].strip(), H_REVISION),
        source_language=meta.get(H_SOURCE, "").strip(),
    )
    for entry in po:
        if entry.obsolete:
            parsed.skipped.append((entry.msgctxt or "", "obsolete"))
            continue
        if entry.msgid_plural:
            parsed.skipped.append((entry.msgctxt or "", "plural"))
            continue
        parsed.entries.append(
            ParsedEntry(
                # A tool that does not know msgctxt drops it: the import then matches the
                # entry by the label of Concord's comment, or by its source text.
                key=entry.msgctxt or "",
                source=entry.msgid,
                target=entry.msgstr,
                fuzzy="fuzzy" in entry.flags,
                line=entry.linenum,
                comments=(entry.tcomment.strip(),) if entry.tcomment.strip() else (),
                label=entry.comment.strip().split("\n")[0].strip(),
            )
        )
    return parsed
