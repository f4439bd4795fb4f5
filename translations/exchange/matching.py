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

3. by **joining**: tools that segment a unit into sentences and give each its own entry
   (memoQ's rows, a sentence-based XLIFF) leave consecutive entries none of which is a unit's
   source; when their sources, joined with a space (or with nothing, as Japanese writes), are
   exactly one unit's source text, they are that unit, their translations joined as the
   target language writes sentences (a space; nothing in Japanese), a draft when a sentence is
   untranslated or unconfirmed.

An entry whose source text several units share (two identical paragraphs) is *ambiguous*; one
whose source text no unit had is *unmatched*: either is skipped and reported by its label or
text, never written to a unit it may not belong to. An entry that keeps an unknown key and
matches nothing stays unknown (reported as before).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from config import languages
from translations.exchange.units import legacy_label, unit_label

# Characters of a source text that name an entry in a report.
NAME_CHARS = 60
LABEL, BY_SOURCE, AMBIGUOUS, UNMATCHED = "label", "by source", "ambiguous", "unmatched"
JOINED = "joined"
# How many consecutive entries (a tool's sentences) one unit may have been split into.
MAX_JOINED = 50
# How sentences are joined back: with a space (English, Russian), or none (Japanese).
SEPARATORS = (" ", "")


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
    (``label``, ``by source``, ``joined``) or dropped (``ambiguous``, ``unmatched``; key ""
    when the file had none)."""
    by_label = {legacy_label(unit): unit for unit in units}
    by_label.update({unit_label(unit): unit for unit in units})
    by_source = defaultdict(list)
    for unit in units:
        by_source[unit.text(source_language)].append(unit)
    entries, results, pending = [], [], []
    for position, entry in enumerate(parsed.entries):
        if entry.key in known:
            entries.append((position, entry))
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
            entries.append((position, replace(entry, key=unit.key)))
            results.append((unit.key, unit_label(unit), code))
        else:
            pending.append((position, entry))
    for position, entry, unit in _joined(pending, by_source, _spaced(parsed.language)):
        if unit is not None:
            entries.append((position, entry))
            results.append((unit.key, unit_label(unit), JOINED))
        elif entry.key:
            entries.append((position, entry))
        else:
            results.append(("", entry_name(entry), UNMATCHED))
    parsed.entries = [entry for _position, entry in sorted(entries, key=lambda item: item[0])]
    return results


def _spaced(language):
    """Return what separates sentences in ``language``: a space, or nothing (Japanese)."""
    known = languages.BY_CODE.get(language)
    return "" if known is not None and known.matching == languages.CHARACTERS else " "


def _joined(pending, by_source, target_separator):
    """Yield ``(position, entry, unit)`` for the unmatched entries: a run of consecutive ones
    whose source texts, joined, are one unit's source text becomes one entry of that unit (its
    targets joined the same way); any other comes back alone, with unit None."""
    index = 0
    while index < len(pending):
        found = None
        for end in range(index + 2, min(index + MAX_JOINED, len(pending)) + 1):
            run = pending[index:end]
            if run[-1][0] - run[0][0] != len(run) - 1:
                break
            found = _join(run, by_source, target_separator)
            if found is not None:
                break
        if found is None:
            position, entry = pending[index]
            yield position, entry, None
            index += 1
            continue
        unit, entry, length = found
        yield pending[index][0], entry, unit
        index += length


def _join(run, by_source, target_separator):
    """Return ``(unit, joined entry, length)`` when ``run``'s sources make one unit's."""
    parts = [entry for _position, entry in run]
    for separator in SEPARATORS:
        units = by_source.get(separator.join(entry.source for entry in parts), [])
        if len(units) != 1:
            continue
        targets = [entry.target for entry in parts]
        # Sentences that kept their own spaces are joined as they are, in either language.
        between = target_separator if separator else ""
        entry = replace(
            parts[0],
            key=units[0].key,
            source=separator.join(entry.source for entry in parts),
            target=between.join(targets) if any(targets) else "",
            # A sentence left untranslated makes the whole unit a draft.
            fuzzy=any(entry.fuzzy for entry in parts) or not all(targets),
            codes=any(entry.codes for entry in parts),
            comments=tuple(comment for entry in parts for comment in entry.comments),
        )
        return units[0], entry, len(parts)
    return None
