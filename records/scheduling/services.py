"""Scheduled publications: asked for, cancelled, and published when due by the sweep.

A schedule names languages of a release and a time. When it is due, the sweep (a Celery beat
task, ``records.tasks``) publishes the newest revision of those languages together through
``releases_publish`` — the same gate as a publication by hand, all languages or none — as
the editor who scheduled it. A refusal publishes nothing, keeps the schedule pending for the
next sweep with its error shown, and tells that editor by mail (once, not at every retry);
a schedule whose editor may no longer publish fails. A sweep that runs long after the time
(no worker was running) still publishes, and the schedule says it was late.

Two sweeps at once never publish a schedule twice: each run locks its row (``SKIP LOCKED``
where the database has row locks) and claims it with a conditional update.
"""

import functools

from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config import languages

from .. import permissions
from ..logs import audit
from ..services.errors import ActionNotAllowed, PublicationError
from ..services.publishing import releases_publish
from ..services.writing import release_lock
from .models import LATE_AFTER, ScheduledPublication
from .notify import schedule_refusal_mail

State = ScheduledPublication.State

# Due schedules one sweep runs at most (the next sweep takes the rest).
SWEEP_BATCH = 50

ERR_NO_LANGUAGES = gettext_lazy("Choose at least one language; nothing was scheduled.")
ERR_UNKNOWN_LANGUAGE = gettext_lazy(
    "“%(language)s” is not a language of “%(slug)s” (its languages: %(languages)s); nothing "
    "was scheduled."
)
ERR_PAST = gettext_lazy(
    "%(when)s is not in the future (it is %(now)s now, time zone %(zone)s): choose a later "
    "time; nothing was scheduled."
)
ERR_ALREADY = gettext_lazy(
    "%(language)s of “%(slug)s” is already scheduled for %(when)s: cancel that schedule "
    "first; nothing was scheduled."
)
ERR_NO_SUCH = gettext_lazy("There is no such scheduled publication; nothing was changed.")
ERR_NOT_PENDING = gettext_lazy(
    "This scheduled publication is already %(state)s: only a pending one can be cancelled; "
    "nothing was changed."
)


class ScheduleError(ValueError):
    """A scheduling request cannot be carried out; nothing was changed."""


def moment(value):
    """Return ``value`` as people read it here: local date and time with the time zone."""
    local = timezone.localtime(value)
    return (
        f"{formats.date_format(local, 'DATETIME_FORMAT')} ({timezone.get_current_timezone_name()})"
    )


def schedule_warnings(schedule):
    """Return what would stop ``schedule`` if it were due now, one message per language that
    is blocked (the gate runs again at the time; the work may be done by then)."""
    # Imported here: the dashboard reads the models, which import this package.
    from ..dashboard import blocker_label
    from ..extensions import registry

    work = registry.work_for([schedule.release]).get(schedule.release_id, {})
    warnings = []
    for code in schedule.languages:
        found = work.get(code)
        if found is None or not found.blocking:
            continue
        warnings.append(
            _(
                "%(language)s of “%(release)s” could not be published now (%(blockers)s): unless "
                "that work is done by %(when)s, the schedule is refused then and tried again "
                "at every sweep."
            )
            % {
                "language": languages.name(code),
                "release": schedule.release,
                "blockers": ", ".join(blocker_label(name, count) for name, count in found.blocking),
                "when": moment(schedule.publish_at),
            }
        )
    return warnings


def _publisher_check(user, what):
    if not permissions.can_publish(user):
        raise ActionNotAllowed(
            _("%(user)s may not publish releases; nothing was %(what)s")
            % {"user": user.get_username(), "what": what}
        )


@transaction.atomic
def publication_schedule(release, codes, publish_at, *, author):
    """Schedule the newest revision of ``release`` in ``codes`` to be published together at
    ``publish_at`` (naive: in the current time zone); return the schedule."""
    _publisher_check(author, _("scheduled"))
    codes = list(dict.fromkeys(codes))
    if not codes:
        raise ScheduleError(ERR_NO_LANGUAGES)
    for code in codes:
        if code not in languages.CODES:
            raise ScheduleError(
                ERR_UNKNOWN_LANGUAGE
                % {"language": code, "slug": release.slug, "languages": ", ".join(languages.CODES)}
            )
    if timezone.is_naive(publish_at):
        publish_at = timezone.make_aware(publish_at)
    now = timezone.now()
    if publish_at <= now:
        raise ScheduleError(
            ERR_PAST
            % {
                "when": moment(publish_at),
                "now": moment(now),
                "zone": timezone.get_current_timezone_name(),
            }
        )
    # The release's lock keeps two schedules of one language from both passing the check.
    locked = release_lock(release.pk)
    for other in ScheduledPublication.objects.filter(release=locked, state=State.PENDING):
        taken = [code for code in codes if code in other.languages]
        if taken:
            raise ScheduleError(
                ERR_ALREADY
                % {
                    "language": languages.name_in_sentence(taken[0]),
                    "slug": locked.slug,
                    "when": moment(other.publish_at),
                }
            )
    schedule = ScheduledPublication.objects.create(
        release=locked,
        languages=[code for code in languages.CODES if code in codes],
        publish_at=publish_at,
        created_by=author,
    )
    audit(
        "release.schedule",
        user=author,
        release=locked,
        languages=schedule.languages,
        publish_at=publish_at.isoformat(),
        schedule=schedule.pk,
    )
    return schedule


@transaction.atomic
def schedule_cancel(schedule_id, *, author):
    """Cancel a pending schedule; return it. A schedule already run (or cancelled) is refused."""
    _publisher_check(author, _("cancelled"))
    schedule = ScheduledPublication.objects.select_for_update().filter(pk=schedule_id).first()
    if schedule is None:
        raise ScheduleError(ERR_NO_SUCH)
    if schedule.state != State.PENDING:
        raise ScheduleError(ERR_NOT_PENDING % {"state": schedule.get_state_display()})
    schedule.state = State.CANCELLED
    schedule.cancelled_by = author
    schedule.cancelled_at = timezone.now()
    schedule.save(update_fields=["state", "cancelled_by", "cancelled_at"])
    audit(
        "release.schedule_cancel",
        user=author,
        release=schedule.release,
        languages=schedule.languages,
        schedule=schedule.pk,
    )
    return schedule


def _claimed(schedule, now):
    """Claim ``schedule`` (as read) for this run: return False when another run changed it
    since. Without row locks (SQLite) only one run gets past this conditional update."""
    claimed = ScheduledPublication.objects.filter(
        pk=schedule.pk, state=State.PENDING, attempts=schedule.attempts
    ).update(attempts=F("attempts") + 1, attempted_at=now)
    if claimed:
        schedule.attempts += 1
        schedule.attempted_at = now
    return bool(claimed)


def _claim(schedule_id, now):
    """Lock and claim a due pending schedule; return it, or None when another run has it."""
    schedule = (
        ScheduledPublication.objects.select_for_update(skip_locked=True)
        .filter(pk=schedule_id, state=State.PENDING, publish_at__lte=now)
        .first()
    )
    if schedule is None or not _claimed(schedule, now):
        return None
    return schedule


@transaction.atomic
def schedule_run(schedule_id):
    """Publish a due schedule now (all its languages or none); return it with its new state,
    or None when it is not due, not pending, or being run by another sweep."""
    now = timezone.now()
    schedule = _claim(schedule_id, now)
    if schedule is None:
        return None
    release = schedule.release
    author = schedule.created_by
    first_refusal = not schedule.last_error
    try:
        done = releases_publish(
            [(release, code, None) for code in schedule.languages], author=author
        )
    except ActionNotAllowed as error:
        schedule.state = State.FAILED
        schedule.last_error = str(error)
    except PublicationError as error:
        schedule.last_error = str(error)
    else:
        schedule.state = State.DONE
        schedule.last_error = ""
        schedule.published_at = now
        schedule.revision_number = done[0][0].revision.number
        schedule.late = now - schedule.publish_at > LATE_AFTER
    schedule.save(update_fields=["state", "last_error", "published_at", "revision_number", "late"])
    audit(
        "release.schedule_run",
        user=author,
        release=release,
        languages=schedule.languages,
        schedule=schedule.pk,
        state=schedule.state,
        late=schedule.late,
        error=schedule.last_error or None,
    )
    if schedule.last_error and (first_refusal or schedule.state == State.FAILED):
        transaction.on_commit(functools.partial(schedule_refusal_mail, schedule.pk), robust=True)
    return schedule


def schedules_due(now=None):
    """Return the ids of the pending schedules whose time has come, oldest first."""
    now = now or timezone.now()
    return list(
        ScheduledPublication.objects.filter(state=State.PENDING, publish_at__lte=now)
        .order_by("publish_at", "id")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )


def schedules_sweep():
    """Run every due schedule, each in its own transaction; return what became of them."""
    outcome = {"published": [], "late": [], "refused": [], "failed": [], "skipped": []}
    for schedule_id in schedules_due():
        schedule = schedule_run(schedule_id)
        if schedule is None:
            outcome["skipped"].append(schedule_id)
        elif schedule.state == State.DONE:
            outcome["published"].append(schedule_id)
            if schedule.late:
                outcome["late"].append(schedule_id)
        elif schedule.state == State.FAILED:
            outcome["failed"].append(schedule_id)
        else:
            outcome["refused"].append(schedule_id)
    return outcome
