"""Unit states follow every revision, inside its transaction, in a few bulk queries.

Per unit with source text and per target language:

- target text blank → untranslated;
- both texts now those the unit's last approval was given for (a restore, an undo, an
  import) → approved again, by that approval's reviewer (``reapproved``; the revision's author
  is the event's actor, the translator stays);
- target text changed by a reviewer of the language while someone else's translation waits
  for review → still waiting for review, revised by that reviewer (ISO 17100: the reviser
  does not become the translator, and may approve it);
- any other change of the target text → draft (needs review when the writer submitted it),
  translated by the revision's author, the approval gone (the source text an outdated
  translation was made from is kept until the unit is approved, for its reviewer to see what
  changed); outdated instead when the writer
  typed it against an older source (``context["seen_sources"]``: the source text they saw),
  so that they see what changed;
- only the source text changed → outdated (the source text the translation was made from is
  kept, to show what changed, and the state before it); an untranslated unit only notes its
  new source;
- the source text of an outdated unit put back as it was → the state before it became
  outdated (needs review stays needs review; an approval only through the rule above), else
  draft;
- nothing changed → the state stays.

Every change of state is an audit event; one revision's events share a batch id.
"""

import functools
import uuid
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from config import languages
from records.bulk import rows_update
from records.units import text_checksum, translatable_units
from translations.review import notify, permissions
from translations.review.models import Event, UnitStatus
from translations.review.vocabulary import EventAction, UnitState

STATE_FIELDS = [
    "state",
    "source_checksum",
    "source_previous",
    "target_checksum",
    "translated_by",
    "approved_by",
    "revised_by",
    "outdated_from",
    "submitted_checksum",
    "submitted_unchanged",
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
    "revised_by_id",
    "outdated_from",
    "submitted_checksum",
    "submitted_unchanged",
    "approval_target_checksum",
    "approval_source_checksum",
    "approval_by_id",
    "revision_number",
]


def submitted(context, language, key):
    """Return whether the writer's ``context`` submits ``key`` in ``language`` for review."""
    wanted = (context or {}).get("submit", {}).get(language)
    return wanted is True or (wanted is not None and wanted is not False and key in wanted)


def submission_note(row, target_sum):
    """Note on ``row`` that its text ``target_sum`` is submitted for review now: unchanged
    when it is the text last approved or the text of the submission before."""
    row.submitted_unchanged = bool(target_sum) and target_sum in (
        row.submitted_checksum,
        row.approval_target_checksum,
    )
    row.submitted_checksum = target_sum


def _previous_sources(revision):
    """Return ``{key: source text}`` of the parent revision, in the parent's source language
    (the text a translation was made from, even when this revision switches the source)."""
    parent = revision.parent.snapshot if revision.parent_id else None
    if parent is None:
        return {}
    source = parent.get("source_language", languages.DEFAULT_SOURCE)
    return {unit.key: unit.text(source) for unit in translatable_units(parent, source)}


def _reapprovable(row, source_sum, target_sum, translator_id):
    """Return whether the texts are those ``row``'s last approval was given for (and its
    reviewer is not the translator)."""
    return (
        bool(row.approval_source_checksum)
        and row.approval_by_id is not None
        and (source_sum, target_sum) == (row.approval_source_checksum, row.approval_target_checksum)
        and row.approval_by_id != translator_id
    )


def _reapprove(row, source_sum, target_sum, number):
    row.state, row.approved_by_id = UnitState.APPROVED, row.approval_by_id
    row.source_checksum, row.source_previous, row.target_checksum = source_sum, "", target_sum
    row.outdated_from, row.revision_number = None, number
    return True, EventAction.REAPPROVED


def _target_changed(row, source_sum, target_sum, writer):
    """Update ``row`` for a new target text; return ``(changed, event action)``."""
    number, author_id = writer.number, writer.author_id
    if _reapprovable(row, source_sum, target_sum, row.translated_by_id):
        return _reapprove(row, source_sum, target_sum, number)
    seen = writer.seen_source()
    stale = seen is not None and text_checksum(seen) != source_sum
    if (
        row.state == UnitState.NEEDS_REVIEW
        and not stale
        and row.translated_by_id not in (None, author_id)
        and writer.reviews()
    ):
        row.revised_by_id, row.target_checksum = author_id, target_sum
        row.source_checksum, row.revision_number = source_sum, number
        return True, EventAction.REVISED
    row.translated_by_id, row.approved_by_id, row.revised_by_id = author_id, None, None
    row.target_checksum, row.revision_number, row.outdated_from = target_sum, number, None
    if stale:
        # Typed against an older source: outdated against the current one, so that the
        # translator sees what changed since the text they translated.
        row.state = UnitState.OUTDATED
        row.source_checksum, row.source_previous = text_checksum(seen), seen
        return True, EventAction.EDITED
    # A translation made for a changed source keeps the source it followed before until it
    # is approved: its reviewer sees that change too.
    row.source_checksum = source_sum
    if writer.submit:
        row.state = UnitState.NEEDS_REVIEW
        submission_note(row, target_sum)
        return True, EventAction.SUBMITTED
    row.state = UnitState.DRAFT
    return True, EventAction.EDITED


def _next(row, source_text, target_text, writer):
    """Update ``row`` for the new texts; return ``(changed, event action or None)``.

    ``writer`` tells the revision's ``number`` and ``author_id``, whether it submits
    the unit, and lazily: ``reviews()`` (whether the author reviews this language),
    ``seen_source()`` (the source text the author saw, None when not told) and
    ``previous_source()`` (the source text the translation was made from).
    """
    source_sum, target_sum = text_checksum(source_text), text_checksum(target_text)
    number = writer.number
    if not target_text.strip():
        if row.state == UnitState.UNTRANSLATED:
            if row.source_checksum == source_sum:
                return False, None
            # Nothing to translate yet changed hands: note the source, log nothing.
            row.source_checksum = source_sum
            return True, None
        row.state, row.translated_by_id, row.approved_by_id = UnitState.UNTRANSLATED, None, None
        row.source_checksum, row.source_previous, row.target_checksum = source_sum, "", ""
        row.revised_by_id, row.outdated_from, row.revision_number = None, None, number
        return True, EventAction.CLEARED
    if target_sum != row.target_checksum:
        return _target_changed(row, source_sum, target_sum, writer)
    if source_sum == row.source_checksum and row.state != UnitState.OUTDATED:
        return False, None
    if row.state != UnitState.APPROVED and _reapprovable(
        row, source_sum, target_sum, row.translated_by_id
    ):
        return _reapprove(row, source_sum, target_sum, number)
    if source_sum == row.source_checksum:
        # The source is back to the text the translation follows.
        back = row.outdated_from == UnitState.NEEDS_REVIEW
        row.state = UnitState.NEEDS_REVIEW if back else UnitState.DRAFT
        row.source_previous, row.outdated_from, row.revision_number = "", None, number
        return True, EventAction.OUTDATED
    if row.state != UnitState.OUTDATED:
        row.outdated_from = row.state
        row.state, row.approved_by_id = UnitState.OUTDATED, None
        row.source_previous = writer.previous_source()
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
    # The parent's snapshot is read once, and only when some unit becomes outdated; the
    # author's permissions only when they change someone else's text under review.
    previous = functools.cache(lambda: _previous_sources(revision))
    author_id = revision.author_id
    reviews = functools.cache(
        lambda language: author_id is not None and permissions.can_review(revision.author, language)
    )
    seen_sources = (context or {}).get("seen_sources") or {}
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
            writer = SimpleNamespace(
                number=revision.number,
                author_id=author_id,
                submit=submitted(context, language, unit.key),
                reviews=lambda language=language: reviews(language),
                seen_source=lambda key=unit.key: seen_sources.get(key),
                previous_source=lambda key=unit.key: previous().get(key, ""),
            )
            changed, action = _next(row, unit.text(source), unit.text(language), writer)
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
                        # Whose approval came back: named on the event (see _approvers).
                        reason=row.approval_by_id if action == EventAction.REAPPROVED else "",
                        batch=batch,
                    )
                )
    _approvers(events)
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


def _approvers(events):
    """Name the reviewer whose approval came back on each ``reapproved`` event."""
    again = [event for event in events if event.action == EventAction.REAPPROVED]
    if not again:
        return
    names = dict(
        get_user_model()
        .objects.filter(pk__in={event.reason for event in again})
        .values_list("pk", get_user_model().USERNAME_FIELD)
    )
    for event in again:
        event.reason = names.get(event.reason, "")
