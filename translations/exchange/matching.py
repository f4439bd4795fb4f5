"""Entries a tool left without their unit key, matched to units without ever guessing.

Concord's files name each unit by its key (PO ``msgctxt``, XLIFF ``trans-unit id``). Some tools
drop it: translate-toolkit's ``po2xliff`` numbers its units, and tools that do not know
``msgctxt`` (or a script that rebuilt the file) write entries with a source text alone. An
entry whose key is not one of the release's is matched, in this order:

1. by **Concord's comment**: the first line of the PO ``#.`` comment (XLIFF: the Concord or
   developer note) is the unit's label ("segment 3", "title"; older files "paragraph 3"). A
   label is a position, which an inserted unit shifts, so the unit must also have the entry's
   source text at the file's revision;
2. by **source text**: the one unit whose source text at the file's revision is the entry's.

An entry whose source text several units share (two identical paragraphs) is *ambiguous*; one
whose source text no unit had is *unmatched*: either is skipped and reported by its label or
text, never written to a unit it may not belong to. An entry that keeps an unknown key and
matches nothing stays unknown (reported as before).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from translations.exchange.units import legacy_label, unit_label

# Characters of a source text that name an entry in a report.
NAME_CHARS = 60
LABEL, BY_SOURCE, AMBIGUOUS, UNMATCHED = "label", "by source", "ambiguous", "unmatched"


def entry_name(entry):
    """Return how a report names an entry that lost its key: its label, else the start of its
    source text in quotes."""
    if entry.label:
        return entry.label
    text = " ".join(entry.source.split())
    return f"“{text[:NAME_CHARS]}…”" if len(text) > NAME_CHARS else f"“{text}”"


def entries_match(parsed, units, known, source_language):
    """Give each entry of ``parsed`` whose key is not in ``known`` the key of its unit among
    ``units`` (the file's base revision), as the module says; drop the entries that lost
    their key and match no unit. Return ``(key, label, code)`` for every entry matched
    (``label``, ``by source``) or dropped (``ambiguous``, ``unmatched``; key "" when the file
    had none)."""
    by_label = {legacy_label(unit): unit for unit in units}
    by_label.update({unit_label(unit): unit for unit in units})
    by_source = defaultdict(list)
    for unit in units:
        by_source[unit.text(source_language)].append(unit)
    entries, results = [], []
    for entry in parsed.entries:
        if entry.key in known:
            entries.append(entry)
            continue
        unit = by_label.get(entry.label) if entry.label else None
        if unit is not None and unit.text(source_language) == entry.source:
            code = LABEL
        else:
            found = by_source.get(entry.source, []) if entry.source else []
            unit, code = (found[0], BY_SOURCE) if len(found) == 1 else (None, None)
            if len(found) > 1:
                results.append((entry.key, entry_name(entry), AMBIGUOUS))
                continue
        if unit is not None:
            entries.append(replace(entry, key=unit.key))
            results.append((unit.key, unit_label(unit), code))
        elif entry.key:
            entries.append(entry)
        else:
            results.append(("", entry_name(entry), UNMATCHED))
    parsed.entries = entries
    return results
