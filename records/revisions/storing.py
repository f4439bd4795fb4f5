"""Writing what revisions changed: new slots, new texts and one change row per changed slot.

A revision's content is compared with its parent's slot by slot; only the slots whose value
differs (a new one included) get a change row, and only texts no revision holds yet get a
text row. A single-unit save therefore writes one change row and its new text, whatever the
release's size. The models are passed in, so the data migration writes with the historical
models exactly what the write path writes.
"""

from dataclasses import dataclass

from django.db import connections, router

from .content import (
    change_kinds,
    order_encode,
    snapshot_slots,
    text_digest,
    value_encode,
    value_texts,
)

# Values per ``IN (...)`` lookup, or fewer where the database allows fewer query parameters
# (SQLite as built: see records.guards).
LOOKUP_CHUNK = 10_000
# Rows per bulk insert (Django takes fewer where the database allows fewer parameters).
WRITE_BATCH = 10_000


@dataclass(frozen=True)
class HistoryModels:
    """The models the history is written to (the app's, or a migration's historical ones)."""

    slot: type
    change: type
    text: type

    @classmethod
    def current(cls):
        from .models import RevisionChange, RevisionSlot, RevisionText

        return cls(RevisionSlot, RevisionChange, RevisionText)


def lookup_chunks(values, model):
    """Yield ``values`` in lists short enough for one ``IN (...)`` lookup on ``model``'s
    database."""
    limit = connections[router.db_for_read(model)].features.max_query_params
    size = LOOKUP_CHUNK if limit is None else min(LOOKUP_CHUNK, limit - 1)
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def changed_slots(snapshot, previous):
    """Return ``[(slot name, value, previous value)]`` of the slots ``snapshot`` changed
    against ``previous`` (None: the release's first revision, where every slot is new)."""
    slots = snapshot_slots(snapshot)
    before = snapshot_slots(previous) if previous is not None else {}
    missing = object()
    changed = []
    for name, value in slots.items():
        old = before.get(name, missing)
        if old is missing:
            changed.append((name, value, None))
        elif old != value:
            changed.append((name, value, old))
    return changed


def _slots_found(models, pairs):
    """Return ``{(release id, name): slot id}`` of the slots among ``pairs`` that exist."""
    by_release = {}
    for release_id, name in pairs:
        by_release.setdefault(release_id, set()).add(name)
    found = {}
    for release_id, names in by_release.items():
        for chunk in lookup_chunks(names, models.slot):
            rows = models.slot.objects.filter(release_id=release_id, name__in=chunk)
            found.update(((release_id, name), pk) for name, pk in rows.values_list("name", "pk"))
    return found


def _slot_ids(models, wanted, known):
    """Return ``{(release id, name): slot id}`` for every pair in ``wanted``, creating the
    slots that do not exist yet; ``known`` are releases whose slots may already exist."""
    ids = _slots_found(models, [pair for pair in wanted if pair[0] in known])
    missing = [pair for pair in wanted if pair not in ids]
    if missing:
        models.slot.objects.bulk_create(
            [models.slot(release_id=release_id, name=name) for release_id, name in missing],
            batch_size=WRITE_BATCH,
        )
        # Read back by name: nothing promises the order in which a database returns new ids.
        ids.update(_slots_found(models, missing))
    return ids


def text_ids(models, texts):
    """Return ``{text: RevisionText id}`` for ``texts``, storing those not stored yet.

    Texts already stored (by this release, another one, or a concurrent writer) are left as
    they are by the database; then one lookup finds every id.
    """
    digests = {text_digest(text): text for text in set(texts)}
    if not digests:
        return {}
    models.text.objects.bulk_create(
        [models.text(digest=digest, body=text) for digest, text in digests.items()],
        batch_size=WRITE_BATCH,
        ignore_conflicts=True,
    )
    found = {}
    for chunk in lookup_chunks(digests, models.text):
        found.update(models.text.objects.filter(digest__in=chunk).values_list("digest", "pk"))
    return {digests[digest]: pk for digest, pk in found.items()}


def revisions_store(entries, models=None):
    """Store what each revision of ``entries`` changed: ``(revision, snapshot, previous)``,
    the revision saved, ``snapshot`` its full content and ``previous`` its parent's (None for
    a release's first revision). Return the number of change rows written.

    Entries of one release come in the order of their numbers, each after its parent.
    """
    return _store(
        [
            (revision, snapshot.get("source_language"), changed_slots(snapshot, previous))
            for revision, snapshot, previous in entries
        ],
        {revision.release_id for revision, _snapshot, previous in entries if previous},
        models or HistoryModels.current(),
    )


def revision_changes_store(revision, changed, source_language, models=None):
    """Store the slots a writer knows ``revision`` changed: ``changed`` lists
    ``(slot name, value, previous value)`` of releases, segments and photos whose slots exist
    already (text edits); return the number of change rows written."""
    return _store(
        [(revision, source_language, changed)],
        {revision.release_id},
        models or HistoryModels.current(),
    )


def _store(planned, known, models):
    """Write the change rows of ``planned`` (revision, source language, changed slots);
    ``known`` are the releases whose slots may exist already."""
    wanted, texts = set(), []
    for revision, _source, changed in planned:
        for name, value, _old in changed:
            wanted.add((revision.release_id, name))
            if isinstance(value, list):
                wanted.update((revision.release_id, item) for item in value)
            elif isinstance(value, dict):
                texts.extend(value_texts(value))
    slots = _slot_ids(models, wanted, known)
    ids = text_ids(models, texts)
    rows = []
    for revision, source_language, changed in planned:
        for name, value, old in changed:
            if isinstance(value, dict):
                stored = value_encode(value, ids)
            else:
                items = {item: slots[(revision.release_id, item)] for item in value or ()}
                stored = order_encode(value, items)
            languages, structure, source, translation = change_kinds(old, value, source_language)
            rows.append(
                models.change(
                    slot_id=slots[(revision.release_id, name)],
                    revision_id=revision.pk,
                    number=revision.number,
                    value=stored,
                    languages=languages,
                    structure=structure,
                    source=source,
                    translation=translation,
                )
            )
    models.change.objects.bulk_create(rows, batch_size=WRITE_BATCH)
    return len(rows)
