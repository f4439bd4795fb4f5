"""What a release is: topics, releases, their segments and photos, revisions, publications."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from config import languages
from config.limits import MAX_TITLE_CHARS

from .vocabulary import MarkerStyle, SegmentKind

# Revision numbers are PositiveIntegerField values; larger numbers cannot name one.
REVISION_NUMBER_MAX = 2**31 - 1


class ImmutableRevisionError(Exception):
    """Raised when code tries to change or delete a stored revision."""

    message = _("Revisions are immutable: they can be neither changed nor deleted.")

    def __str__(self):
        return str(self.message)


class Topic(models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class Release(models.Model):
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="releases", verbose_name=_("topic")
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=MAX_TITLE_CHARS)
    # The language the release was written in; the others are translated from it.
    source_language = models.CharField(
        _("source language"),
        max_length=8,
        choices=languages.choices(),
        default=languages.DEFAULT_SOURCE,
    )
    # Number of the newest revision; a write names the number it was based on.
    head_number = models.PositiveIntegerField(_("head revision"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-date", "slug"]
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        permissions = [
            ("publish_release", _("Can publish a release revision")),
            *(
                (f"edit_text_{language.code}", format_lazy(_("Can edit {} text"), language.name))
                for language in languages.LANGUAGES
            ),
            *(
                (
                    f"review_text_{language.code}",
                    format_lazy(_("Can review {} text"), language.name),
                )
                for language in languages.LANGUAGES
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    @property
    def label(self):
        """Return the title with the date and slug, which tell releases of one title apart."""
        about = [formats.date_format(self.date, "DATE_FORMAT")] if self.date else []
        if self.title:
            about.append(self.slug)
        return f"{self} ({' · '.join(about)})" if about else str(self)

    @property
    def target_languages(self):
        """Return the codes this release is translated into (every language but its source)."""
        return languages.targets(self.source_language)

    def target_refusal(self, language):
        """Return why ``language`` is not a target of this release, or "" when it is one.

        The one answer every path gives (workbench, review actions, exchange files, commands).
        """
        if language in self.target_languages:
            return ""
        values = {
            "language": language,
            "slug": self.slug,
            "targets": ", ".join(self.target_languages),
        }
        if language not in languages.CODES:
            return (
                gettext(
                    "%(language)s is not a target language of “%(slug)s”: it is not a language "
                    "Concord keeps (its targets: %(targets)s)"
                )
                % values
            )
        return gettext(
            "%(language)s is not a target language of “%(slug)s”: %(name)s is the source "
            "language (its targets: %(targets)s)"
        ) % {**values, "name": languages.name_in_sentence(language)}


class Segment(models.Model):
    Kind = SegmentKind
    Style = MarkerStyle

    release = models.ForeignKey(
        Release, on_delete=models.CASCADE, related_name="segments", verbose_name=_("release")
    )
    key = models.UUIDField(_("key"), default=uuid.uuid4, editable=False)
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PARAGRAPH)
    level = models.PositiveSmallIntegerField(_("level"), default=0)
    # The marker's numeral system as written; the number itself comes from the position.
    style = models.CharField(
        _("marker style"), max_length=30, choices=MarkerStyle, default=MarkerStyle.NONE, blank=True
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["release", "position", "id"]
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        constraints = [
            models.UniqueConstraint(fields=["release", "key"], name="segment_key_unique"),
        ]

    def __str__(self):
        return f"{self.position}: {self.text[:60]}"


class Photo(models.Model):
    release = models.ForeignKey(
        Release, on_delete=models.CASCADE, related_name="photos", verbose_name=_("release")
    )
    key = models.UUIDField(_("key"), default=uuid.uuid4, editable=False)
    position = models.PositiveIntegerField(_("position"), default=0)
    caption = models.CharField(_("caption"), max_length=MAX_TITLE_CHARS, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    # Content-addressed (records.photos): the name is the SHA-256 of the file's bytes.
    image = models.ImageField(_("image"), upload_to="photos/", max_length=200, blank=True)

    class Meta:
        ordering = ["release", "position", "id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        constraints = [
            models.UniqueConstraint(fields=["release", "key"], name="photo_key_unique"),
        ]

    def __str__(self):
        return self.caption


class ImmutableQuerySet(models.QuerySet):
    """A queryset that refuses to change or delete rows: they are only ever inserted."""

    def update(self, **kwargs):
        raise ImmutableRevisionError

    def delete(self):
        raise ImmutableRevisionError


class ImmutableModel(models.Model):
    """A row of the history: written once, never changed or deleted (``records.guards``
    refuses it in the database too)."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableRevisionError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRevisionError


class Revision(ImmutableModel):
    release = models.ForeignKey(
        Release, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("release")
    )
    number = models.PositiveIntegerField(_("number"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    message = models.CharField(_("message"), max_length=500, blank=True)
    checksum = models.CharField(_("checksum"), max_length=64)

    # Set by a writer on the revision it gives the listeners when it changed texts only
    # (``records.units.TextEdits``); None: anything may have changed.
    text_edits = None

    class Meta:
        ordering = ["release", "-number"]
        get_latest_by = "number"
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(fields=["release", "number"], name="revision_number_unique"),
        ]

    def __str__(self):
        return f"{self.release_id} r{self.number}"

    @cached_property
    def snapshot(self):
        """The revision's full content, as ``records.snapshots.release_snapshot`` shapes it
        (in the schema it was written in: see ``snapshot_upgrade``)."""
        from .revisions.reading import snapshots_read

        return snapshots_read([self])[self.pk]


class Publication(models.Model):
    """One act of publishing: readers of ``language`` see ``revision`` from then on."""

    release = models.ForeignKey(
        Release, on_delete=models.PROTECT, related_name="publications", verbose_name=_("release")
    )
    language = models.CharField(_("language"), max_length=8, choices=languages.choices())
    revision = models.ForeignKey(
        Revision, on_delete=models.PROTECT, related_name="publications", verbose_name=_("revision")
    )
    # The slug readers reach this publication by: the published revision's, not the draft's.
    slug = models.SlugField(_("slug"), max_length=200)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [
            models.Index(fields=["release", "language", "-id"]),
            models.Index(fields=["slug", "language"], name="records_pub_slug_lang_idx"),
        ]

    def __str__(self):
        return f"{self.release_id} [{self.language}] r{self.revision_id}"


# The reader read model lives with its readers; imported here so Django registers it.
from .api.models import ApiToken  # noqa: E402, F401
from .reader.models import ReaderImage, ReaderPage  # noqa: E402, F401
from .revisions.models import RevisionChange, RevisionSlot, RevisionText  # noqa: E402, F401
from .scheduling.models import ScheduledPublication  # noqa: E402, F401
