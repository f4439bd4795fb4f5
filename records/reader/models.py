"""The reader read model: what readers of one language see of one release, written on publish."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from config import languages
from config.limits import MAX_TITLE_CHARS


class ReaderPageQuerySet(models.QuerySet):
    def in_language(self, language):
        """Return the pages readers of ``language`` see, newest release first."""
        return self.filter(language=language).order_by("-date", "slug")

    def listed(self):
        """Leave out the columns a list does not show (body, units, search text)."""
        return self.only(
            "id",
            "release_id",
            "language",
            "slug",
            "title",
            "date",
            "topic_slug",
            "topic_name",
            "summary",
            "published_at",
        )


class ReaderPage(models.Model):
    """The current publication of a release in one language, as readers see it.

    Written in the publishing transaction and rebuilt by ``manage.py rebuild_reader``; reader
    pages, feeds, sitemaps and search read only this table.
    """

    release = models.ForeignKey(
        "records.Release", on_delete=models.CASCADE, related_name="reader_pages"
    )
    language = models.CharField(_("language"), max_length=8, choices=languages.choices())
    publication = models.ForeignKey(
        "records.Publication", on_delete=models.CASCADE, related_name="+"
    )
    published_at = models.DateTimeField(_("published"))
    slug = models.SlugField(_("slug"), max_length=200)
    title = models.CharField(_("title"), max_length=MAX_TITLE_CHARS)
    date = models.DateField(_("date"))
    topic = models.ForeignKey(
        "records.Topic", on_delete=models.SET_NULL, null=True, related_name="reader_pages"
    )
    topic_slug = models.SlugField(_("topic"), max_length=100)
    # The topic's name as published with the release (topic pages use its current name).
    topic_name = models.CharField(_("topic name"), max_length=200, blank=True)
    source_language = models.CharField(_("source language"), max_length=8)
    # The revision this language version follows, and a checksum of that revision's source
    # text: a translation lags when the source page follows a newer, different source text.
    revision_number = models.PositiveIntegerField(_("revision"))
    revision_created_at = models.DateTimeField(_("revision created"))
    source_checksum = models.CharField(max_length=64)
    summary = models.TextField(_("summary"), blank=True)
    body_html = models.TextField(_("body"), blank=True)
    body_text = models.TextField(_("plain text"), blank=True)
    # Numbered segments and photos, keyed for the side-by-side view.
    units = models.JSONField(default=dict)
    # Search columns: lemmas (words languages with a lemmatizer) or character bigrams
    # (unspaced languages), space-separated; the vector is filled on PostgreSQL only.
    search_lemmas = models.TextField(blank=True)
    search_bigrams = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ReaderPageQuerySet.as_manager()

    class Meta:
        verbose_name = _("reader page")
        verbose_name_plural = _("reader pages")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "language"], name="readerpage_release_language_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["language", "-date", "slug"], name="readerpage_latest_idx"),
            models.Index(
                fields=["language", "topic_slug", "-date", "slug"], name="readerpage_topic_idx"
            ),
            models.Index(fields=["slug", "language"], name="readerpage_slug_idx"),
        ]

    def __str__(self):
        return f"{self.slug} [{self.language}]"


class ReaderImage(models.Model):
    """A photo file a reader page shows: only these are served to readers."""

    page = models.ForeignKey(ReaderPage, on_delete=models.CASCADE, related_name="images")
    digest = models.CharField(max_length=64, db_index=True)

    def __str__(self):
        return self.digest
