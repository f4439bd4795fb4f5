"""A snapshot as slots, and a slot's value as stored (plain data, no database).

The stored form of a release, segment or photo keeps every field as it was written except the
translated ones (title, text, caption, credit), whose texts become ``RevisionText`` ids:
``{"f": {field: value}, "t": {field: {language: text id}}}``. An order is the list of the
slot ids of its segments or photos, or null where a snapshot had no such list. Reading puts
the fields back in the order ``records.snapshots.release_snapshot`` writes them, so a
snapshot reads back equal, with the same checksum, in whichever schema it was written.
"""

import hashlib
import json

from ..snapshots import LISTS, TRANSLATED_FIELDS

RELEASE = "release"
# The order release_snapshot writes fields in; a field it does not know comes after them.
FIELD_ORDER = {
    name: index
    for index, name in enumerate(
        (
            "schema_version",
            "slug",
            "date",
            "topic",
            "topic_name",
            "source_language",
            "title",
            "photos",
            "segments",
            "key",
            "kind",
            "level",
            "style",
            "text",
            "caption",
            "credit",
            "image",
        )
    )
}
_LATER = len(FIELD_ORDER)


def item_slot(list_name, key):
    """Return the slot name of the segment or photo ``key`` of list ``list_name``."""
    return f"{list_name}:{key}"


def snapshot_slots(snapshot):
    """Return ``{slot name: value}`` of ``snapshot``: the release's own fields, each list's
    order (a list of slot names, or None where the snapshot has no such list) and each item."""
    slots = {RELEASE: {name: value for name, value in snapshot.items() if name not in LISTS}}
    for list_name in LISTS:
        items = snapshot.get(list_name)
        if items is None:
            slots[list_name] = None
            continue
        order = []
        for item in items:
            name = item_slot(list_name, item["key"])
            order.append(name)
            slots[name] = item
        slots[list_name] = order
    return slots


def text_digest(text):
    """Return the SHA-256 (hex) that names ``text`` among the stored texts."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _is_texts(value):
    return isinstance(value, dict) and all(isinstance(text, str) for text in value.values())


def value_texts(value):
    """Return the texts of a release, segment or photo value that are stored apart."""
    return [
        text
        for name, texts in value.items()
        if name in TRANSLATED_FIELDS and _is_texts(texts)
        for text in texts.values()
    ]


def value_encode(value, text_ids):
    """Return the stored JSON of a release, segment or photo ``value``; ``text_ids`` maps
    each of its texts to a ``RevisionText`` id."""
    fields, texts = {}, {}
    for name, field in value.items():
        if name in TRANSLATED_FIELDS and _is_texts(field):
            texts[name] = {code: text_ids[text] for code, text in field.items()}
        else:
            fields[name] = field
    return json.dumps({"f": fields, "t": texts}, ensure_ascii=False, separators=(",", ":"))


def order_encode(names, slot_ids):
    """Return the stored JSON of an order (``names`` of slots, or None)."""
    if names is None:
        return "null"
    return json.dumps([slot_ids[name] for name in names], separators=(",", ":"))


def stored_text_ids(stored):
    """Return the ``RevisionText`` ids a decoded stored value names."""
    if not isinstance(stored, dict):
        return []
    return [text_id for texts in stored["t"].values() for text_id in texts.values()]


def value_decode(stored, texts):
    """Return the release, segment or photo value of decoded JSON ``stored``; ``texts`` maps
    ``RevisionText`` ids to their text."""
    value = dict(stored["f"])
    for name, ids in stored["t"].items():
        value[name] = {code: texts[text_id] for code, text_id in ids.items()}
    if len(value) > 1:
        value = dict(sorted(value.items(), key=lambda field: FIELD_ORDER.get(field[0], _LATER)))
    return value


def snapshot_assemble(values, orders):
    """Return a snapshot from its decoded slot values: ``values`` maps slot names to release,
    segment and photo values, ``orders`` each list to the slot names of its items (or None)."""
    snapshot = dict(values[RELEASE])
    for list_name in LISTS:
        names = orders.get(list_name)
        if names is not None:
            snapshot[list_name] = [values[name] for name in names]
    return value_decode({"f": snapshot, "t": {}}, {})


def change_kinds(previous, value, source_language):
    """Return what changed from ``previous`` to ``value`` of one slot (either may be None:
    absent) as ``(languages, structure, source, translation)``: the codes whose text changed,
    whether anything but text changed (fields, presence, order), whether the source text
    changed, and whether a translation did."""
    if not isinstance(value, dict) or not isinstance(previous, dict):
        changed = {
            code
            for side in (previous, value)
            if isinstance(side, dict)
            for code, text in _texts_of(side)
            if text
        }
        return _kinds(changed, True, source_language)
    structure, changed = False, set()
    for name in previous.keys() | value.keys():
        old, new = previous.get(name), value.get(name)
        if old == new:
            continue
        if name in TRANSLATED_FIELDS and _is_texts(old or {}) and _is_texts(new or {}):
            old, new = old or {}, new or {}
            changed.update(
                code for code in old.keys() | new.keys() if old.get(code, "") != new.get(code, "")
            )
        else:
            structure = True
    return _kinds(changed, structure, source_language)


def _texts_of(value):
    for name, texts in value.items():
        if name in TRANSLATED_FIELDS and _is_texts(texts):
            yield from texts.items()


def _kinds(changed, structure, source_language):
    languages = "".join(f",{code}" for code in sorted(changed)) + "," if changed else ""
    return (
        languages,
        structure,
        source_language in changed,
        bool(changed - {source_language}),
    )
