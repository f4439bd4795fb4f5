"""What the term and consistency checks store: runs, findings, the concepts each release uses,
and the checks and re-checks still waiting for a worker."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from records.models import Release
from records.units import MAX_KEY_LENGTH
from translations.checks.vocabulary import Severity

# The review models live with the review code; importing them here registers them.
from translations.glossary.models import LANGUAGE_CHOICES, Concept, GlossaryState, Term


class CheckRun(models.Model):
    """The latest term check of one release in one target language."""

    release = models.ForeignKey(
        "records.Release", on_delete=models.CASCADE, related_name="check_runs"
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    revision_number = models.PositiveIntegerField(_("revision"))
    glossary_version = models.CharField(_("glossary version"), max_length=32)
    checked_at = models.DateTimeField(_("checked"), auto_now=True)

    class Meta:
        verbose_name = _("term check run")
        verbose_name_plural = _("term check runs")
        constraints = [
            models.UniqueConstraint(fields=["release", "language"], name="check_run_unique"),
        ]

    def __str__(self):
        return f"{self.release_id} [{self.language}] r{self.revision_number}"

    def is_current(self, revision_number, glossary_version=None):
        """Return whether this run's findings are those of revision ``revision_number`` checked
        against glossary ``glossary_version`` (default: the current glossary)."""
        if glossary_version is None:
            glossary_version = GlossaryState.current()
        return self.revision_number == revision_number and self.glossary_version == glossary_version


class ReleaseConcept(models.Model):
    """A concept the term check found in a release's source text or its ``language`` text.

    Written with the check run of that language (the rows of a release and language are
    replaced together); read to find the releases a glossary change touches. ``concept_id``
    is a plain indexed number, not a foreign key: the row outlives its concept, so deleting a
    concept still re-checks the releases that used it.
    """

    release = models.ForeignKey(
        "records.Release", on_delete=models.CASCADE, related_name="concepts_used"
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    concept_id = models.BigIntegerField(_("concept"), db_index=True)

    class Meta:
        verbose_name = _("concept used by a release")
        verbose_name_plural = _("concepts used by releases")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "language", "concept_id"], name="release_concept_unique"
            ),
        ]

    def __str__(self):
        return f"{self.release_id} [{self.language}] concept {self.concept_id}"


class PendingRecheck(models.Model):
    """A glossary change whose releases still wait to be re-checked (an outbox row).

    Written in the glossary change's transaction; the re-check task turns it into pending
    checks of the affected releases and deletes it. The sweep enqueues the re-check again for
    rows left behind, so a glossary change made while the broker is down is never lost.
    """

    concepts = models.JSONField(_("concepts"), default=list)
    new_terms = models.JSONField(_("concepts with new terms"), null=True, blank=True)
    created_at = models.DateTimeField(_("pending since"), auto_now_add=True)

    class Meta:
        verbose_name = _("pending glossary re-check")
        verbose_name_plural = _("pending glossary re-checks")

    def __str__(self):
        return f"re-check {self.pk}: {len(self.concepts)} concepts"


class PendingCheck(models.Model):
    """A release whose newest revision still waits for its term check (an outbox row).

    Written in the revision's transaction, deleted by the check when done; the sweep enqueues
    the check again for rows left behind (broker down at save time, a task lost).
    """

    release = models.OneToOneField(
        "records.Release", on_delete=models.CASCADE, related_name="pending_check"
    )
    revision_number = models.PositiveIntegerField(_("revision"))
    created_at = models.DateTimeField(_("pending since"), auto_now_add=True)

    class Meta:
        verbose_name = _("pending term check")
        verbose_name_plural = _("pending term checks")

    def __str__(self):
        return f"{self.release_id} r{self.revision_number}"


class Finding(models.Model):
    """What a check found in one unit's text in one target language, at one revision."""

    Severity = Severity

    release = models.ForeignKey(
        "records.Release", on_delete=models.CASCADE, related_name="findings"
    )
    revision_number = models.PositiveIntegerField(_("revision"))
    # The unit's key (records.units): "title", a segment's UUID, "<photo UUID>:caption" or
    # "<photo UUID>:credit". The column keeps its first name (archives, exports).
    segment_key = models.CharField(_("unit"), max_length=MAX_KEY_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    check_id = models.CharField(_("check"), max_length=40)
    # Consistency checks (numbers, dates, form) have no concept.
    concept = models.ForeignKey(
        Concept, on_delete=models.CASCADE, null=True, blank=True, related_name="findings"
    )
    term = models.ForeignKey(
        Term, on_delete=models.SET_NULL, null=True, blank=True, related_name="findings"
    )
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity)
    message = models.TextField(_("message"))
    suggestion = models.CharField(_("suggestion"), max_length=300, blank=True)
    # The message as a translatable template and its values, for readers of other languages.
    template = models.TextField(_("message template"), blank=True)
    params = models.JSONField(_("message values"), default=dict, blank=True)
    # What the finding is about within its unit when no concept says it ("number:50").
    fingerprint = models.CharField(_("fingerprint"), max_length=200, blank=True)

    class Meta:
        ordering = ["release", "language", "id"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        indexes = [models.Index(fields=["release", "language"])]

    def __str__(self):
        return f"{self.check_id} {self.language} {self.segment_key}"

    def display_message(self):
        """Return the message in the active language (the stored English one as fallback)."""
        if not self.template:
            return self.message
        try:
            return gettext(self.template).format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.message

    def check_name(self):
        """Return the translated name of the check that made this finding."""
        from translations.checks import CHECKS

        check = CHECKS.get(self.check_id)
        return gettext(check.name) if check else self.check_id


class ReleaseTermFindings(Release):
    """A release seen from the glossary's side: its term findings per target language."""

    class Meta:
        proxy = True
        verbose_name = _("release term findings")
        verbose_name_plural = _("release term findings")
