"""Reading revisions in full: each slot's newest change up to the revision, then its texts.

One query finds, for every slot of the release (every part it has ever had), the value of
its newest change numbered at most N, through the (slot, number) index: the work grows with
the size of the release, not with the length of its history. A second query reads the texts
those values name.
"""

import json
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import JSONField, OuterRef, Subquery
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from ..snapshots import LISTS
from .content import RELEASE, snapshot_assemble, stored_text_ids, value_decode
from .storing import HistoryModels, lookup_chunks

_QUERY = """
SELECT r.id, s.id, s.name, (
    SELECT c.value FROM {change} c
    WHERE c.slot_id = s.id AND c.number <= r.number
    ORDER BY c.number DESC LIMIT 1
)
FROM {revision} r JOIN {slot} s ON s.release_id = r.release_id
WHERE r.id IN ({ids})
"""


class RevisionUnreadable(LookupError):
    """A revision whose stored changes do not make a content (a damaged database)."""


def _slot_values(models, revision_ids):
    """Yield ``(revision id, slot id, slot name, stored JSON or None)`` of every slot."""
    connection = connections[router.db_for_read(models.change)]
    quote = connection.ops.quote_name
    tables = {
        name: quote(model._meta.db_table)
        for name, model in (
            ("change", models.change),
            ("revision", models.change._meta.get_field("revision").related_model),
            ("slot", models.slot),
        )
    }
    with connection.cursor() as cursor:
        for chunk in lookup_chunks(revision_ids, models.change):
            cursor.execute(_QUERY.format(ids=", ".join(["%s"] * len(chunk)), **tables), chunk)
            yield from cursor.fetchall()


_SLOTS_QUERY = """
SELECT s.id, s.name, (
    SELECT c.value FROM {change} c
    WHERE c.slot_id = s.id AND c.number <= %s
    ORDER BY c.number DESC LIMIT 1
)
FROM {slot} s
WHERE s.release_id = %s AND s.name IN ({names})
"""


def slots_read(release_id, number, names, models=None):
    """Return ``({name: value}, {name: slot id})`` of the slots ``names`` of a release as its
    revision ``number`` holds them (a slot it does not hold is left out): releases, segments
    and photos decoded, orders as lists of slot ids. Two queries."""
    models = models or HistoryModels.current()
    connection = connections[router.db_for_read(models.change)]
    quote = connection.ops.quote_name
    names = list(names)
    sql = _SLOTS_QUERY.format(
        change=quote(models.change._meta.db_table),
        slot=quote(models.slot._meta.db_table),
        names=", ".join(["%s"] * len(names)),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [number, release_id, *names])
        rows = cursor.fetchall()
    slot_ids = {name: pk for pk, name, _value in rows}
    stored = _parsed([(name, value) for _pk, name, value in rows if value is not None])
    texts = texts_read(
        models, [text for value in stored.values() for text in stored_text_ids(value)]
    )
    values = {
        name: value_decode(value, texts) if isinstance(value, dict) else value
        for name, value in stored.items()
        if value is not None
    }
    return values, slot_ids


def texts_read(models, ids):
    """Return ``{RevisionText id: text}`` of ``ids``."""
    texts = {}
    for chunk in lookup_chunks(set(ids), models.text):
        texts.update(models.text.objects.filter(pk__in=chunk).values_list("pk", "body"))
    return texts


@dataclass
class Content:
    """A revision's content as read: the decoded values of the release and of each segment
    and photo it holds, each list's order (slot names, or None), and the ids of every slot the
    release has had."""

    values: dict
    orders: dict
    slot_ids: dict

    def snapshot(self):
        """Return the snapshot (a new dict; the values are shared)."""
        return snapshot_assemble(self.values, self.orders)


def contents_read(revisions, models=None):
    """Return ``{revision id: Content}`` of ``revisions`` (instances or ids), in two queries."""
    models = models or HistoryModels.current()
    ids = [getattr(revision, "pk", revision) for revision in revisions]
    found = {pk: ({}, []) for pk in ids}
    for revision_id, slot_id, name, value in _slot_values(models, ids):
        slot_ids, values = found[revision_id]
        slot_ids[name] = slot_id
        if value is not None:
            values.append((name, value))
    decoded, wanted = {}, []
    for revision_id, (slot_ids, values) in found.items():
        stored = _parsed(values)
        if RELEASE not in stored:
            raise RevisionUnreadable(f"revision {revision_id} has no stored content")
        names = {pk: name for name, pk in slot_ids.items()}
        orders = {
            list_name: None
            if stored.get(list_name) is None
            else [names[pk] for pk in stored[list_name]]
            for list_name in LISTS
        }
        parts = [RELEASE, *(name for order in orders.values() for name in order or ())]
        wanted.extend(text for part in parts for text in stored_text_ids(stored[part]))
        decoded[revision_id] = (stored, orders, parts, slot_ids)
    texts = texts_read(models, wanted)
    return {
        revision_id: Content(
            values={part: value_decode(stored[part], texts) for part in parts},
            orders=orders,
            slot_ids=slot_ids,
        )
        for revision_id, (stored, orders, parts, slot_ids) in decoded.items()
    }


def _parsed(values):
    """Return ``{name: stored value}`` of ``(name, JSON)`` pairs, parsed in one call."""
    parsed = json.loads("[" + ",".join(value for _name, value in values) + "]")
    return dict(zip((name for name, _value in values), parsed, strict=True))


def snapshots_read(revisions, models=None):
    """Return ``{revision id: snapshot}`` of ``revisions`` (instances or ids), each exactly as
    it was written (its schema version included), in two queries."""
    return {pk: content.snapshot() for pk, content in contents_read(revisions, models).items()}


def with_release_field(revisions, name):
    """Annotate ``revisions`` (a queryset) with their release field ``name`` (not a translated
    one) as each stored it: None where its snapshot has no such field. One subquery per row,
    through the indexes."""
    from .models import RevisionChange

    stored = (
        RevisionChange.objects.filter(
            slot__release=OuterRef("release_id"), slot__name=RELEASE, number__lte=OuterRef("number")
        )
        .order_by("-number")
        .values("value")[:1]
    )
    return revisions.alias(_release_fields=Cast(Subquery(stored), JSONField())).annotate(
        **{name: KT(f"_release_fields__f__{name}")}
    )


def snapshot_read(revision, models=None):
    """Return the snapshot of one revision (an instance or an id)."""
    return snapshots_read([revision], models)[getattr(revision, "pk", revision)]
