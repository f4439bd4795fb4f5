"""What a target language of a revision needs before readers may see it.

Every unit with source text must be approved for exactly that revision's source and target
texts, and no error finding of that text may stand without an override. Where units wait for
review that no one but their translator could approve (four eyes), the refusal and the
editor's pages say so. The source language needs no review (only an editor's permission to
publish, checked by records).
"""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config import languages
from records.services import PublicationError
from records.snapshots import snapshot_upgrade
from records.units import text_checksum, translatable_units
from translations.review.common import unit_label
from translations.review.findings import (
    blocking_findings,
    blocking_findings_by_language,
    terms_current,
)
from translations.review.models import UnitStatus
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
    ) % {"count": count, "language": languages.name(language)}


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
                "language": languages.name(language),
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
