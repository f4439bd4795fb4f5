"""Unit states follow every revision, inside its transaction, in a few bulk queries.

Per unit with source text and per target language:

- target text blank → untranslated;
- target text changed → draft (needs review when the writer submitted it), translated by the
  revision's author, the approval gone;
- only the source text changed → outdated (the source text the translation was made from is
  kept, to show what changed); an untranslated unit only notes its new source;
- the source text of an outdated unit put back as it was → draft (the translation fits its
  source again, but its approval went with the change);
- nothing changed → the state stays.

Every change of state is an audit event; one revision's events share a batch id.
"""

import functools
import uuid
from types import SimpleNamespace

from django.db import transaction
from django.utils import timezone

from config import languages
from records.bulk import rows_update
from records.units import text_checksum, translatable_units
from translations.review import notify
from translations.review.models import Event, UnitStatus
from translations.review.vocabulary import EventAction, UnitState

STATE_FIELDS = [
    "state",
    "source_checksum",
    "source_previous",
    "target_checksum",
    "translated_by",
    "approved_by",
    "revision_number",
    "changed_at",
]


# What a state change reads and keeps (changed_at is only ever set).
_LOADED_FIELDS = [
    "state",
    "source_checksum",
    "source_previous",
    "target_checksum",
    "translated_by_id",
    "approved_by_id",
    "revision_number",
]


def submitted(context, language, key):
    """Return whether the writer's ``context`` submits ``key`` in ``language`` for review."""
    wanted = (context or {}).get("submit", {}).get(language)
    return wanted is True or (wanted is not None and wanted is not False and key in wanted)


def _previous_sources(revision):
    """Return ``{key: source text}`` of the parent revision, in the parent's source language
    (the text a translation was made from, even when this revision switches the source)."""
    parent = revision.parent.snapshot if revision.parent_id else None
    if parent is None:
        return {}
    source = parent.get("source_language", languages.DEFAULT_SOURCE)
    return {unit.key: unit.text(source) for unit in translatable_units(parent, source)}


def _next(row, source_text, target_text, *, author_id, submit, number, previous_source):
    """Update ``row`` for the new texts; return ``(changed, event action or None)``.

    ``previous_source()`` returns the source text the translation was made from (read only
    when the unit becomes outdated).
    """
    source_sum, target_sum = text_checksum(source_text), text_checksum(target_text)
    if not target_text.strip():
        if row.state == UnitState.UNTRANSLATED:
            if row.source_checksum == source_sum:
                return False, None
            # Nothing to translate yet changed hands: note the source, log nothing.
            row.source_checksum = source_sum
            return True, None
        row.state, row.translated_by_id, row.approved_by_id = UnitState.UNTRANSLATED, None, None
        row.source_checksum, row.source_previous, row.target_checksum = source_sum, "", ""
        row.revision_number = number
        return True, EventAction.CLEARED
    if target_sum != row.target_checksum:
        row.state = UnitState.NEEDS_REVIEW if submit else UnitState.DRAFT
        row.translated_by_id, row.approved_by_id = author_id, None
        row.source_checksum, row.source_previous, row.target_checksum = source_sum, "", target_sum
        row.revision_number = number
        return True, EventAction.SUBMITTED if submit else EventAction.EDITED
    if source_sum == row.source_checksum:
        if row.state != UnitState.OUTDATED:
            return False, None
        row.state, row.source_previous, row.revision_number = UnitState.DRAFT, "", number
        return True, EventAction.OUTDATED
    if row.state != UnitState.OUTDATED:
        row.state, row.approved_by_id = UnitState.OUTDATED, None
        row.source_previous = previous_source()
        row.revision_number = number
        return True, EventAction.OUTDATED
    return False, None


def states_after_revision(revision, context=None):
    """Bring the release's unit states in line with ``revision`` (a revision listener).

    A revision whose writer says it only changed some units' texts (``revision.text_edits``)
    has only those units' states looked at: every other unit's texts, and so its state, are
    as the revision before left them.
    """
    edits = revision.text_edits
    if edits is None:
        snapshot = revision.snapshot
        source = snapshot.get("source_language", languages.DEFAULT_SOURCE)
        units = translatable_units(snapshot, source)
        existing = UnitStatus.objects.filter(release_id=revision.release_id)
    else:
        source = edits.source_language
        units = [unit for unit in edits.units if unit.text(source).strip()]
        existing = UnitStatus.objects.filter(
            release_id=revision.release_id, key__in=[unit.key for unit in units]
        )
    # Plain rows, not model instances: a 2,000-unit release has 4,000 of them, most unchanged.
    rows = {
        (values["key"], values["language"]): SimpleNamespace(pk=values["id"], **values)
        for values in existing.values("id", "key", "language", *_LOADED_FIELDS)
    }
    # The parent's snapshot is read once, and only when some unit becomes outdated.
    previous = functools.cache(lambda: _previous_sources(revision))
    author_id = revision.author_id
    created, updated, events, seen = [], [], [], set()
    batch, now = uuid.uuid4(), timezone.now()
    for language in languages.targets(source):
        for unit in units:
            seen.add((unit.key, language))
            row = rows.get((unit.key, language))
            is_new = row is None
            if is_new:
                row = UnitStatus(
                    release_id=revision.release_id,
                    key=unit.key,
                    language=language,
                    state=UnitState.UNTRANSLATED,
                    revision_number=revision.number,
                )
            before = row.state
            changed, action = _next(
                row,
                unit.text(source),
                unit.text(language),
                author_id=author_id,
                submit=submitted(context, language, unit.key),
                number=revision.number,
                previous_source=lambda key=unit.key: previous().get(key, ""),
            )
            if is_new:
                created.append(row)
            elif changed:
                row.changed_at = now
                updated.append(row)
            if action is not None:
                events.append(
                    Event(
                        release_id=revision.release_id,
                        key=unit.key,
                        language=language,
                        action=action,
                        from_state=None if is_new else before,
                        to_state=row.state,
                        revision_number=revision.number,
                        actor_id=author_id,
                        batch=batch,
                    )
                )
    gone = [row.pk for key, row in rows.items() if key not in seen] if edits is None else []
    # Inside the revision's transaction no savepoint is needed; alone, this is one.
    with transaction.atomic(savepoint=False):
        if gone:
            UnitStatus.objects.filter(pk__in=gone).delete()
        UnitStatus.objects.bulk_create(created)
        rows_update(UnitStatus, updated, STATE_FIELDS)
        Event.objects.bulk_create(events)
    if any(event.action in notify.NOTIFIED for event in events):
        # A save that submits units tells their reviewers, as units_submit does.
        notify.enqueue(batch)
