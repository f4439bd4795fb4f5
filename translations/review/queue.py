""" "My work": per release and language a user works in, what waits for them, and progress.

"To translate" counts untranslated, outdated and draft units (the workbench's filter of that
name); a language whose units wait for a reviewer other than their translator, where there is
none, says so. A user works in the target languages they edit or review (editors: every
target). Counts come from a few aggregate queries over a page of releases, whatever its size.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q

from records.models import Release
from records.selectors import working_unit_texts
from translations.checks.models import Finding
from translations.checks.vocabulary import Severity
from translations.review import permissions
from translations.review.common import pair_checksum
from translations.review.models import Comment, FindingOverride, UnitStatus
from translations.review.selectors import units_without_reviewer
from translations.review.vocabulary import TODO_STATES, UnitState

PAGE_SIZE = 50


@dataclass
class QueueRow:
    """What waits in one language of one release."""

    release: Release
    language: str
    total: int = 0
    approved: int = 0
    todo: int = 0
    outdated: int = 0
    # None for a user who does not review this language.
    review: int | None = 0
    errors: int = 0
    comments: int = 0
    # Units waiting for review that no one but their translator could approve.
    no_reviewer: int = 0

    @property
    def percent(self):
        return round(100 * self.approved / self.total) if self.total else 0

    @property
    def has_work(self):
        return any((self.todo, self.outdated, self.review, self.errors, self.comments))


def _open_comments():
    return Comment.objects.filter(release=OuterRef("pk"), parent=None, resolved_at=None)


def all_releases():
    """Return every release, newest first."""
    return Release.objects.select_related("topic").order_by("-date", "slug", "pk")


def queue_releases(user, *, everything=False):
    """Return the releases whose units ``user`` works on, newest first; unless
    ``everything``, only those with something waiting in their languages."""
    codes = permissions.work_languages(user)
    releases = all_releases()
    if not codes:
        return releases.none()
    if everything:
        return releases
    pending = UnitStatus.objects.filter(
        release=OuterRef("pk"), language__in=codes, state__lt=UnitState.APPROVED
    )
    errors = Finding.objects.filter(
        release=OuterRef("pk"),
        language__in=codes,
        severity=Severity.ERROR,
        revision_number=F("release__head_number"),
    )
    return releases.filter(Exists(pending) | Exists(_open_comments()) | Exists(errors))


def _state_counts(releases, codes):
    counts = (
        UnitStatus.objects.filter(release__in=releases, language__in=codes)
        .order_by()
        .values("release_id", "language")
        .annotate(
            total=Count("id"),
            approved=Count("id", filter=Q(state=UnitState.APPROVED)),
            todo=Count("id", filter=Q(state__in=TODO_STATES)),
            outdated=Count("id", filter=Q(state=UnitState.OUTDATED)),
            review=Count("id", filter=Q(state=UnitState.NEEDS_REVIEW)),
        )
    )
    return {(row.pop("release_id"), row.pop("language")): row for row in counts}


def _error_counts(releases, codes):
    """Return ``{(release id, language): error findings of the head with no override}``."""
    findings = list(
        Finding.objects.filter(
            release__in=releases,
            language__in=codes,
            severity=Severity.ERROR,
            revision_number=F("release__head_number"),
        ).values_list(
            "release_id", "language", "segment_key", "check_id", "concept_id", "fingerprint"
        )
    )
    if not findings:
        return {}
    ids = {finding[0] for finding in findings}
    # The working copy is the head revision (every write records one): its texts are current.
    texts = working_unit_texts({(finding[0], finding[2]) for finding in findings})
    overrides = set(
        FindingOverride.objects.filter(release_id__in=ids, language__in=codes).values_list(
            "release_id",
            "key",
            "language",
            "check_id",
            "concept_id",
            "fingerprint",
            "text_checksum",
        )
    )
    sources = {release.pk: release.source_language for release in releases}
    counts = {}
    for release_id, language, key, check_id, concept_id, fingerprint in findings:
        unit = texts.get((release_id, key))
        if unit is None:
            continue
        checksum = pair_checksum(unit[sources[release_id]], unit[language])
        wanted = (release_id, key, language, check_id, concept_id, fingerprint, checksum)
        if wanted not in overrides:
            counts[(release_id, language)] = counts.get((release_id, language), 0) + 1
    return counts


def _comment_counts(releases):
    rows = (
        Comment.objects.filter(release__in=releases, parent=None, resolved_at=None)
        .order_by()
        .values_list("release_id", "language")
        .annotate(n=Count("id"))
    )
    return {(release_id, language): n for release_id, language, n in rows}


def my_work(user, releases):
    """Return a :class:`QueueRow` per release of ``releases`` (a page) and language
    ``user`` works in."""
    releases = list(releases)
    codes = permissions.work_languages(user)
    if not releases or not codes:
        return []
    states = _state_counts(releases, codes)
    errors = _error_counts(releases, codes)
    comments = _comment_counts(releases)
    stuck = units_without_reviewer(releases, codes)
    rows = []
    for release in releases:
        source = release.source_language
        for code in permissions.work_languages(user, source):
            counts = states.get((release.pk, code), {})
            rows.append(
                QueueRow(
                    release=release,
                    language=code,
                    total=counts.get("total", 0),
                    approved=counts.get("approved", 0),
                    todo=counts.get("todo", 0),
                    outdated=counts.get("outdated", 0),
                    review=(
                        counts.get("review", 0) if permissions.can_review(user, code) else None
                    ),
                    errors=errors.get((release.pk, code), 0),
                    # The workbench shows threads in the language and in the source.
                    comments=comments.get((release.pk, code), 0)
                    + comments.get((release.pk, source), 0),
                    no_reviewer=stuck.get((release.pk, code), 0),
                )
            )
    return rows
