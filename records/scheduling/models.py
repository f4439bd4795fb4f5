"""A publication asked for a later time: which languages of a release, when, by whom, and
what became of it."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A publication this long after its time says it was late; a pending schedule this long past
# its time says no sweep has run it (beat sweeps every 30 seconds).
LATE_AFTER = datetime.timedelta(minutes=2)


class ScheduledPublication(models.Model):
    """Languages of a release to publish together at ``publish_at`` (the newest revision then,
    through the same gate as a publication by hand)."""

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        DONE = "done", _("published")
        CANCELLED = "cancelled", _("cancelled")
        FAILED = "failed", _("failed")

    release = models.ForeignKey(
        "records.Release",
        on_delete=models.PROTECT,
        related_name="schedules",
        verbose_name=_("release"),
    )
    # Language codes, in the configured order.
    languages = models.JSONField(_("languages"), default=list)
    publish_at = models.DateTimeField(_("publish at"))
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    created_at = models.DateTimeField(_("scheduled"), auto_now_add=True)
    # Every run that got as far as the gate; the last refusal stays until one succeeds.
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    attempted_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The revision that was published (the newest one when it ran).
    revision_number = models.PositiveIntegerField(_("revision"), null=True, blank=True)
    # Published well after ``publish_at`` (no worker ran then, or the gate refused first).
    late = models.BooleanField(_("late"), default=False)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["publish_at", "id"]
        verbose_name = _("scheduled publication")
        verbose_name_plural = _("scheduled publications")
        indexes = [
            models.Index(fields=["state", "publish_at"], name="records_schedule_due_idx"),
            models.Index(fields=["release", "state"], name="records_schedule_release_idx"),
        ]

    def __str__(self):
        return f"{self.release_id} [{','.join(self.languages)}] {self.publish_at:%Y-%m-%d %H:%M}"

    @property
    def is_pending(self):
        return self.state == self.State.PENDING

    @property
    def overdue(self):
        """Pending well past its time without a refusal: no sweep has tried it."""
        return (
            self.is_pending
            and not self.last_error
            and self.publish_at is not None
            and timezone.now() - self.publish_at > LATE_AFTER
        )
