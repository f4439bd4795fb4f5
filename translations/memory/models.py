"""Translation memory: approved (or imported) source/target pairs and their token index.

An entry never points at a release in a way that could delete it: the release is a nullable
link (``SET_NULL``) with its slug kept as text, so entries outlive edits, restores and even
the release itself. The same (source, target, languages) pair is stored once
(``pair_hash``), with the newest metadata.

``MemoryToken`` and ``MemoryPosting`` are an inverted index over the entries' sources (words
for word languages, character bigrams for the others), each token with the number of entries
holding it, so a lookup reads only the postings of a unit's rarest tokens.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from records.models import Release

LANGUAGE_CHOICES = settings.LANGUAGES
TOKEN_MAX_LENGTH = 64


class MemoryEntry(models.Model):
    source_language = models.CharField(_("source language"), max_length=8, choices=LANGUAGE_CHOICES)
    target_language = models.CharField(_("target language"), max_length=8, choices=LANGUAGE_CHOICES)
    source_text = models.TextField(_("source text"))
    target_text = models.TextField(_("target text"))
    # The normalised source (exact matches) and the whole pair (one entry per pair).
    source_hash = models.CharField(max_length=32)
    pair_hash = models.CharField(max_length=32, unique=True)
    # Words (or characters) of the source: fuzzy candidates are filtered by length first.
    length = models.PositiveIntegerField(default=0)
    release = models.ForeignKey(
        Release,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("release"),
    )
    release_slug = models.CharField(_("release"), max_length=200, blank=True)
    revision_number = models.PositiveIntegerField(_("revision"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    # The approver's name as the entry came (also for entries imported from other tools).
    approver = models.CharField(_("approver"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("created"))
    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory entries")
        indexes = [
            models.Index(
                fields=["source_language", "target_language", "source_hash"],
                name="memory_exact",
            ),
            models.Index(fields=["target_language", "source_language"], name="memory_pair"),
        ]

    def __str__(self):
        return f"{self.source_language}→{self.target_language}: {self.source_text[:60]}"


class MemoryToken(models.Model):
    source_language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES)
    target_language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES)
    text = models.CharField(max_length=TOKEN_MAX_LENGTH)
    # How many entries hold the token: lookups read the rarest tokens' postings first.
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source_language", "target_language", "text"], name="memory_token_unique"
            )
        ]

    def __str__(self):
        return self.text


class MemoryPosting(models.Model):
    # The unique (token, entry) index serves lookups by token.
    token = models.ForeignKey(
        MemoryToken, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    entry = models.ForeignKey(MemoryEntry, on_delete=models.CASCADE, related_name="+")
    # The entry's length, copied so candidates are length-filtered without reading entries.
    length = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "entry"], name="memory_posting_unique")
        ]

    def __str__(self):
        return f"{self.token_id}:{self.entry_id}"
