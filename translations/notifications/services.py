"""Notifications are written here: recorded in the transaction of what caused them, mailed
by a task once it commits; profiles (how often mail comes) and read marks change here.

:func:`users_notify` is the one call for "tell these users of this event"; a sender with
notifications of several kinds or payloads from one action records them together with
:func:`notifications_record`, so each recipient gets one mail for the action.
"""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config import languages
from config.middleware import request_origin
from translations.enqueue import task_send
from translations.notifications.kinds import MESSAGE
from translations.notifications.models import Notification, NotificationProfile

# The task that mails a batch's notifications (translations.notifications.tasks), by name.
NOTIFICATIONS_SEND = "translations.notifications.send"
MAX_SUBJECT_CHARS = 200


class NotificationError(ValueError):
    """A notification request cannot be carried out as asked; nothing was changed."""


@dataclass
class Notice:
    """One notification to record: who (a user), of what ``event`` (at most once each)."""

    recipient: object
    event: str
    kind: str
    payload: dict = field(default_factory=dict)


def base_url(origin=""):
    """Return where links start: ``CONCORD_BASE_URL``, else ``origin`` (the address the
    action was made to), else "" (links stay paths)."""
    return (settings.CONCORD_BASE_URL or origin or "").rstrip("/")


def link(payload):
    """Return the absolute link a notification's payload names, or "" when it names none."""
    path = payload.get("path", "")
    return f"{base_url(payload.get('origin', ''))}{path}" if path else ""


def notifications_record(notices, *, batch=None, origin=None):
    """Record ``notices`` in the current transaction and mail them once it commits; return
    the batch id they share (one mail per recipient for it).

    Inactive recipients are left out; an event a recipient was told of already is not told
    again; a recipient without an address gets no mail (the notification is marked as
    needing none). ``origin`` defaults to the address of the current request.
    """
    batch = batch or uuid.uuid4()
    origin = request_origin() if origin is None else origin
    now = timezone.now()
    rows = [
        Notification(
            recipient=notice.recipient,
            event=notice.event[:200],
            batch=batch,
            kind=notice.kind,
            payload={**notice.payload, "origin": origin},
            created=now,
            sent_at=None if notice.recipient.email else now,
        )
        for notice in notices
        if notice.recipient.is_active
    ]
    if rows:
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        task_send(NOTIFICATIONS_SEND, str(batch), label=f"the notifications of batch {batch}")
    return batch


def users_notify(users, *, event, subject, body="", path="", origin=None):
    """Tell ``users`` of ``event`` — in their notification list and by mail, as each of them
    chose — with ``subject`` (one line), ``body`` (plain text) and a link to ``path``.

    ``event`` names what happened ("publication-failed:<schedule id>:<attempt>"): a user is
    told of one event once, however often this is called. Call it inside the transaction
    that records what happened; mail goes out after commit. Return the batch id.
    """
    subject = " ".join(str(subject).split())
    if not subject or not event:
        raise NotificationError(_("a notification needs an event and a subject"))
    payload = {"subject": subject[:MAX_SUBJECT_CHARS], "body": str(body), "path": path}
    with transaction.atomic():
        return notifications_record(
            [Notice(user, event, MESSAGE, payload) for user in users], origin=origin
        )


def profile_digest(user):
    """Return how often ``user`` wants notification mail (a ``NotificationProfile.Digest``)."""
    found = NotificationProfile.objects.filter(user=user).values_list("digest", flat=True)
    return found.first() or NotificationProfile.Digest.IMMEDIATELY


def profile_language(user):
    """Return the language ``user``'s notification mail is written in: their choice, else the
    site's (``LANGUAGE_CODE``)."""
    found = NotificationProfile.objects.filter(user=user).values_list("language", flat=True)
    return found.first() or settings.LANGUAGE_CODE


@transaction.atomic
def profile_update(user, *, digest, language=""):
    """Set how often ``user`` wants notification mail and in which language ("" for the
    site's); refuse an unknown choice, changing nothing."""
    if digest not in NotificationProfile.Digest.values:
        raise NotificationError(
            _("“%(digest)s” is not a choice of how often mail comes; nothing was changed")
            % {"digest": str(digest)[:40]}
        )
    if language and language not in languages.CODES:
        raise NotificationError(
            _("“%(language)s” is not a language mail can be written in; nothing was changed")
            % {"language": str(language)[:40]}
        )
    profile, _created = NotificationProfile.objects.update_or_create(
        user=user, defaults={"digest": digest, "language": language}
    )
    return profile


@transaction.atomic
def notifications_settle(queryset):
    """Mark the notifications of ``queryset`` read and needing no mail (what a loader recorded
    as past history, which nobody is to be told of now); return how many changed."""
    now = timezone.now()
    unread = queryset.filter(read_at__isnull=True).update(read_at=now)
    unsent = queryset.filter(sent_at__isnull=True).update(sent_at=now)
    return max(unread, unsent)


@transaction.atomic
def notifications_read(user, ids=None):
    """Mark ``user``'s notifications ``ids`` (all of them when None) read; return how many
    changed. Refuse ids that are not ``user``'s own, changing nothing."""
    mine = Notification.objects.filter(recipient=user)
    if ids is not None:
        ids = set(ids)
        found = set(mine.filter(pk__in=ids).values_list("pk", flat=True))
        if not ids or found != ids:
            raise NotificationError(
                _("no such notification of yours: %(ids)s; nothing was changed")
                % {"ids": ", ".join(str(pk) for pk in sorted(ids - found)[:5]) or "—"}
            )
        mine = mine.filter(pk__in=ids)
    return mine.filter(read_at__isnull=True).update(read_at=timezone.now())
