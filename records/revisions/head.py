"""The newest revision of a release held in memory for the next write, like a checkout.

A :class:`HeadState` keeps the head's values and the canonical JSON of each of its segments
and photos, so a write that changes a few units computes the checksum of the whole new content
by joining those pieces (the same bytes ``snapshot_checksum`` hashes) instead of encoding the
release again. A process keeps the states of the releases it wrote last; a state is used only
for the revision whose number and checksum it carries. When other processes wrote since, the
state is brought forward with the changes of the revisions in between, and kept only if that
gives the head's checksum; otherwise the head is read in full.
"""

import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from ..snapshots import LISTS, canonical_json
from .content import RELEASE, stored_text_ids, value_decode
from .reading import Content, contents_read, texts_read

# Releases whose head state a process keeps (a 2,000-unit release takes a few megabytes).
KEPT = 16
_kept = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class HeadState:
    """Revision ``number`` of a release in memory: values by slot name (the release and each
    segment and photo it holds), orders (slot names, or None), the canonical JSON of each
    segment and photo, and the id of every slot the release has had. Never changed: a write
    makes a new state that shares what it did not change."""

    release_id: int
    number: int
    checksum: str
    values: dict
    orders: dict
    pieces: dict
    slot_ids: dict

    @classmethod
    def from_content(cls, release_id, number, checksum, content):
        pieces = {name: _piece(value) for name, value in content.values.items() if name != RELEASE}
        return cls(
            release_id,
            number,
            checksum,
            dict(content.values),
            {
                name: None if order is None else tuple(order)
                for name, order in content.orders.items()
            },
            pieces,
            dict(content.slot_ids),
        )

    def canonical(self):
        """Return the canonical JSON of the whole content (the UTF-8 bytes its checksum
        hashes)."""
        fields = dict(self.values[RELEASE])
        fields.update((name, order) for name, order in self.orders.items() if order is not None)
        parts = []
        for name in sorted(fields):
            if name in LISTS:
                encoded = b"[" + b",".join([self.pieces[item] for item in fields[name]]) + b"]"
            else:
                encoded = _piece(fields[name])
            parts.append(_piece(name) + b":" + encoded)
        return b"{" + b",".join(parts) + b"}"

    def content_checksum(self):
        return hashlib.sha256(self.canonical()).hexdigest()

    def changed(self, values, number):
        """Return the state of revision ``number``: this one with ``values`` (by slot name)
        in place of its own; its checksum is computed from the pieces."""
        state = replace(
            self,
            number=number,
            checksum="",
            values={**self.values, **values},
            pieces={
                **self.pieces,
                **{name: _piece(value) for name, value in values.items() if name != RELEASE},
            },
        )
        return replace(state, checksum=state.content_checksum())


def _piece(value):
    """Return the canonical JSON of ``value`` in UTF-8, as ``snapshot_checksum`` hashes it."""
    return canonical_json(value).encode("utf-8")


def _forward(state, revision):
    """Return ``state`` brought to ``revision`` with the changes in between, or None where it
    cannot be (then the head is read in full)."""
    from .models import RevisionChange

    rows = (
        RevisionChange.objects.filter(
            slot__release_id=state.release_id,
            number__gt=state.number,
            number__lte=revision.number,
        )
        .order_by("number")
        .values_list("slot_id", "slot__name", "value")
    )
    newest, slot_ids = {}, dict(state.slot_ids)
    for slot_id, name, value in rows:
        newest[name] = json.loads(value)
        slot_ids[name] = slot_id
    names = {pk: name for name, pk in slot_ids.items()}
    orders = dict(state.orders)
    for list_name in LISTS:
        if list_name in newest:
            order = newest.pop(list_name)
            if order is not None and not all(pk in names for pk in order):
                return None
            orders[list_name] = None if order is None else tuple(names[pk] for pk in order)
    texts = texts_read(
        _models(), [text for value in newest.values() for text in stored_text_ids(value)]
    )
    current = {name for order in orders.values() for name in order or ()} | {RELEASE}
    values = {name: value for name, value in state.values.items() if name in current}
    values.update((name, value_decode(newest[name], texts)) for name in newest if name in current)
    if not current <= values.keys():
        return None
    moved = HeadState.from_content(
        state.release_id, revision.number, revision.checksum, Content(values, orders, slot_ids)
    )
    return moved if moved.content_checksum() == revision.checksum else None


def _models():
    from .storing import HistoryModels

    return HistoryModels.current()


def head_state(revision):
    """Return the :class:`HeadState` of ``revision``, a release's newest revision."""
    with _lock:
        kept = _kept.get(revision.release_id)
    if kept is not None and (kept.number, kept.checksum) == (revision.number, revision.checksum):
        return kept
    state = None
    if kept is not None and kept.number < revision.number:
        state = _forward(kept, revision)
    if state is None:
        content = contents_read([revision])[revision.pk]
        state = HeadState.from_content(
            revision.release_id, revision.number, revision.checksum, content
        )
    head_state_keep(state)
    return state


def head_state_keep(state):
    """Keep ``state`` as its release's newest known revision in this process."""
    with _lock:
        _kept[state.release_id] = state
        _kept.move_to_end(state.release_id)
        while len(_kept) > KEPT:
            _kept.popitem(last=False)


def head_states_forget():
    """Forget every kept state (tests that rebuild the database between them)."""
    with _lock:
        _kept.clear()
