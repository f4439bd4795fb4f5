"""What webhooks store: the URLs an admin lists, and every delivery with its attempts."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

LANGUAGE_PUBLISHED = "language.published"
LANGUAGE_READY = "language.ready"


class Event(models.TextChoices):
    PUBLISHED = LANGUAGE_PUBLISHED, _("a language version is published")
    READY = LANGUAGE_READY, _("a language becomes ready to publish")


URL_SCHEMES = ("http", "https")
MAX_URL_CHARS = 500


def url_validate(url):
    """Refuse a webhook URL that is not an absolute http(s) address with a host."""
    parts = urlsplit(str(url or "").strip())
    if parts.scheme.lower() not in URL_SCHEMES or not parts.hostname:
        raise ValidationError(
            gettext("A webhook URL starts with http:// or https:// and names a host."),
            code="scheme",
        )


def events_validate(events):
    """Refuse an empty list of events, or one that names an event Concord does not send."""
    if not isinstance(events, list) or not events:
        raise ValidationError(gettext("Choose at least one event."), code="events")
    unknown = [str(event)[:40] for event in events if event not in Event.values]
    if unknown:
        raise ValidationError(
            gettext("Unknown events: %(events)s (expected %(known)s).")
            % {"events": ", ".join(unknown), "known": ", ".join(Event.values)},
            code="events",
        )


class Webhook(models.Model):
    """A URL that receives a signed JSON POST for each event it subscribes to.

    The secret signs every body (HMAC-SHA256); it is kept as it is, since signing needs it,
    and shown to the admins who manage webhooks (only superusers: no role has these
    permissions).
    """

    url = models.CharField(
        _("URL"),
        max_length=MAX_URL_CHARS,
        validators=[url_validate],
        help_text=_("Called from the server: an address the server can reach."),
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    # Checked in clean(): field validators skip an empty list.
    events = models.JSONField(_("events"), default=list, blank=True)
    secret = models.CharField(_("secret"), max_length=100, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.description or self.url

    def clean(self):
        try:
            events_validate(self.events)
        except ValidationError as error:
            raise ValidationError({"events": error}) from None


class WebhookDelivery(models.Model):
    """One event sent (or to be sent) to one webhook, with what each attempt got back.

    ``key`` names the event (``published:<publication id>``, ``ready:<release>:<language>:
    <revision>``): a webhook gets each event once, unless an admin sends it again
    (``resent_from``). ``next_attempt_at`` is when it is due (empty once delivered or failed);
    an attempt in progress moves it ahead by a lease, so a worker that died leaves it due again.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    webhook = models.ForeignKey(
        Webhook, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("webhook")
    )
    event = models.CharField(_("event"), max_length=40, choices=Event)
    key = models.CharField(_("key"), max_length=200)
    payload = models.JSONField(_("payload"), default=dict)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(
        _("last response status"), null=True, blank=True
    )
    response_excerpt = models.TextField(_("last response (beginning)"), blank=True)
    error = models.TextField(_("last error"), blank=True)
    # ``[{"at", "status", "excerpt", "error"}]``: every attempt, oldest first (bounded texts).
    log = models.JSONField(_("attempts log"), default=list)
    created = models.DateTimeField(_("created"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    resent_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resends",
        verbose_name=_("sent again from"),
    )

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["webhook", "key"],
                condition=Q(resent_from__isnull=True),
                name="webhook_delivery_event_once",
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="webhook_delivery_due_idx",
            ),
        ]

    def __str__(self):
        return f"{self.event} #{self.pk} → {self.webhook_id}"
