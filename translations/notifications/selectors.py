"""What the notification pages read: a user's notifications and how many are unread."""

from translations.notifications import kinds
from translations.notifications.models import Notification
from translations.notifications.services import link

PAGE_SIZE = 50


def unread_count(user):
    """Return how many of ``user``'s notifications are unread (one indexed count)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_of(user):
    """Return ``user``'s notifications, newest first (a queryset to page through)."""
    return Notification.objects.filter(recipient=user).order_by("-created", "-pk")


def notification_rows(notifications):
    """Return each notification with its summary and link, for a page (no query)."""
    rows = []
    for notification in notifications:
        notification.summary = kinds.summary(notification)
        notification.link = link(notification.payload)
        rows.append(notification)
    return rows
