"""XLIFF 2.0, 2.1 and 2.2 files (one namespace for all three), read into the same
:class:`ParsedFile` as XLIFF 1.2 and merged the same way.

Concord writes XLIFF 1.2; a tool that works in 2.x (or converts a 1.2 file to it) writes::

    xliff version="2.0" srcLang="en" trgLang="ru-RU"
      file id="f1" original="<slug>.r<revision>.<language>.xlf"
        unit id="<unit key>" name="<label>"      (1.2's trans-unit id and resname)
          notes > note category="…"
          segment state="initial|translated|reviewed|final"
            source, target
          ignorable > source, target               (text between segments)

* The release, revision and language come from the ``original`` the tool kept: Concord's own
  ``concord:<slug>`` needs a revision the 2.x file has nowhere to keep, so only the exported
  file's name (``<slug>.r<revision>.<language>.xlf``) identifies it; without one the file is
  refused saying what is missing.
* A unit's source and target are its segments' and ignorables' texts in order. It is
  unconfirmed (imported as a draft) when any segment lacks a target or is ``initial`` — the
  state XLIFF 2 gives a segment that names none.
* Inline markup: ``<pc>`` and ``<mrk>`` give their text, ``<cp hex>`` its character; the
  original format's codes (``<ph/>``, ``<sc/>``, ``<ec/>``) are not text, dropped and noted.
* ``translate="no"`` units without a translation are a tool's structure and are left out.
* Several ``<file>`` elements are read as one when they name the same release and revision
  (or nothing), else refused (:mod:`.xliff_files`).
"""

from __future__ import annotations

from lxml import etree

from translations.exchange.units import (
    ParsedEntry,
    ParsedFile,
    malformed,
)
from translations.exchange.xliff_files import file_identity, files_identity
from translations.exchange.xliff_tools import element_text, exported_name

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
FORMAT = "XLIFF"
ORIGINAL_PREFIX = "concord:"
UNCONFIRMED = frozenset({"initial"})
# Notes Concord wrote (kept by a tool converting its 1.2 file): not translator comments.
OWN_CATEGORIES = frozenset({"concord", "concord-previous-source", "developer"})
LABEL_CATEGORIES = ("concord", "developer")
CODES = frozenset({"ph", "sc", "ec"})


def _q(name):
    return f"{{{XLIFF2_NS}}}{name}"


def _inline(element, codes):
    """Return the text of ``element`` with its inline markup (see the module)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            if name in CODES:
                codes.append(name)
            elif name == "cp":
                parts.append(_code_point(child.get("hex", "")))
            else:
                parts.append(_inline(child, codes))
        parts.append(child.tail or "")
    return "".join(parts)


def _code_point(value):
    try:
        return chr(int(value, 16))
    except (TypeError, ValueError, OverflowError):
        raise malformed(FORMAT, f"<cp hex={value!r}> is not a character") from None


def _fields(root, file):
    """Return the release, language and base revision one ``<file>`` names, by name ("" for
    what it does not name); the languages are the document's."""
    original = (file.get("original") or "").strip()
    named = exported_name(original)
    slug = named.get("slug") or (
        original.removeprefix(ORIGINAL_PREFIX) if original.startswith(ORIGINAL_PREFIX) else ""
    )
    return {
        "slug": slug,
        "language": (root.get("trgLang") or named.get("language") or "").strip(),
        "revision": named.get("revision", ""),
        "source": (root.get("srcLang") or "").strip(),
    }


def _notes(unit):
    return [
        (note.get("category") or "", _inline(note, []).strip())
        for note in unit.iterfind(f"{_q('notes')}/{_q('note')}")
    ]


def _entry(unit):
    """Return the ParsedEntry of one ``<unit>``."""
    sources, targets, codes = [], [], []
    unconfirmed = False
    for part in unit:
        name = etree.QName(part).localname if isinstance(part.tag, str) else ""
        if name not in ("segment", "ignorable"):
            continue
        source, target = part.find(_q("source")), part.find(_q("target"))
        sources.append(_inline(source, []) if source is not None else "")
        if target is not None:
            targets.append(_inline(target, codes))
        elif name == "ignorable":
            # An ignorable without a target is the same in both languages (spaces).
            targets.append(sources[-1])
        if name == "segment":
            unconfirmed = unconfirmed or target is None
            unconfirmed = unconfirmed or part.get("state", "initial") in UNCONFIRMED
    notes = _notes(unit)
    label = next(
        (text.split("\n")[0].strip() for category, text in notes if category in LABEL_CATEGORIES),
        (unit.get("name") or "").strip(),
    )
    return ParsedEntry(
        key=unit.get("id", ""),
        source=element_text(unit, "".join(sources)),
        target=element_text(unit, "".join(targets)),
        fuzzy=unconfirmed,
        line=unit.sourceline,
        codes=bool(codes),
        comments=tuple(
            f"{category}: {text}" if category else text
            for category, text in notes
            if text and category not in OWN_CATEGORIES
        ),
        label=label,
    )


def xliff2_parsed(root) -> ParsedFile:
    """Return the :class:`ParsedFile` of an XLIFF 2.x document's root element."""
    files = root.findall(_q("file"))
    parsed = files_identity(
        files, lambda file: _fields(root, file), lambda values: file_identity(values, "trgLang")
    )
    for unit in (unit for file in files for unit in file.iter(_q("unit"))):
        entry = _entry(unit)
        if unit.get("translate") == "no" and not entry.target.strip():
            continue
        if not entry.key:
            parsed.skipped.append(("", "no context"))
            continue
        parsed.entries.append(entry)
    return parsed
