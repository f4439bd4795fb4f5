"""What review records: unit states, finding overrides, comments, the audit log."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from config.limits import MAX_COMMENT_CHARS as MAX_COMMENT_CHARS
from config.limits import MAX_REASON_CHARS as MAX_REASON_CHARS
from records.models import Release
from records.units import MAX_KEY_LENGTH
from translations.review.vocabulary import EventAction, UnitState

LANGUAGE_CHOICES = settings.LANGUAGES


class UnitStatus(models.Model):
    """The state of one unit's translation into one target language of a release."""

    State = UnitState

    release = models.ForeignKey(
        Release, on_delete=models.CASCADE, related_name="unit_states", verbose_name=_("release")
    )
    key = models.CharField(_("unit"), max_length=MAX_KEY_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    state = models.PositiveSmallIntegerField(
        _("state"), choices=UnitState, default=UnitState.UNTRANSLATED
    )
    # Checksum of the source text the translation follows; and the source text it was made
    # from while it is outdated, kept until it is approved again (to show translators and
    # reviewers what changed).
    source_checksum = models.CharField(_("source checksum"), max_length=40, blank=True)
    source_previous = models.TextField(_("previous source text"), blank=True)
    target_checksum = models.CharField(_("text checksum"), max_length=40, blank=True)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("translated by"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    # A reviewer who corrected the translation while reviewing it (ISO 17100's reviser):
    # the translation stays its translator's, and the reviser may approve it.
    revised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revised by"),
    )
    # The state an outdated unit had before its source changed: it returns to it (needs
    # review stays needs review) when the source is put back.
    outdated_from = models.PositiveSmallIntegerField(
        _("state before outdated"), choices=UnitState, null=True, blank=True
    )
    # The revision whose text this state is about (the latest change of either side).
    revision_number = models.PositiveIntegerField(_("revision"))
    changed_at = models.DateTimeField(_("changed"), auto_now=True)
    # The last approval, kept when the texts change afterwards: what the reviewer approved
    # (shown as the base of the translation's diff) and for which source; the unit is
    # approved again by that reviewer when both texts return to it. A request for changes
    # withdraws it (the source checksum is cleared, the text kept for the diff).
    approval_text = models.TextField(_("approved text"), blank=True)
    approval_target_checksum = models.CharField(
        _("approved text checksum"), max_length=40, blank=True
    )
    approval_source_checksum = models.CharField(
        _("approved source checksum"), max_length=40, blank=True
    )
    approval_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last approved by"),
    )
    approval_revision = models.PositiveIntegerField(
        _("approved in revision"), null=True, blank=True
    )
    # The text checksum of the last submission for review, and whether that submission
    # repeated the one before it unchanged.
    submitted_checksum = models.CharField(_("submitted text checksum"), max_length=40, blank=True)
    submitted_unchanged = models.BooleanField(_("submitted unchanged"), default=False)

    class Meta:
        verbose_name = _("unit state")
        verbose_name_plural = _("unit states")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "key", "language"], name="unit_status_unique"
            ),
            # Four eyes (ISO 17100): an approved text names an approver who is not its
            # translator (its reviser may approve it), and a reviser is never the translator.
            models.CheckConstraint(
                condition=(
                    ~Q(state=UnitState.APPROVED)
                    | (Q(approved_by__isnull=False) & Q(translated_by__isnull=True))
                    | (Q(approved_by__isnull=False) & ~Q(approved_by=F("translated_by")))
                )
                & (
                    Q(revised_by__isnull=True)
                    | Q(translated_by__isnull=True)
                    | ~Q(revised_by=F("translated_by"))
                ),
                name="unit_status_four_eyes",
            ),
        ]
        indexes = [models.Index(fields=["release", "language", "state"])]

    def __str__(self):
        return f"{self.release_id} {self.key} [{self.language}] {self.get_state_display()}"


class FindingOverride(models.Model):
    """A reviewer's written decision that a finding does not apply to this text."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="finding_overrides")
    key = models.CharField(_("unit"), max_length=MAX_KEY_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    check_id = models.CharField(_("check"), max_length=40)
    concept = models.ForeignKey(
        "translations.Concept",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="overrides",
    )
    # The finding's fingerprint: which number, date or mark of the text it is about.
    fingerprint = models.CharField(_("fingerprint"), max_length=200, blank=True)
    # Checksum of the source and target texts it was given for: kept while both are unchanged.
    text_checksum = models.CharField(_("text checksum"), max_length=40)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("finding override")
        verbose_name_plural = _("finding overrides")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "release",
                    "key",
                    "language",
                    "check_id",
                    "concept",
                    "fingerprint",
                    "text_checksum",
                ],
                name="finding_override_unique",
            ),
            # NULLs are distinct in a unique constraint: overrides without a concept need
            # their own.
            models.UniqueConstraint(
                fields=["release", "key", "language", "check_id", "fingerprint", "text_checksum"],
                condition=Q(concept__isnull=True),
                name="finding_override_unique_no_concept",
            ),
        ]

    def __str__(self):
        return f"{self.release_id} {self.key} [{self.language}] {self.check_id}"


class Comment(models.Model):
    """A comment on a unit, in the source or a target language; replies point to the first."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="comments")
    key = models.CharField(_("unit"), max_length=MAX_KEY_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["release", "language", "key"])]

    def __str__(self):
        return f"{self.release_id} {self.key} [{self.language}] {self.text[:40]}"

    @property
    def is_open(self):
        return self.resolved_at is None


class ImmutableEventError(Exception):
    message = _("Audit events are immutable: they can be neither changed nor deleted.")

    def __str__(self):
        return str(self.message)


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableEventError

    def delete(self):
        raise ImmutableEventError


class Event(models.Model):
    """One entry of the append-only audit log of review actions."""

    Action = EventAction

    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="events")
    key = models.CharField(_("unit"), max_length=MAX_KEY_LENGTH, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    action = models.CharField(_("action"), max_length=30, choices=EventAction)
    from_state = models.PositiveSmallIntegerField(
        _("from"), choices=UnitState, null=True, blank=True
    )
    to_state = models.PositiveSmallIntegerField(_("to"), choices=UnitState, null=True, blank=True)
    revision_number = models.PositiveIntegerField(_("revision"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    reason = models.TextField(_("reason or comment"), blank=True)
    # One id for every event of one action (a bulk approval, one revision's state changes).
    batch = models.UUIDField(_("batch"), default=uuid.uuid4)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["release", "language", "-id"]),
            models.Index(fields=["release", "key", "-id"]),
        ]

    def __str__(self):
        return f"{self.release_id} {self.key} [{self.language}] {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableEventError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableEventError
