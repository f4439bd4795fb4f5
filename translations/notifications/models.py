"""What notifications store: each user's digest setting, and every notification once per event."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationProfile(models.Model):
    """A user's notification settings; created the first time they are changed (a user without
    one hears of everything at once, in the site's language)."""

    class Digest(models.TextChoices):
        IMMEDIATELY = "immediately", _("immediately, one mail per action")
        HOURLY = "hourly", _("hourly, one mail with everything of the hour")
        DAILY = "daily", _("daily, one mail with everything of the day")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_profile",
        verbose_name=_("user"),
    )
    digest = models.CharField(
        _("send notification mail"), max_length=20, choices=Digest, default=Digest.IMMEDIATELY
    )
    # The language mail is written in; blank: the site's (``LANGUAGE_CODE``).
    language = models.CharField(
        _("mail language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("notification profile")
        verbose_name_plural = _("notification profiles")

    def __str__(self):
        return f"{self.user_id}: {self.digest}"


class Notification(models.Model):
    """One thing one user is told of, in the list of their notifications and by mail.

    ``event`` names what it tells of, at most once per recipient (``review:<batch>:…``,
    ``ready:<release>:<language>:<revision>``); ``batch`` is the action that caused it (its
    mail goes out after that action commits). ``sent_at`` is set when the mail that carries
    it is claimed (``mail`` names that mail) — or at once when no mail is due, for a recipient
    without an address; ``read_at`` when the recipient read it in the list.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    event = models.CharField(_("event"), max_length=200)
    batch = models.UUIDField(_("batch"), db_index=True)
    kind = models.CharField(_("kind"), max_length=40)
    payload = models.JSONField(_("payload"), default=dict)
    created = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    mail = models.UUIDField(_("mail"), null=True, blank=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event"], name="notification_event_once_per_recipient"
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created"], name="notification_list_idx"),
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
            models.Index(
                fields=["created"],
                condition=Q(sent_at__isnull=True),
                name="notification_unsent_idx",
            ),
            models.Index(fields=["event"], name="notification_event_idx"),
        ]

    def __str__(self):
        return f"{self.recipient_id}: {self.event}"
