"""Reading revisions in full: each slot's newest change up to the revision, then its texts.

One query finds, for every slot of the release (every part it has ever had), the value of
its newest change numbered at most N, through the (slot, number) index: the work grows with
the size of the release, not with the length of its history. A second query reads the texts
those values name.
"""

import json

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


def _texts(models, ids):
    texts = {}
    for chunk in lookup_chunks(set(ids), models.text):
        texts.update(models.text.objects.filter(pk__in=chunk).values_list("pk", "body"))
    return texts


def snapshots_read(revisions, models=None):
    """Return ``{revision id: snapshot}`` of ``revisions`` (instances or ids), each exactly as
    it was written (its schema version included), in two queries."""
    models = models or HistoryModels.current()
    ids = [getattr(revision, "pk", revision) for revision in revisions]
    found = {pk: ({}, []) for pk in ids}
    for revision_id, slot_id, name, value in _slot_values(models, ids):
        if value is not None:
            names, values = found[revision_id]
            names[slot_id] = name
            values.append((name, value))
    decoded, wanted = {}, []
    for revision_id, (names, values) in found.items():
        # One parse for all of a revision's values instead of one per slot.
        stored = dict(
            zip(
                (name for name, _value in values),
                json.loads("[" + ",".join(value for _name, value in values) + "]"),
                strict=True,
            )
        )
        if RELEASE not in stored:
            raise RevisionUnreadable(f"revision {revision_id} has no stored content")
        orders = {
            list_name: None
            if stored.get(list_name) is None
            else [names[pk] for pk in stored[list_name]]
            for list_name in LISTS
        }
        parts = [RELEASE, *(name for order in orders.values() for name in order or ())]
        wanted.extend(text for part in parts for text in stored_text_ids(stored[part]))
        decoded[revision_id] = (stored, orders, parts)
    texts = _texts(models, wanted)
    return {
        revision_id: snapshot_assemble(
            {part: value_decode(stored[part], texts) for part in parts}, orders
        )
        for revision_id, (stored, orders, parts) in decoded.items()
    }


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
