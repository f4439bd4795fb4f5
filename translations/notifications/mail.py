"""Notification mail: one mail per recipient for an action, or one digest per hour or day,
in the recipient's language (``services.profile_language``).

Sending is safe to repeat (a task delivered twice, a retry after a failure): each mail first
claims its notifications with one conditional UPDATE (``sent_at`` still empty → now, ``mail``
→ this mail's id) inside a transaction, and sends only what it claimed; a second run finds
nothing left to claim. A mail that fails rolls its claim back, so the retry sends it.
"""

import datetime
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from translations.notifications import kinds
from translations.notifications.models import Notification, NotificationProfile
from translations.notifications.services import base_url, link, profile_language

Digest = NotificationProfile.Digest
PREFIX = "[Concord]"


def _with_digest(queryset, path="notification_profile__digest"):
    """Annotate ``digest``: the profile's choice, "immediately" for users without one."""
    return queryset.annotate(digest=Coalesce(path, Value(Digest.IMMEDIATELY)))


def _subject(notifications, digest):
    count = len(notifications)
    if digest == Digest.HOURLY:
        return ngettext(
            "%(prefix)s Your hourly summary: %(count)s notification",
            "%(prefix)s Your hourly summary: %(count)s notifications",
            count,
        ) % {"prefix": PREFIX, "count": count}
    if digest == Digest.DAILY:
        return ngettext(
            "%(prefix)s Your daily summary: %(count)s notification",
            "%(prefix)s Your daily summary: %(count)s notifications",
            count,
        ) % {"prefix": PREFIX, "count": count}
    if count == 1:
        return f"{PREFIX} {kinds.summary(notifications[0])}"
    return ngettext(
        "%(prefix)s %(count)s notification", "%(prefix)s %(count)s notifications", count
    ) % {"prefix": PREFIX, "count": count}


def mail_compose(notifications, digest, language=None):
    """Return the subject and plain-text body of one mail carrying ``notifications``, written
    in ``language`` (the site's when None)."""
    with override(language or settings.LANGUAGE_CODE):
        more = kinds.details(notifications)
        blocks = []
        for notification in notifications:
            lines = [kinds.summary(notification)]
            lines += [f"  {line}" for line in more.get(notification.pk, []) if line]
            address = link(notification.payload)
            if address:
                lines.append(f"  {address}")
            blocks.append("\n".join(lines))
        base = base_url(notifications[-1].payload.get("origin", ""))
        footer = [
            "-- ",
            _("All your notifications: %(url)s")
            % {"url": base + reverse("translations:notifications")},
            _("How often mail comes: %(url)s")
            % {"url": base + reverse("translations:notification_settings")},
        ]
        return _subject(notifications, digest), "\n\n".join(blocks) + "\n\n" + "\n".join(footer)


def recipient_mail(user, pending, digest):
    """Claim ``user``'s unsent notifications among ``pending`` and mail them in one message;
    return 1 when a mail went out, else 0 (nothing left to claim, or no address)."""
    with transaction.atomic():
        mail, now = uuid.uuid4(), timezone.now()
        unsent = pending.filter(recipient=user, sent_at__isnull=True)
        claimed = unsent.update(sent_at=now, mail=mail)
        if not claimed or not (user.email and user.is_active):
            return 0
        found = list(Notification.objects.filter(mail=mail).order_by("created", "pk"))
        subject, body = mail_compose(found, digest, profile_language(user))
        EmailMessage(subject, body, to=[user.email]).send(fail_silently=False)
        return 1


def batch_send(batch):
    """Mail each recipient of ``batch`` who wants mail at once everything still unsent for
    them (the batch's notifications and any left over); return how many mails went out."""
    recipients = _with_digest(
        get_user_model().objects.filter(
            notifications__batch=batch, notifications__sent_at__isnull=True
        )
    ).filter(digest=Digest.IMMEDIATELY)
    sent = 0
    for user in recipients.distinct().order_by("pk"):
        sent += recipient_mail(user, Notification.objects.all(), Digest.IMMEDIATELY)
    return sent


def digest_cutoffs(now):
    """Return ``{digest: time}``: notifications created before it are due for mail at ``now``.

    Hourly digests carry what came before the current hour, daily ones what came before the
    last ``CONCORD_DIGEST_HOUR`` o'clock (local time); mail that a lost task left unsent goes
    out after ``CONCORD_PENDING_CHECK_AGE`` seconds.
    """
    local = timezone.localtime(now)
    hour = local.replace(minute=0, second=0, microsecond=0)
    day = hour.replace(hour=settings.CONCORD_DIGEST_HOUR)
    if day > local:
        day -= datetime.timedelta(days=1)
    late = now - datetime.timedelta(seconds=settings.CONCORD_PENDING_CHECK_AGE)
    return {Digest.IMMEDIATELY: late, Digest.HOURLY: hour, Digest.DAILY: day}


def digests_send(now=None):
    """Mail every digest that is due (and what a lost task left unsent); return how many."""
    cutoffs = digest_cutoffs(now or timezone.now())
    due = Q()
    for digest, cutoff in cutoffs.items():
        due |= Q(digest=digest, created__lt=cutoff)
    pending = (
        _with_digest(
            Notification.objects.filter(sent_at__isnull=True),
            "recipient__notification_profile__digest",
        )
        .filter(due)
        .values_list("recipient", "digest")
        .distinct()
    )
    pending = list(pending)
    users = get_user_model().objects.in_bulk([recipient for recipient, _digest in pending])
    sent = 0
    for recipient, digest in sorted(pending):
        earlier = Notification.objects.filter(created__lt=cutoffs[digest])
        sent += recipient_mail(users[recipient], earlier, digest)
    return sent
