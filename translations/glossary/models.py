"""The glossary: concepts, their terms per language, and the glossary version."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from translations.glossary.forms import term_match_forms
from translations.glossary.vocabulary import TermStatus

# The review models live with the review code; importing them here registers them.

LANGUAGE_CHOICES = settings.LANGUAGES


class Concept(models.Model):
    identifier = models.SlugField(_("identifier"), max_length=100, unique=True)
    subject_field = models.CharField(_("subject field"), max_length=200, blank=True)
    definition = models.TextField(_("definition"), blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["identifier"]
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")

    def __str__(self):
        return self.identifier


class Term(models.Model):
    Status = TermStatus

    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, related_name="terms", verbose_name=_("concept")
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    text = models.CharField(_("term"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PREFERRED)
    case_sensitive = models.BooleanField(_("case-sensitive"), default=False)
    part_of_speech = models.CharField(_("part of speech"), max_length=40, blank=True)
    note = models.TextField(_("note"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    # Other spellings the terminologist declares, one a line ("vice-ministerial-level
    # consultation" for "vice-ministerial consultations"): matched as the term itself.
    variants = models.TextField(
        _("variants"),
        blank=True,
        help_text=_(
            "Other spellings matched as this term, one a line: a hyphenated or compound form "
            "(“vice-ministerial-level consultation”)."
        ),
    )
    # Derived from language, text and case sensitivity whenever the term is saved (and by
    # fill_match_forms before a bulk write): the automaton build reads them, lemmatising nothing.
    match_forms = models.JSONField(_("match forms"), default=dict, blank=True, editable=False)

    # Fields the match forms are derived from.
    MATCH_SOURCE_FIELDS = frozenset({"language", "text", "case_sensitive", "variants"})

    class Meta:
        ordering = ["concept", "language", "position", "id"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "language", "text"], name="term_unique_per_concept"
            ),
        ]
        indexes = [models.Index(fields=["language", "status"])]

    def __str__(self):
        return f"{self.text} [{self.language}, {self.status}]"

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is None or self.MATCH_SOURCE_FIELDS.intersection(update_fields):
            self.fill_match_forms()
            if update_fields is not None:
                update_fields = {*update_fields, "match_forms"}
        super().save(*args, update_fields=update_fields, **kwargs)

    def fill_match_forms(self):
        """Compute the term's match forms from its language, text and case sensitivity."""
        self.match_forms = term_match_forms(
            self.language, self.text, self.case_sensitive, self.variants
        )
        return self


class GlossaryState(models.Model):
    """A single row whose ``version`` token changes whenever the glossary does."""

    # A random token rather than a counter: a flushed or restored database never brings
    # back a token that a worker's cached automaton was built for.
    version = models.CharField(max_length=32, default="")

    class Meta:
        verbose_name = _("glossary state")

    def __str__(self):
        return f"glossary {self.version}"

    @classmethod
    def current(cls):
        """Return the glossary version token ("" before the first change)."""
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or ""

    @classmethod
    def bump(cls):
        """Give the glossary a new version token (inside the writing transaction)."""
        cls.objects.update_or_create(pk=1, defaults={"version": uuid.uuid4().hex})
