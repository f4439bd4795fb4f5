"""Review actions: the only code that changes unit states outside a revision.

Every action locks the release row, checks the user's permission and each unit's state, and
either changes every unit it names (one audit batch) or nothing at all. Approving needs
``review_text_<lang>`` and a user other than the unit's translator (superusers too; the
database's check constraint says the same) — its reviser, who corrected it while reviewing,
may (ISO 17100) —, a current term check, and every error finding of that text overridden
with a written reason. An approval is kept on the state row (text, source, reviewer) after
the texts change, so that it comes back when they do (:mod:`.states`); sending back the text
last approved withdraws it.

Approved units go to the translation memory in the approval's transaction.

Comments (:mod:`.comments`) and findings (:mod:`.findings`) have modules of their own; their
actions are importable from here too.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config import languages
from records.bulk import rows_update
from records.services import ActionNotAllowed, release_lock
from records.units import text_checksum
from translations.review.audit import review_audit
from translations.review.comments import comment_add, comment_resolve
from translations.review.common import (
    ReviewError,
    StaleUnits,
    head_units,
    pair_checksum,
    permission_check,
    target_language_check,
    text_clean,
    unit_label,
)
from translations.review.extensions import extensions
from translations.review.findings import (
    blocking_findings,
    blocking_message,
    finding_override,
    terms_current,
)
from translations.review.models import MAX_COMMENT_CHARS, Comment, UnitStatus
from translations.review.selectors import language_reviewers
from translations.review.states import submission_note
from translations.review.vocabulary import EventAction, UnitState

SUBMIT_FIELDS = [
    "state",
    "translated_by",
    "revised_by",
    "source_checksum",
    "source_previous",
    "outdated_from",
    "submitted_checksum",
    "submitted_unchanged",
    "changed_at",
]
APPROVE_FIELDS = [
    "state",
    "source_previous",
    "approved_by",
    "approval_by",
    "approval_text",
    "approval_target_checksum",
    "approval_source_checksum",
    "approval_revision",
    "changed_at",
]

__all__ = [
    "ReviewError",
    "blocking_findings",
    "comment_add",
    "comment_resolve",
    "finding_override",
    "pair_checksum",
    "unit_label",
    "units_approve",
    "units_request_changes",
    "units_submit",
]


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
                % {"unit": unit_label(key, units), "language": languages.name_in_sentence(language)}
            )
        if based_on is not None and row.revision_number > based_on:
            raise StaleUnits(
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
            _("%(unit)s is “%(state)s”: it cannot be %(action)s; nothing was changed")
            % {
                "unit": unit_label(row.key, units),
                "state": UnitState(row.state).label,
                "action": action,
            }
        )


def _record(release, rows, before, action, user, *, reason="", batch=None):
    language = rows[0].language if rows else None
    return review_audit(
        action,
        user=user,
        release=release,
        language=language,
        units=[(row.key, before[row.key], row.state) for row in rows],
        log=f"units.{EventAction(action).value}",
        reason=reason,
        batch=batch,
    )


def _set(rows, **values):
    """Give every row in ``rows`` the same ``values`` in one query, whatever their number."""
    now = timezone.now()
    for row in rows:
        for name, value in values.items():
            setattr(row, name, value)
        row.changed_at = now
    UnitStatus.objects.filter(pk__in=[row.pk for row in rows]).update(**values, changed_at=now)


@transaction.atomic
def units_submit(release, language, keys, user, *, based_on=None, batch=None):
    """Send draft (or outdated but still right) units to review; return the batch id (``batch``
    when given: the events of one action that also wrote a revision share its batch)."""
    release = release_lock(release.pk)
    target_language_check(release, language)
    permission_check(user, "edit_text", _("submit"), language)
    _snapshot, units = head_units(release)
    rows = _rows(release, language, keys, units, based_on)
    _refuse_states(rows, {UnitState.DRAFT, UnitState.OUTDATED}, _("submitted"), units)
    before = {row.key: row.state for row in rows}
    for row in rows:
        if row.state == UnitState.OUTDATED:
            # Whoever confirms the old translation for the new source answers for it.
            row.translated_by, row.revised_by = user, None
            # The source it was made from stays, so its reviewer sees what changed.
            row.source_checksum = text_checksum(units[row.key].text(release.source_language))
            row.outdated_from = None
        submission_note(row, row.target_checksum)
        row.state, row.changed_at = UnitState.NEEDS_REVIEW, timezone.now()
    rows_update(UnitStatus, rows, SUBMIT_FIELDS)
    return _record(release, rows, before, EventAction.SUBMITTED, user, batch=batch)


@transaction.atomic
def units_approve(release, language, keys, user, *, based_on):
    """Approve units that are waiting for review; return the batch id."""
    release = release_lock(release.pk)
    target_language_check(release, language)
    permission_check(user, "review_text", _("approve"), language)
    _snapshot, units = head_units(release)
    rows = _rows(release, language, keys, units, based_on)
    _refuse_states(rows, {UnitState.NEEDS_REVIEW}, _("approved"), units)
    own = [row for row in rows if row.translated_by_id == user.pk]
    if own:
        params = {"user": user.get_username(), "unit": unit_label(own[0].key, units)}
        if not language_reviewers([language])[language] - {user.pk}:
            raise ActionNotAllowed(
                _(
                    "%(user)s translated %(unit)s and may not approve it, and no other user "
                    "reviews %(language)s: another user needs the reviewer role. Nothing was "
                    "changed."
                )
                % {**params, "language": languages.name_in_sentence(language)}
            )
        raise ActionNotAllowed(
            _(
                "%(user)s translated %(unit)s and may not approve it: another reviewer must. "
                "Nothing was changed."
            )
            % params
        )
    terms_current(release, language)
    blocking = blocking_findings(release, language, units, {row.key for row in rows})
    if blocking:
        raise ReviewError(blocking_message(blocking, units))
    before = {row.key: row.state for row in rows}
    now = timezone.now()
    for row in rows:
        # What was approved, for which source, by whom: kept when the texts change later.
        row.state, row.approved_by, row.approval_by = UnitState.APPROVED, user, user
        # Approved for the current source: the change that made it outdated is seen.
        row.source_previous = ""
        row.approval_text = units[row.key].text(language)
        row.approval_target_checksum = text_checksum(row.approval_text)
        row.approval_source_checksum = text_checksum(units[row.key].text(release.source_language))
        row.approval_revision, row.changed_at = release.head_number, now
    rows_update(UnitStatus, rows, APPROVE_FIELDS)
    extensions.approved(release, language, [row.key for row in rows], units, user)
    return _record(release, rows, before, EventAction.APPROVED, user)


@transaction.atomic
def units_request_changes(release, language, keys, user, *, comment, based_on):
    """Send units back to their translator with a comment; return the batch id."""
    release = release_lock(release.pk)
    target_language_check(release, language)
    permission_check(user, "review_text", _("request changes on"), language)
    comment = text_clean(comment, _("the comment"), MAX_COMMENT_CHARS)
    _snapshot, units = head_units(release)
    rows = _rows(release, language, keys, units, based_on)
    _refuse_states(
        rows, {UnitState.NEEDS_REVIEW, UnitState.APPROVED}, _("sent back for changes"), units
    )
    before = {row.key: row.state for row in rows}
    # Sending back the text last approved withdraws that approval (it is not given again
    # when the text returns); its text stays, as the base of the diff a reviewer sees.
    withdrawn = [row for row in rows if row.target_checksum == row.approval_target_checksum]
    _set(rows, state=UnitState.DRAFT, approved_by=None)
    if withdrawn:
        UnitStatus.objects.filter(pk__in=[row.pk for row in withdrawn]).update(
            approval_source_checksum=""
        )
    Comment.objects.bulk_create(
        [
            Comment(release=release, key=row.key, language=language, author=user, text=comment)
            for row in rows
        ]
    )
    return _record(release, rows, before, EventAction.CHANGES_REQUESTED, user, reason=comment)
