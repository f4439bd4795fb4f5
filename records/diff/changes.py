"""Structural changes between two snapshots: segments and photos aligned by key."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .text import (
    ADDED,
    CHANGED,
    LANGUAGES,
    METADATA_FIELDS,
    REMOVED,
    UNCHANGED,
    TextOp,
    diff_text,
)

# --------------------------------------------------------------------------
# Snapshot diff
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SegmentChange:
    """How one segment (matched by key) differs between two revisions in one language."""

    key: str
    status: str  # "added" | "removed" | "changed" | "unchanged"
    moved: bool  # present in both and its relative order changed
    old_position: int | None  # 0-based index in the old snapshot; None when added
    new_position: int | None  # 0-based index in the new snapshot; None when removed
    kind: str  # new kind (old kind for removed segments)
    level: int
    old_kind: str | None  # None when the segment is added
    old_level: int | None
    structure_changed: bool  # kind or level differ; counts as "changed"
    old_text: str
    new_text: str
    ops: tuple[TextOp, ...]
    # Marker styles ("lower-latin"…); "" for none, None when the segment is added.
    style: str = ""
    old_style: str | None = None

    @property
    def text_changed(self) -> bool:
        """Return whether the text in this language differs."""
        return self.old_text != self.new_text


@dataclass(frozen=True, slots=True)
class PhotoChange:
    """How one photo's caption and credit (matched by key) differ in one language."""

    key: str
    status: str  # "added" | "removed" | "changed" | "unchanged"
    moved: bool
    old_position: int | None
    new_position: int | None
    old_caption: str
    new_caption: str
    caption_ops: tuple[TextOp, ...]
    old_credit: str
    new_credit: str
    credit_ops: tuple[TextOp, ...]


@dataclass(frozen=True, slots=True)
class MetadataChange:
    """A release field that is the same in every language (slug, date, topic) and changed."""

    field: str
    old: str  # "" when the old snapshot lacks it
    new: str


def _count(items: Iterable[SegmentChange | PhotoChange]) -> dict[str, int]:
    counts = {ADDED: 0, REMOVED: 0, CHANGED: 0, "moved": 0}
    for item in items:
        if item.status != UNCHANGED:
            counts[item.status] += 1
        if item.moved:
            counts["moved"] += 1
    return counts


@dataclass(frozen=True, slots=True)
class LanguageDiff:
    """Everything that differs between two revisions in one language."""

    language: str
    title_ops: tuple[TextOp, ...]
    title_changed: bool
    segments: tuple[SegmentChange, ...]  # new order; removed ones where they were
    photos: tuple[PhotoChange, ...]  # same ordering rule as segments
    old_title: str = ""
    new_title: str = ""
    metadata: tuple[MetadataChange, ...] = ()  # changed fields only, same in every language

    @property
    def changed(self) -> bool:
        """Return whether anything differs in this language."""
        return (
            bool(self.metadata)
            or self.title_changed
            or any(s.status != UNCHANGED or s.moved for s in self.segments)
            or any(p.status != UNCHANGED or p.moved for p in self.photos)
        )

    def counts(self) -> dict[str, int]:
        """Return segment counts: added, removed, changed and moved."""
        return _count(self.segments)

    def photo_counts(self) -> dict[str, int]:
        """Return photo counts: added, removed, changed and moved."""
        return _count(self.photos)


def _text(value: object, language: str) -> str:
    # Older snapshots may predate a language, or store a bare string.
    if isinstance(value, Mapping):
        value = value.get(language)
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _identities(items: Sequence[Mapping]) -> list[tuple[str, int]]:
    # Keys should be unique, but a duplicated (or missing) key must not crash
    # the compare view: the n-th occurrence in old pairs with the n-th in new.
    seen: dict[str, int] = {}
    identities = []
    for item in items:
        key = str(item.get("key") or "")
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        identities.append((key, occurrence))
    return identities


def _increasing_subsequence(values: Sequence[int]) -> set[int]:
    """Return the indexes of one longest strictly increasing subsequence of values."""
    tails: list[int] = []  # tails[k]: smallest last value of an increasing run of length k+1
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        slot = bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[slot] = value
            tail_index[slot] = index
        previous[index] = tail_index[slot - 1] if slot else -1
    keep: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        keep.add(index)
        index = previous[index]
    return keep


def _align(
    old_items: Sequence[Mapping], new_items: Sequence[Mapping]
) -> list[tuple[int | None, int | None, bool]]:
    """Pair items by key and order them for display as (old index, new index, moved)."""
    old_ids = _identities(old_items)
    new_ids = _identities(new_items)
    old_index = {identity: index for index, identity in enumerate(old_ids)}
    matched = [old_index.get(identity) for identity in new_ids]
    common = [(new, old) for new, old in enumerate(matched) if old is not None]
    # Items outside one longest increasing run of old positions are the ones
    # that moved; an insertion shifts positions but keeps the run intact, so
    # it does not mark everything after it as moved.
    stable = _increasing_subsequence([old for _, old in common])
    moved_new = {common[i][0] for i in range(len(common)) if i not in stable}
    anchors = sorted(common[i][1] for i in stable)
    # A removed item is shown right after the nearest stable item that preceded
    # it in the old order (or at the top), i.e. where it used to be.
    present = {old for old in matched if old is not None}
    removed_after: dict[int, list[int]] = {}
    for old in range(len(old_ids)):
        if old not in present:
            slot = bisect_left(anchors, old)
            anchor = anchors[slot - 1] if slot else -1
            removed_after.setdefault(anchor, []).append(old)
    rows: list[tuple[int | None, int | None, bool]] = [
        (old, None, False) for old in removed_after.get(-1, ())
    ]
    for new, old in enumerate(matched):
        rows.append((old, new, new in moved_new))
        if old is not None and new not in moved_new:
            rows.extend((gone, None, False) for gone in removed_after.get(old, ()))
    return rows


def _ops(old: str, new: str, language: str) -> tuple[TextOp, ...]:
    return tuple(diff_text(old, new, language))


def _status(old_index: int | None, new_index: int | None, differs: bool) -> str:
    if old_index is None:
        return ADDED
    if new_index is None:
        return REMOVED
    return CHANGED if differs else UNCHANGED


def _segment_changes(old: Sequence[Mapping], new: Sequence[Mapping], language: str):
    changes = []
    for old_index, new_index, moved in _align(old, new):
        before = old[old_index] if old_index is not None else None
        after = new[new_index] if new_index is not None else None
        current = after if after is not None else before
        kind = str(current.get("kind") or "paragraph")
        level = int(current.get("level") or 0)
        old_kind = old_level = None
        if before is not None:
            old_kind = str(before.get("kind") or "paragraph")
            old_level = int(before.get("level") or 0)
        # A new marker style ("(i)" written as "(a)") changes the structure too.
        structure_changed = (
            before is not None
            and after is not None
            and ((old_kind, old_level, before.get("style")) != (kind, level, after.get("style")))
        )
        old_text = _text(before.get("text"), language) if before is not None else ""
        new_text = _text(after.get("text"), language) if after is not None else ""
        changes.append(
            SegmentChange(
                key=str(current.get("key") or ""),
                status=_status(old_index, new_index, structure_changed or old_text != new_text),
                moved=moved,
                old_position=old_index,
                new_position=new_index,
                kind=kind,
                level=level,
                old_kind=old_kind,
                old_level=old_level,
                structure_changed=structure_changed,
                old_text=old_text,
                new_text=new_text,
                ops=_ops(old_text, new_text, language),
                style=str(current.get("style") or ""),
                old_style=str(before.get("style") or "") if before is not None else None,
            )
        )
    return tuple(changes)


def _photo_changes(old: Sequence[Mapping], new: Sequence[Mapping], language: str):
    changes = []
    for old_index, new_index, moved in _align(old, new):
        before = old[old_index] if old_index is not None else {}
        after = new[new_index] if new_index is not None else {}
        old_caption = _text(before.get("caption"), language)
        new_caption = _text(after.get("caption"), language)
        old_credit = _text(before.get("credit"), language)
        new_credit = _text(after.get("credit"), language)
        # A new or removed image file changes the photo even when its texts stay.
        differs = (
            old_caption != new_caption
            or old_credit != new_credit
            or before.get("image") != after.get("image")
        )
        changes.append(
            PhotoChange(
                key=str((after or before).get("key") or ""),
                status=_status(old_index, new_index, differs),
                moved=moved,
                old_position=old_index,
                new_position=new_index,
                old_caption=old_caption,
                new_caption=new_caption,
                caption_ops=_ops(old_caption, new_caption, language),
                old_credit=old_credit,
                new_credit=new_credit,
                credit_ops=_ops(old_credit, new_credit, language),
            )
        )
    return tuple(changes)


def _value(value: object) -> str:
    return "" if value is None else str(value)


def diff_metadata(old: Mapping | None, new: Mapping | None) -> tuple[MetadataChange, ...]:
    """Return the language-independent release fields that differ, in METADATA_FIELDS order."""
    old = old or {}
    new = new or {}
    changes = []
    for field in METADATA_FIELDS:
        before, after = _value(old.get(field)), _value(new.get(field))
        if before != after:
            changes.append(MetadataChange(field, before, after))
    return tuple(changes)


def diff_snapshots(old: Mapping | None, new: Mapping | None, language: str) -> LanguageDiff:
    """Compare two revision snapshots in one language."""
    # An empty/None old snapshot lets the first revision diff as "all added".
    old = old or {}
    new = new or {}
    old_title = _text(old.get("title"), language)
    new_title = _text(new.get("title"), language)
    return LanguageDiff(
        language=language,
        title_ops=_ops(old_title, new_title, language),
        title_changed=old_title != new_title,
        segments=_segment_changes(old.get("segments") or (), new.get("segments") or (), language),
        photos=_photo_changes(old.get("photos") or (), new.get("photos") or (), language),
        old_title=old_title,
        new_title=new_title,
        metadata=diff_metadata(old, new),
    )


def diff_revisions_all(
    old: Mapping | None, new: Mapping | None, languages: Iterable[str] = LANGUAGES
) -> dict[str, LanguageDiff]:
    """Compare two revision snapshots in every given language."""
    return {language: diff_snapshots(old, new, language) for language in languages}
