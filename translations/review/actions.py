"""Review actions: the only code that changes unit states outside a revision.

Every action locks the release row, checks the user's permission and each unit's state, and
either changes every unit it names (one audit batch) or nothing at all. Approving needs
``review_text_<lang>`` and a user other than the unit's translator (superusers too; the
database's check constraint says the same), a current term check, and every error finding
of that text overridden with a written reason.
"""

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config import languages
from records.services import (
    ActionNotAllowed,
    ReleaseContentError,
    release_lock,
    revision_snapshot,
)
from records.services.validation import text_check
from records.units import text_checksum, translatable_units

from ..models import CheckRun, Finding, GlossaryState
from ..vocabulary import EventAction, Severity, UnitState
from . import notify
from .models import MAX_COMMENT_CHARS, MAX_REASON_CHARS, Comment, Event, FindingOverride, UnitStatus


class ReviewError(ValueError):
    """A review action cannot be carried out as asked; nothing was changed."""


def pair_checksum(source_text, target_text):
    """Return the checksum of a unit's source and target texts together (overrides keep it)."""
    return text_checksum(f"{source_text}\x00{target_text}")


def unit_label(key, units=None):
    """Return how people name a unit: "title", "segment 4", "photo 2 caption"."""
    unit = (units or {}).get(key)
    if unit is None:
        return key
    if unit.kind == "title":
        return _("title")
    if unit.kind in ("caption", "credit"):
        label = _("photo %(n)s caption") if unit.kind == "caption" else _("photo %(n)s credit")
        return label % {"n": unit.number}
    return _("segment %(n)s") % {"n": unit.number}


def _target_language(release, language):
    if language not in languages.targets(release.source_language):
        raise ReviewError(
            _("%(language)s is not a target language of “%(slug)s” (its source is %(source)s)")
            % {
                "language": language,
                "slug": release.slug,
                "source": languages.name(release.source_language),
            }
        )


def _allowed(user, permission, action, language):
    if not user.is_active or not user.has_perm(f"records.{permission}_{language}"):
        raise ActionNotAllowed(
            _("%(user)s may not %(action)s %(language)s units; nothing was changed")
            % {"user": user.get_username(), "action": action, "language": languages.name(language)}
        )


def _head(release):
    snapshot = revision_snapshot(release, release.head_number)
    units = {unit.key: unit for unit in translatable_units(snapshot, release.source_language)}
    return snapshot, units


def _rows(release, language, keys, units, based_on):
    """Return the locked release's state rows for ``keys``; refuse unknown or stale units."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        raise ReviewError(_("no units were named; nothing was changed"))
    unknown = [key for key in keys if key not in units]
    if unknown:
        raise ReviewError(
            _("release “%(slug)s” has no unit %(key)s to review; nothing was changed")
            % {"slug": release.slug, "key": ", ".join(unknown[:5])}
        )
    if based_on is not None and not 1 <= based_on <= release.head_number:
        raise ReviewError(
            _("release “%(slug)s” has no revision %(n)s") % {"slug": release.slug, "n": based_on}
        )
    rows = {
        row.key: row
        for row in UnitStatus.objects.filter(release=release, language=language, key__in=keys)
    }
    for key in keys:
        row = rows.get(key)
        if row is None:
            raise ReviewError(
                _("%(unit)s has no %(language)s state yet; nothing was changed")
                % {"unit": unit_label(key, units), "language": languages.name(language)}
            )
        if based_on is not None and row.revision_number > based_on:
            raise ReviewError(
                _(
                    "%(unit)s changed in revision %(n)s, after the revision %(base)s you were "
                    "looking at; reload to see it. Nothing was changed."
                )
                % {"unit": unit_label(key, units), "n": row.revision_number, "base": based_on}
            )
    return [rows[key] for key in keys]


def _refuse_states(rows, allowed, action, units):
    wrong = [row for row in rows if row.state not in allowed]
    if wrong:
        row = wrong[0]
        raise ReviewError(
            _("%(unit)s is %(state)s: it cannot be %(action)s; nothing was changed")
            % {
                "unit": unit_label(row.key, units),
                "state": UnitState(row.state).label,
                "action": action,
            }
        )


def _record(release, rows, before, action, user, *, reason="", batch=None):
    batch = batch or uuid.uuid4()
    Event.objects.bulk_create(
        [
            Event(
                release=release,
                key=row.key,
                language=row.language,
                action=action,
                from_state=before[row.key],
                to_state=row.state,
                revision_number=release.head_number,
                actor=user,
                reason=reason,
                batch=batch,
            )
            for row in rows
        ]
    )
    notify.enqueue(batch)
    return batch


def _set(rows, **values):
    """Give every row in ``rows`` the same ``values`` in one query, whatever their number."""
    now = timezone.now()
    for row in rows:
        for name, value in values.items():
            setattr(row, name, value)
        row.changed_at = now
    UnitStatus.objects.filter(pk__in=[row.pk for row in rows]).update(**values, changed_at=now)


@transaction.atomic
def units_submit(release, language, keys, user, *, based_on=None):
    """Send draft (or outdated but still right) units to review; return the batch id."""
    release = release_lock(release.pk)
    _target_language(release, language)
    _allowed(user, "edit_text", _("submit"), language)
    _snapshot, units = _head(release)
    rows = _rows(release, language, keys, units, based_on)
    _refuse_states(rows, {UnitState.DRAFT, UnitState.OUTDATED}, _("submitted"), units)
    before = {row.key: row.state for row in rows}
    outdated = [row for row in rows if row.state == UnitState.OUTDATED]
    if outdated:
        # Whoever confirms the old translation for the new source answers for it.
        now = timezone.now()
        for row in outdated:
            row.translated_by = user
            row.source_checksum = text_checksum(units[row.key].text(release.source_language))
            row.source_previous = ""
            row.changed_at = now
        UnitStatus.objects.bulk_update(
            outdated,
            ["translated_by", "source_checksum", "source_previous", "changed_at"],
            batch_size=500,
        )
    _set(rows, state=UnitState.NEEDS_REVIEW)
    return _record(release, rows, before, EventAction.SUBMITTED, user)


def _checked(release, language):
    """Make sure the stored findings are those of the head revision and current glossary."""
    run = CheckRun.objects.filter(release=release, language=language).first()
    if (
        run is None
        or run.revision_number != release.head_number
        or run.glossary_version != GlossaryState.current()
    ):
        from ..services.terms import release_terms_check

        release_terms_check(release, languages=[language])


def blocking_findings(release, language, units, keys=None):
    """Return the error findings of the head revision with no override for the current text."""
    findings = Finding.objects.filter(
        release=release,
        language=language,
        severity=Severity.ERROR,
        revision_number=release.head_number,
    ).select_related("concept")
    if keys is not None:
        findings = [finding for finding in findings if str(finding.segment_key) in keys]
    overrides = set(
        FindingOverride.objects.filter(release=release, language=language).values_list(
            "key", "check_id", "concept_id", "text_checksum"
        )
    )
    source = release.source_language
    blocking = []
    for finding in findings:
        key = str(finding.segment_key)
        unit = units.get(key)
        if unit is None:
            continue
        checksum = pair_checksum(unit.text(source), unit.text(language))
        if (key, finding.check_id, finding.concept_id, checksum) not in overrides:
            blocking.append(finding)
    return blocking


def _blocking_message(blocking, units):
    first = str(blocking[0].segment_key)
    own = [finding for finding in blocking if str(finding.segment_key) == first]
    message = ngettext(
        "%(unit)s has an error finding without an override (%(finding)s)",
        "%(unit)s has %(count)s error findings without an override (%(finding)s, …)",
        len(own),
    ) % {
        "unit": unit_label(first, units),
        "count": len(own),
        "finding": own[0].display_message(),
    }
    others = len({str(finding.segment_key) for finding in blocking}) - 1
    if others:
        message += ngettext(
            ", and %(count)s more unit has some",
            ", and %(count)s more units have some",
            others,
        ) % {"count": others}
    return message + _(
        ": fix the text or override the finding with a reason first. Nothing was changed."
    )


@transaction.atomic
def units_approve(release, language, keys, user, *, based_on):
    """Approve units that are waiting for review; return the batch id."""
    release = release_lock(release.pk)
    _target_language(release, language)
    _allowed(user, "review_text", _("approve"), language)
    _snapshot, units = _head(release)
    rows = _rows(release, language, keys, units, based_on)
    _refuse_states(rows, {UnitState.NEEDS_REVIEW}, _("approved"), units)
    own = [row for row in rows if row.translated_by_id == user.pk]
    if own:
        raise ActionNotAllowed(
            _(
                "%(user)s translated %(unit)s and may not approve it: another reviewer must. "
                "Nothing was changed."
            )
            % {"user": user.get_username(), "unit": unit_label(own[0].key, units)}
        )
    _checked(release, language)
    blocking = blocking_findings(release, language, units, {row.key for row in rows})
    if blocking:
        raise ReviewError(_blocking_message(blocking, units))
    before = {row.key: row.state for row in rows}
    _set(rows, state=UnitState.APPROVED, approved_by=user)
    return _record(release, rows, before, EventAction.APPROVED, user)


def _clean_text(text, what, limit):
    text = (text or "").strip()
    if not text:
        raise ReviewError(_("%(what)s is empty; nothing was changed") % {"what": what})
    if len(text) > limit:
        raise ReviewError(
            _("%(what)s is too long (%(length)s characters; at most %(max)s)")
            % {"what": what, "length": len(text), "max": limit}
        )
    try:
        return text_check(text, what)
    except ReleaseContentError as error:
        raise ReviewError(str(error)) from None


@transaction.atomic
def units_request_changes(release, language, keys, user, *, comment, based_on):
    """Send units back to their translator with a comment; return the batch id."""
    release = release_lock(release.pk)
    _target_language(release, language)
    _allowed(user, "review_text", _("request changes on"), language)
    comment = _clean_text(comment, _("the comment"), MAX_COMMENT_CHARS)
    _snapshot, units = _head(release)
    rows = _rows(release, language, keys, units, based_on)
    _refuse_states(
        rows, {UnitState.NEEDS_REVIEW, UnitState.APPROVED}, _("sent back for changes"), units
    )
    before = {row.key: row.state for row in rows}
    _set(rows, state=UnitState.DRAFT, approved_by=None)
    Comment.objects.bulk_create(
        [
            Comment(release=release, key=row.key, language=language, author=user, text=comment)
            for row in rows
        ]
    )
    return _record(release, rows, before, EventAction.CHANGES_REQUESTED, user, reason=comment)


@transaction.atomic
def finding_override(release, language, key, *, check_id, concept_id, reason, user):
    """Record a reviewer's reason why an error finding does not apply to this text."""
    release = release_lock(release.pk)
    _target_language(release, language)
    _allowed(user, "review_text", _("override findings of"), language)
    reason = _clean_text(reason, _("the reason"), MAX_REASON_CHARS)
    _snapshot, units = _head(release)
    unit = units.get(key)
    if unit is not None and unit.kind not in _NON_SEGMENTS:
        # The finding must be one of the current text, as the reviewer sees it checked.
        _checked(release, language)
    found = (
        unit is not None
        and unit.kind not in _NON_SEGMENTS
        and Finding.objects.filter(
            release=release,
            language=language,
            segment_key=key,
            check_id=check_id,
            concept_id=concept_id,
            revision_number=release.head_number,
        ).exists()
    )
    if not found:
        raise ReviewError(_("there is no such finding on the current text; nothing was changed"))
    source = release.source_language
    override, created = FindingOverride.objects.get_or_create(
        release=release,
        key=key,
        language=language,
        check_id=check_id,
        concept_id=concept_id,
        text_checksum=pair_checksum(unit.text(source), unit.text(language)),
        defaults={"reason": reason, "created_by": user},
    )
    if created:
        state = (
            UnitStatus.objects.filter(release=release, language=language, key=key)
            .values_list("state", flat=True)
            .first()
        )
        Event.objects.create(
            release=release,
            key=key,
            language=language,
            action=EventAction.OVERRIDDEN,
            from_state=state,
            to_state=state,
            revision_number=release.head_number,
            actor=user,
            reason=f"{check_id}: {reason}",
        )
    return override


_NON_SEGMENTS = {"title", "caption", "credit"}


def _may_comment(user, release, language):
    if language not in languages.CODES:
        raise ReviewError(_("unknown language “%(language)s”") % {"language": language})
    if not user.is_active or not user.has_perm("records.view_release"):
        raise ActionNotAllowed(
            _("%(user)s may not comment on releases; nothing was changed")
            % {"user": user.get_username()}
        )


@transaction.atomic
def comment_add(release, key, language, text, user, *, parent=None):
    """Start a thread on a unit (source or target language), or reply to one.

    A reply belongs to its thread's unit and language, whatever ``key`` and ``language`` say.
    """
    release = release_lock(release.pk)
    if parent is not None:
        parent = Comment.objects.select_for_update().filter(pk=parent.pk).first()
        if parent is None or parent.release_id != release.pk or parent.parent_id is not None:
            raise ReviewError(
                _("a reply must answer a thread of this release; nothing was changed")
            )
        key, language = parent.key, parent.language
    _may_comment(user, release, language)
    text = _clean_text(text, _("the comment"), MAX_COMMENT_CHARS)
    if parent is None:
        _snapshot, units = _head(release)
        if key not in units:
            raise ReviewError(
                _("release “%(slug)s” has no unit %(key)s; nothing was changed")
                % {"slug": release.slug, "key": key}
            )
    comment = Comment.objects.create(
        release=release, key=key, language=language, author=user, text=text, parent=parent
    )
    if parent is not None and parent.resolved_at is not None:
        # A reply reopens the thread: there is something to answer again.
        Comment.objects.filter(pk=parent.pk).update(resolved_at=None, resolved_by=None)
    event = Event.objects.create(
        release=release,
        key=key,
        language=language,
        action=EventAction.COMMENTED,
        revision_number=release.head_number,
        actor=user,
        reason=text,
    )
    notify.enqueue(event.batch)
    return comment


def _may_resolve(user, comment):
    return comment.author_id == user.pk or (
        user.has_perm(f"records.edit_text_{comment.language}")
        or user.has_perm(f"records.review_text_{comment.language}")
    )


@transaction.atomic
def comment_resolve(comment, user):
    """Mark a thread resolved (by its author or anyone who edits or reviews its language)."""
    release = release_lock(comment.release_id)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    _may_comment(user, release, comment.language)
    if not _may_resolve(user, comment):
        raise ActionNotAllowed(
            _("%(user)s may not resolve this thread; nothing was changed")
            % {"user": user.get_username()}
        )
    if comment.parent_id is not None:
        raise ReviewError(_("resolve the thread, not a reply; nothing was changed"))
    if comment.resolved_at is not None:
        raise ReviewError(_("this thread is already resolved; nothing was changed"))
    comment.resolved_at, comment.resolved_by = timezone.now(), user
    comment.save(update_fields=["resolved_at", "resolved_by"])
    Event.objects.create(
        release=release,
        key=comment.key,
        language=comment.language,
        action=EventAction.RESOLVED,
        revision_number=release.head_number,
        actor=user,
        reason=comment.text[:200],
    )
    return comment
