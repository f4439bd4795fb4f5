"""Translatable units of a release: the title, each segment, each photo's caption and credit.

A unit has a stable key that survives edits, reordering and restore: ``"title"``, the
segment's UUID, or ``"<photo UUID>:caption"`` / ``"<photo UUID>:credit"``. Review states,
comments, exchange files (PO ``msgctxt``) and findings all name units by these keys.
"""

import hashlib
from dataclasses import dataclass

from django.utils.translation import gettext as _

TITLE = "title"
CAPTION = "caption"
CREDIT = "credit"
MAX_KEY_LENGTH = 80


@dataclass(frozen=True)
class Unit:
    key: str
    # "title", a segment kind, "caption" or "credit".
    kind: str
    # 1-based number among units of its sort (segments, photos); 0 for the title.
    number: int
    texts: dict

    def text(self, language):
        return self.texts.get(language, "")


@dataclass(frozen=True)
class TextEdits:
    """The units whose texts a revision changed, when its writer knows it changed nothing
    else (no unit added, removed or moved, no other field): revision listeners need look at
    these alone. Each unit carries its texts in every language."""

    source_language: str
    units: tuple


def snapshot_units(snapshot):
    """Return the units of a snapshot in reading order: title, photos, segments."""
    units = [Unit(TITLE, TITLE, 0, snapshot["title"])]
    for number, photo in enumerate(snapshot["photos"], start=1):
        units.append(Unit(f"{photo['key']}:{CAPTION}", CAPTION, number, photo["caption"]))
        units.append(Unit(f"{photo['key']}:{CREDIT}", CREDIT, number, photo["credit"]))
    for number, segment in enumerate(snapshot["segments"], start=1):
        units.append(Unit(segment["key"], segment["kind"], number, segment["text"]))
    return units


def translatable_units(snapshot, source):
    """Return the units whose ``source`` text is not blank: the ones a translation needs."""
    return [unit for unit in snapshot_units(snapshot) if unit.text(source).strip()]


def unit_label(key, units=None):
    """Return how people name a unit: "title", "segment 4", "photo 2 caption".

    ``units`` maps keys to :class:`Unit`; a key not among them is named by itself.
    """
    unit = (units or {}).get(key)
    if unit is None:
        return key
    if unit.kind == TITLE:
        return _("title")
    if unit.kind in (CAPTION, CREDIT):
        label = _("photo %(n)s caption") if unit.kind == CAPTION else _("photo %(n)s credit")
        return label % {"n": unit.number}
    return _("segment %(n)s") % {"n": unit.number}


def text_checksum(text):
    """Return a short, stable checksum of a unit's text ("" for no text)."""
    if not text:
        return ""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
