"""Read TMX 1.4b safely, as other tools write it, saying what was left out.

* Languages Concord does not keep (a multilingual memory's ``fr``, ``de``…) are skipped and
  counted per language tag; a unit whose source language is one of them is skipped whole.
* ``srclang="*all*"`` (valid 1.4b: any variant may be the source): every kept language of
  the unit is a source for each of the others, so a Japanese original finds its match too.
* A second variant in the same language (two Japanese translations of one sentence) is kept:
  each gives its own entry. Only identical texts collapse into one entry.
* A unit without dates takes them, and who made the translation, from the translation's own
  ``<tuv>`` (OmegaT dates each variant: ``changedate``, ``changeid``…).
* Inline native codes (``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``, ``<ut>``) hold the original
  format's markup, not text: their content is dropped and each unit that had some is named,
  so a translator can check its formatting. ``<hi>`` and ``<sub>`` text is kept.
* ``<note>`` elements (a translator's comment on a ``<tu>`` or one of its ``<tuv>``) have no
  place in the memory: they are counted and their units named, as not kept.

Any other problem (malformed XML, a declaration of entities, a bad date, a segment over the
unit length limit, too many units or bytes) refuses the whole file, naming its line.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from lxml import etree

from config import languages
from config.limits import MAX_UNIT_CHARS
from translations.glossary.files.data import base_language
from translations.memory.index import EntryData

ALL_LANGUAGES = "*all*"
PROP_RELEASE = "x-concord-release"
PROP_REVISION = "x-concord-revision"
PROP_APPROVER = "x-concord-approver"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
# Inline codes hold the original format's markup, not text.
NATIVE_CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})


class TmxError(ValueError):
    """The TMX file is refused; nothing was imported."""


def refusal(message, line=None):
    if line:
        message = _("line %(line)s: %(message)s") % {"line": line, "message": message}
    return TmxError(message)


@dataclass
class TmxRead:
    """The entries of a TMX file and what was left out of them."""

    entries: list = field(default_factory=list)
    # Units whose segments carried native codes, by their tuid or line.
    codes: list = field(default_factory=list)
    # Language tag -> variants skipped (a language Concord does not keep).
    skipped: Counter = field(default_factory=Counter)
    # Units whose source language Concord does not keep, by tuid or line.
    skipped_units: list = field(default_factory=list)
    # Units with <note>s, which the memory does not keep, by tuid or line; and how many notes.
    notes: list = field(default_factory=list)
    note_count: int = 0

    def __len__(self):
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)


def _segment_text(seg, codes):
    """Return a segment's text: its own and its highlighted runs', without native codes."""
    parts = [seg.text or ""]
    for child in seg:
        if isinstance(child.tag, str):
            if etree.QName(child).localname in NATIVE_CODES:
                codes.append(child)
            else:
                parts.append(_segment_text(child, codes))
        parts.append(child.tail or "")
    return "".join(parts)


def _date(value, line, default):
    if not value:
        return default
    try:
        if len(value) != 16:
            raise ValueError(value)
        return datetime.strptime(value, DATE_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise refusal(
            _("date “%(value)s” is not in TMX form (YYYYMMDDThhmmssZ)") % {"value": value[:40]},
            line,
        ) from None


def _revision(value, line):
    if not value:
        return None
    if not value.isdigit() or int(value) < 1:
        raise refusal(_("revision “%(value)s” is not a whole number") % {"value": value[:40]}, line)
    return int(value)


def _unit_name(unit):
    tuid = (unit.get("tuid") or "").strip()
    return tuid[:80] if tuid else _("line %(line)s") % {"line": unit.sourceline}


def _variants(unit, read):
    """Return ``{language: {text: its <tuv>}}`` of a unit's kept languages, in file order."""
    texts = {}
    codes = []
    for variant in unit.findall("tuv"):
        tag = variant.get(XML_LANG) or variant.get("lang") or ""
        seg = variant.find("seg")
        if seg is None:
            raise refusal(_("<tuv> has no <seg>"), variant.sourceline)
        language = base_language(tag)
        if language not in languages.CODES:
            read.skipped[tag or "?"] += 1
            continue
        text = _segment_text(seg, codes).strip()
        if len(text) > MAX_UNIT_CHARS:
            raise refusal(
                ngettext(
                    "a segment is %(n)s character long; at most %(max)s are allowed",
                    "a segment is %(n)s characters long; at most %(max)s are allowed",
                    len(text),
                )
                % {"n": len(text), "max": MAX_UNIT_CHARS},
                seg.sourceline,
            )
        if text and text not in texts.setdefault(language, {}):
            texts[language][text] = variant
    if codes:
        read.codes.append(_unit_name(unit))
    return texts


def unit_entries(unit, header_source, now, read):
    """Return the ``EntryData`` of one ``<tu>``: each source text against each other text."""
    line = unit.sourceline
    notes = len(unit.findall("note")) + len(unit.findall("tuv/note"))
    if notes:
        read.notes.append(_unit_name(unit))
        read.note_count += notes
    tag = unit.get("srclang") or header_source
    if not tag:
        raise refusal(_("<tu> names no source language (srclang)"), line)
    texts = _variants(unit, read)
    if tag == ALL_LANGUAGES:
        sources = list(texts)
    else:
        source = base_language(tag)
        if source not in languages.CODES:
            read.skipped_units.append(_unit_name(unit))
            return []
        sources = [source] if source in texts else []
    props = {prop.get("type"): (prop.text or "").strip() for prop in unit.findall("prop")}
    revision = _revision(props.get(PROP_REVISION, ""), line)
    return [
        EntryData(
            source_language=source,
            target_language=language,
            source_text=source_text,
            target_text=target_text,
            release_slug=props.get(PROP_RELEASE, "")[:200],
            revision_number=revision,
            **_stamp(unit, variant, props, now),
        )
        for source in sources
        for source_text in texts[source]
        for language, targets in texts.items()
        if language != source
        for target_text, variant in targets.items()
    ]


def _stamp(unit, variant, props, now):
    """Return who made a translation and when: the ``<tu>``'s dates and ids, else those of
    the translation's own ``<tuv>`` (OmegaT dates each translation, not the unit)."""
    dated = unit if unit.get("creationdate") or unit.get("changedate") else variant
    created = _date(dated.get("creationdate"), dated.sourceline, now)
    changed = _date(dated.get("changedate"), dated.sourceline, created)
    approver = props.get(PROP_APPROVER) or next(
        (
            element.get(name)
            for element in (unit, variant)
            for name in ("changeid", "creationid")
            if element.get(name)
        ),
        "",
    )
    return {
        "created_at": created,
        "changed_at": changed,
        "approver": approver[:150],
        "dated": bool(dated.get("creationdate") or dated.get("changedate")),
    }
