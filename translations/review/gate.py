"""What a target language of a revision needs before readers may see it.

Every unit with source text must be approved for exactly that revision's source and target
texts, and no error finding of that text may stand without an override. Where units wait for
review that no one but their translator could approve (four eyes), the refusal and the
editor's pages say so. The source language needs no review (only an editor's permission to
publish, checked by records).
"""

from collections import Counter

from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config import languages
from records.extensions import LanguageWork
from records.selectors import working_unit_texts
from records.services import PublicationError
from records.snapshots import snapshot_upgrade
from records.units import text_checksum, translatable_units
from translations.checks.models import CheckRun, Finding, PendingCheck, PendingRecheck
from translations.checks.vocabulary import Severity
from translations.glossary.models import GlossaryState
from translations.review.common import pair_checksum, unit_label
from translations.review.findings import (
    blocking_findings,
    blocking_findings_by_language,
    terms_current,
)
from translations.review.models import FindingOverride, UnitStatus
from translations.review.selectors import units_without_reviewer
from translations.review.vocabulary import UnitState

SHOWN = 5


def _units(revision):
    snapshot = snapshot_upgrade(revision.snapshot)
    source = snapshot["source_language"]
    return source, {unit.key: unit for unit in translatable_units(snapshot, source)}


def _states(release, targets):
    """Return ``{language: {key: state row}}`` of ``targets`` in one query."""
    rows = {language: {} for language in targets}
    for row in UnitStatus.objects.filter(release=release, language__in=list(targets)).only(
        "key", "language", "state", "source_checksum", "target_checksum", "translated_by_id"
    ):
        rows[row.language][row.key] = row
    return rows


def _unapproved(language, source, units, rows):
    missing = []
    for unit in units.values():
        row = rows.get(unit.key)
        if (
            row is None
            or row.state != UnitState.APPROVED
            or row.target_checksum != text_checksum(unit.text(language))
            or row.source_checksum != text_checksum(unit.text(source))
        ):
            missing.append(unit.key)
    return missing


def _without_reviewer(release, language, rows):
    """Return how many of ``rows`` (one language's) wait for review with no reviewer but
    their translator (the reviewers are read only when some unit waits)."""
    waiting = Counter(
        row.translated_by_id for row in rows.values() if row.state == UnitState.NEEDS_REVIEW
    )
    found = [(release.pk, language, who, count) for who, count in waiting.items()]
    return units_without_reviewer([release], [language], found).get((release.pk, language), 0)


def _shown(keys, units):
    return ", ".join(unit_label(key, units) for key in keys[:SHOWN]) + (
        "…" if len(keys) > SHOWN else ""
    )


def _missing_problem(missing, units):
    return ngettext(
        "%(count)s of %(total)s units is not approved for this revision: %(units)s",
        "%(count)s of %(total)s units are not approved for this revision: %(units)s",
        len(missing),
    ) % {"count": len(missing), "total": len(units), "units": _shown(missing, units)}


def _no_reviewer_problem(count, language):
    return ngettext(
        "%(count)s unit waits for review, and no %(language)s reviewer but its translator could "
        "approve it: another user needs the %(language)s reviewer role",
        "%(count)s units wait for review, and no %(language)s reviewer but their translator "
        "could approve them: another user needs the %(language)s reviewer role",
        count,
    ) % {"count": count, "language": languages.name_in_sentence(language)}


def _blocking_problem(blocking, units):
    return ngettext(
        "%(count)s error finding has no override: %(units)s",
        "%(count)s error findings have no override: %(units)s",
        len(blocking),
    ) % {
        "count": len(blocking),
        "units": ", ".join(
            f"{unit_label(str(f.segment_key), units)} ({f.display_message()})"
            for f in blocking[:SHOWN]
        ),
    }


def language_problems(release, language, revision, *, check=False):
    """Return what keeps ``language`` of ``revision`` from readers (empty: nothing).

    ``check`` runs the term check first where its findings are not current (publishing
    does; pages showing buttons do not).
    """
    source, units = _units(revision)
    if language == source or language not in languages.CODES:
        return []
    rows = _states(release, [language])[language]
    missing = _unapproved(language, source, units, rows)
    if missing:
        stuck = _without_reviewer(release, language, rows)
        return [_missing_problem(missing, units)] + (
            [_no_reviewer_problem(stuck, language)] if stuck else []
        )
    if check:
        terms_current(release, language)
    blocking = blocking_findings(release, language, units)
    return [_blocking_problem(blocking, units)] if blocking else []


def publication_guard(release, language, revision, author):
    """Refuse to publish a target language that is not approved (a records publish guard)."""
    problems = language_problems(release, language, revision, check=True)
    if problems:
        raise PublicationError(
            _("%(language)s of revision %(n)s cannot be published yet: %(problems)s")
            % {
                "language": languages.name_in_sentence(language),
                "n": revision.number,
                "problems": "; ".join(problems),
            }
        )


def publication_status(release, revision):
    """Return ``{target language: [problem, …]}`` for pages: no term check is run, and three
    queries answer for every target language."""
    source, units = _units(revision)
    targets = languages.targets(source)
    rows = _states(release, targets)
    status = {language: [] for language in targets}
    for language in targets:
        missing = _unapproved(language, source, units, rows[language])
        if missing:
            status[language].append(_missing_problem(missing, units))
            stuck = _without_reviewer(release, language, rows[language])
            if stuck:
                status[language].append(_no_reviewer_problem(stuck, language))
    ready = [language for language in targets if not status[language]]
    if ready:
        for language, blocking in blocking_findings_by_language(release, ready, units).items():
            if blocking:
                status[language].append(_blocking_problem(blocking, units))
    return status


# --- many releases at once: the release list and the editor's dashboard -------------------

# A unit state → the LanguageWork count it adds to.
_STATE_COUNTS = {
    UnitState.APPROVED: "approved",
    UnitState.UNTRANSLATED: "untranslated",
    UnitState.OUTDATED: "outdated",
    UnitState.DRAFT: "draft",
    UnitState.NEEDS_REVIEW: "review",
}
# The workbench filter (``?filter=``) where each kind of blocking work is done.
_FILTERS = {
    "outdated": "outdated",
    "review": "review",
    "errors": "errors",
    "untranslated": "untranslated",
    "draft": "todo",
    "other": "all",
}


def _blocking_units(releases):
    """Return ``{(release_id, language): number of units}`` with error findings of the newest
    revision that have no override for the current texts (three queries for every release)."""
    findings = list(
        Finding.objects.filter(
            release__in=releases,
            severity=Severity.ERROR,
            revision_number=F("release__head_number"),
        ).values("release_id", "language", "segment_key", "check_id", "concept_id", "fingerprint")
    )
    if not findings:
        return {}
    ids = {row["release_id"] for row in findings}
    # The working copy holds the newest revision's texts (release_write keeps them together).
    texts = working_unit_texts({(row["release_id"], row["segment_key"]) for row in findings})
    overrides = set(
        FindingOverride.objects.filter(release_id__in=ids).values_list(
            "release_id",
            "language",
            "key",
            "check_id",
            "concept_id",
            "fingerprint",
            "text_checksum",
        )
    )
    sources = {release.pk: release.source_language for release in releases}
    blocked = {}
    for row in findings:
        release_id, language, key = row["release_id"], row["language"], row["segment_key"]
        unit = texts.get((release_id, key), {})
        source = unit.get(sources[release_id], "")
        if not source.strip():
            continue  # no longer a unit of the newest revision
        target = unit.get(language, "")
        wanted = (
            release_id,
            language,
            key,
            row["check_id"],
            row["concept_id"],
            row["fingerprint"],
            pair_checksum(source, target),
        )
        if wanted not in overrides:
            blocked.setdefault((release_id, language), set()).add(key)
    return {pair: len(keys) for pair, keys in blocked.items()}


def _checked(releases):
    """Return the ``(release_id, language)`` pairs whose findings are those of the newest
    revision: as ``terms_check_waiting`` decides, for every release in one query."""
    heads = {release.pk: release.head_number for release in releases}
    runs = (
        CheckRun.objects.filter(release__in=releases)
        .annotate(
            glossary_now=Subquery(GlossaryState.objects.filter(pk=1).values("version")[:1]),
            pending=Exists(PendingCheck.objects.filter(release_id=OuterRef("release_id"))),
            rechecks=Exists(PendingRecheck.objects.all()),
        )
        .values_list(
            "release_id",
            "language",
            "revision_number",
            "glossary_version",
            "glossary_now",
            "pending",
            "rechecks",
        )
    )
    checked = set()
    for release_id, language, number, run_version, version, pending, rechecks in runs:
        if number != heads[release_id]:
            continue
        if run_version == (version or "") or not (pending or rechecks):
            checked.add((release_id, language))
    return checked


def publication_work(releases):
    """Return ``{release_id: {target language: LanguageWork}}`` for the newest revision of
    each of ``releases``: what :func:`publication_guard` would find, in bulk.

    The unit states follow every revision in its transaction, so counting them per state
    answers the gate's first question (is every unit approved for these texts?) without
    reading any revision; the error findings of the newest revision without an override
    answer the second. A constant number of queries, whatever the number of releases.
    """
    releases = list(releases)
    work = {
        release.pk: {code: LanguageWork() for code in release.target_languages}
        for release in releases
    }
    counts = (
        UnitStatus.objects.filter(release__in=releases)
        .values("release_id", "language", "state")
        .annotate(units=Count("id"))
        .order_by()
    )
    for row in counts:
        entry = work[row["release_id"]].get(row["language"])
        if entry is None:
            continue
        entry.total += row["units"]
        name = _STATE_COUNTS.get(row["state"])
        if name is not None:
            setattr(entry, name, getattr(entry, name) + row["units"])
    for (release_id, language), units in _blocking_units(releases).items():
        entry = work[release_id].get(language)
        if entry is not None:
            entry.errors = units
    checked = _checked(releases)
    for release_id, entries in work.items():
        for language, entry in entries.items():
            entry.checked = (release_id, language) in checked
            url = reverse("translations:workbench", args=[release_id, language])
            entry.links = {name: f"{url}?filter={wanted}" for name, wanted in _FILTERS.items()}
    return work
