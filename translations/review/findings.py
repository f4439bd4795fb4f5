"""Error findings before approval and publishing: current checks, overrides with a reason."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from records.services import release_lock
from translations.checks.models import CheckRun, Finding
from translations.checks.vocabulary import Severity
from translations.review.audit import review_audit
from translations.review.common import (
    ReviewError,
    head_units,
    pair_checksum,
    permission_check,
    target_language_check,
    text_clean,
    unit_label,
)
from translations.review.models import MAX_REASON_CHARS, FindingOverride, UnitStatus
from translations.review.vocabulary import EventAction

ERR_NOT_AN_ERROR = gettext_lazy(
    "only error findings can be overridden (this one is a %(severity)s); nothing was changed"
)


def terms_are_current(release, language):
    """Return whether the stored findings are those of the head revision and glossary."""
    run = CheckRun.objects.filter(release=release, language=language).first()
    return run is not None and run.is_current(release.head_number)


def terms_current(release, language):
    """Make sure the stored findings are those of the head revision and current glossary."""
    if not terms_are_current(release, language):
        from translations.checks.services import release_terms_check

        release_terms_check(release, languages=[language])


def blocking_findings(release, language, units, keys=None):
    """Return the error findings of the head revision with no override for the current text."""
    found = blocking_findings_by_language(release, [language], units)[language]
    if keys is not None:
        found = [finding for finding in found if str(finding.segment_key) in keys]
    return found


def blocking_findings_by_language(release, targets, units):
    """Return ``{language: [finding, …]}``: :func:`blocking_findings` of several languages in
    two queries."""
    findings = Finding.objects.filter(
        release=release,
        language__in=list(targets),
        severity=Severity.ERROR,
        revision_number=release.head_number,
    ).select_related("concept")
    overrides = set(
        FindingOverride.objects.filter(release=release, language__in=list(targets)).values_list(
            "language", "key", "check_id", "concept_id", "fingerprint", "text_checksum"
        )
    )
    source = release.source_language
    blocking = {language: [] for language in targets}
    for finding in findings:
        key = str(finding.segment_key)
        unit = units.get(key)
        if unit is None:
            continue
        checksum = pair_checksum(unit.text(source), unit.text(finding.language))
        wanted = (
            finding.language,
            key,
            finding.check_id,
            finding.concept_id,
            finding.fingerprint,
            checksum,
        )
        if wanted not in overrides:
            blocking[finding.language].append(finding)
    return blocking


def blocking_message(blocking, units):
    """Return the refusal naming the first unit with blocking findings."""
    first = str(blocking[0].segment_key)
    own = [finding for finding in blocking if str(finding.segment_key) == first]
    units_with = len({str(finding.segment_key) for finding in blocking})
    values = {
        "unit": unit_label(first, units),
        "count": len(own),
        "finding": own[0].display_message(),
        "units": units_with,
    }
    if units_with > 1:
        return (
            ngettext(
                "%(unit)s has %(count)s error finding without an override (%(finding)s), and "
                "%(units)s units in all have some: fix the text or override each finding with a "
                "reason first. Nothing was changed.",
                "%(unit)s has %(count)s error findings without an override (%(finding)s), and "
                "%(units)s units in all have some: fix the text or override each finding with a "
                "reason first. Nothing was changed.",
                len(own),
            )
            % values
        )
    return (
        ngettext(
            "%(unit)s has %(count)s error finding without an override (%(finding)s): fix the "
            "text or override it with a reason first. Nothing was changed.",
            "%(unit)s has %(count)s error findings without an override (%(finding)s): fix the "
            "text or override them with a reason first. Nothing was changed.",
            len(own),
        )
        % values
    )


@transaction.atomic
def finding_override(release, language, key, *, check_id, concept_id, reason, user, fingerprint=""):
    """Record a reviewer's reason why an error finding does not apply to this text.

    A finding is named by its check, its concept (None for consistency findings) and its
    fingerprint (which number, date or mark it is about; "" for term findings).
    """
    release = release_lock(release.pk)
    target_language_check(release, language)
    permission_check(user, "review_text", _("override findings of"), language)
    reason = text_clean(reason, _("the reason"), MAX_REASON_CHARS)
    _snapshot, units = head_units(release)
    unit = units.get(key)
    found = None
    if unit is not None:
        # The finding must be one of the current text, as the reviewer sees it checked.
        terms_current(release, language)
        found = Finding.objects.filter(
            release=release,
            language=language,
            segment_key=key,
            check_id=check_id,
            concept_id=concept_id,
            fingerprint=fingerprint,
            revision_number=release.head_number,
        ).first()
    if found is None:
        raise ReviewError(_("there is no such finding on the current text; nothing was changed"))
    if found.severity != Severity.ERROR:
        # Warnings never block approval or publishing: there is nothing to override.
        raise ReviewError(ERR_NOT_AN_ERROR % {"severity": found.get_severity_display()})
    source = release.source_language
    override, created = FindingOverride.objects.get_or_create(
        release=release,
        key=key,
        language=language,
        check_id=check_id,
        concept_id=concept_id,
        fingerprint=fingerprint,
        text_checksum=pair_checksum(unit.text(source), unit.text(language)),
        defaults={"reason": reason, "created_by": user},
    )
    if created:
        state = (
            UnitStatus.objects.filter(release=release, language=language, key=key)
            .values_list("state", flat=True)
            .first()
        )
        review_audit(
            EventAction.OVERRIDDEN,
            user=user,
            release=release,
            language=language,
            units=[(key, state, state)],
            reason=f"{check_id}: {reason}",
            log="finding.override",
            details={
                "unit": key,
                "check": check_id,
                "concept": concept_id,
                "fingerprint": fingerprint,
                "reason": reason,
            },
        )
    return override
