"""Three-way merge of release snapshots: keep what only one side changed, report the rest.

The unit of merging is (unit, field, language): each language's title, text, caption and
credit, and every other field of the release, a segment or a photo. Against the base, a field
unchanged on my side takes theirs, unchanged on theirs keeps mine, equal on both is either;
anything else is a conflict. A delete on one side and an edit on the other is a conflict;
additions on both sides are both kept; a reordering on both sides is a conflict.

Unresolved conflicts keep *their* value in the merged content, so a file import can apply the
rest and report the conflicts, while a screen refuses the whole save and shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..snapshots import LISTS

MINE = "mine"
THEIRS = "theirs"
PRESENCE = "presence"
ORDER = "order"
RELEASE = "release"
_MISSING = object()


@dataclass(frozen=True)
class Conflict:
    """One field both sides changed differently; ``base``/``mine``/``theirs`` are its values.

    ``unit`` is ``"release"``, ``"segments"``/``"photos"`` (for their order) or
    ``"<list>:<key>"``; ``field`` is a field name, ``"presence"`` (deleted on one side,
    edited on the other) or ``"order"``. A value of None means "absent".
    """

    unit: str
    field: str
    language: str | None
    base: object
    mine: object
    theirs: object

    @property
    def id(self):
        return ":".join(part for part in (self.unit, self.field, self.language) if part)

    @property
    def list_name(self):
        return self.unit.split(":", 1)[0] if self.unit != RELEASE else None

    @property
    def key(self):
        return self.unit.split(":", 1)[1] if ":" in self.unit else None


@dataclass(frozen=True)
class FieldChange:
    """One field one side changed against the base (``language`` None: not per language)."""

    unit: str
    field: str
    language: str | None


@dataclass
class MergeResult:
    content: dict
    conflicts: list[Conflict] = field(default_factory=list)


def _is_texts(value):
    return isinstance(value, Mapping)


class _Merger:
    def __init__(self, resolutions):
        self.resolutions = dict(resolutions or {})
        self.conflicts = []

    def choose(self, unit, name, language, base, mine, theirs):
        """Return the merged value of one field."""
        if mine == base:
            return theirs
        if theirs == base or mine == theirs:
            return mine
        conflict = Conflict(unit, name, language, base, mine, theirs)
        side = self.resolutions.get(conflict.id)
        if side == MINE:
            return mine
        if side != THEIRS:
            self.conflicts.append(conflict)
        return theirs

    def fields(self, unit, base, mine, theirs, skip=()):
        """Merge two mappings of fields field by field (and language by language)."""
        merged = {}
        names = [n for n in {**base, **mine, **theirs} if n not in skip]
        for name in names:
            b, m, t = (side.get(name, _MISSING) for side in (base, mine, theirs))
            if any(_is_texts(value) for value in (b, m, t)):
                b, m, t = (value if _is_texts(value) else {} for value in (b, m, t))
                merged[name] = {
                    code: self.choose(
                        unit, name, code, b.get(code, ""), m.get(code, ""), t.get(code, "")
                    )
                    for code in {**b, **m, **t}
                }
                continue
            value = self.choose(unit, name, None, b, m, t)
            if value is not _MISSING:
                merged[name] = value
        return merged

    def items(self, list_name, base, mine, theirs):
        """Merge a keyed list of items (segments or photos): presence, fields and order."""
        b = {item["key"]: item for item in base}
        m = {item["key"]: item for item in mine}
        t = {item["key"]: item for item in theirs}
        merged = {}
        for key in {**b, **m, **t}:
            unit = f"{list_name}:{key}"
            in_b, in_m, in_t = key in b, key in m, key in t
            if in_m and in_t:
                merged[key] = {
                    "key": key,
                    **self.fields(unit, b.get(key, {}), m[key], t[key], ("key",)),
                }
            elif in_b and (in_m or in_t):
                # Deleted on one side: an edit on the other side is a conflict.
                kept = m.get(key) or t.get(key)
                if kept == b[key]:
                    continue
                value = self.choose(unit, PRESENCE, None, b[key], m.get(key), t.get(key))
                if value is not None:
                    merged[key] = value
            elif not in_b:
                merged[key] = m.get(key) or t.get(key)
        order = self.order(list_name, base, mine, theirs, merged)
        return [merged[key] for key in order]

    def order(self, list_name, base, mine, theirs, survivors):
        keys = [[item["key"] for item in side] for side in (base, mine, theirs)]
        common = set.intersection(*(set(side) for side in keys)) & set(survivors)
        b, m, t = ([key for key in side if key in common] for side in keys)
        side = self.choose(list_name, ORDER, None, b, m, t)
        primary = keys[1] if side == m and m != b else keys[2]
        secondary = keys[2] if primary is keys[1] else keys[1]
        return _arrange(survivors, primary, secondary, keys[0])


def _arrange(survivors, *sides):
    """Lay out ``survivors``: the first side's order, then what only a later side has,
    each after its nearest predecessor in that side."""
    result = [key for key in sides[0] if key in survivors]
    placed = set(result)
    for side in sides[1:]:
        for index, key in enumerate(side):
            if key not in survivors or key in placed:
                continue
            before = next((k for k in reversed(side[:index]) if k in placed), None)
            result.insert(result.index(before) + 1 if before is not None else 0, key)
            placed.add(key)
    return result


def merge_snapshots(base, mine, theirs, resolutions=None):
    """Merge ``mine`` and ``theirs``, both edited from ``base``; return a :class:`MergeResult`.

    ``resolutions`` maps a conflict id to ``"mine"`` or ``"theirs"``: the choice a user made
    after seeing that conflict, which is then no longer reported.
    """
    merger = _Merger(resolutions)
    content = merger.fields(RELEASE, base, mine, theirs, skip=LISTS)
    for name in LISTS:
        content[name] = merger.items(
            name, base.get(name, []), mine.get(name, []), theirs.get(name, [])
        )
    return MergeResult(content=content, conflicts=merger.conflicts)


def snapshot_changes(base, mine):
    """Return the :class:`FieldChange` list of what ``mine`` changed against ``base``."""
    changes = []

    def compare(unit, old, new, skip=()):
        for name in {**old, **new}:
            if name in skip:
                continue
            a, b = old.get(name, _MISSING), new.get(name, _MISSING)
            if a == b:
                continue
            if _is_texts(a) or _is_texts(b):
                a = a if _is_texts(a) else {}
                b = b if _is_texts(b) else {}
                changes.extend(
                    FieldChange(unit, name, code)
                    for code in {**a, **b}
                    if a.get(code, "") != b.get(code, "")
                )
            else:
                changes.append(FieldChange(unit, name, None))

    compare(RELEASE, base, mine, skip=LISTS)
    for name in LISTS:
        old = {item["key"]: item for item in base.get(name, [])}
        new = {item["key"]: item for item in mine.get(name, [])}
        for key in old.keys() ^ new.keys():
            changes.append(FieldChange(f"{name}:{key}", PRESENCE, None))
        for key in old.keys() & new.keys():
            compare(f"{name}:{key}", old[key], new[key], skip=("key",))
        kept_old = [key for key in old if key in new]
        kept_new = [key for key in new if key in old]
        if kept_old != kept_new:
            changes.append(FieldChange(name, ORDER, None))
    return changes
