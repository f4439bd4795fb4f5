"""Selectors: read-only queries over releases, revisions and publications."""

import uuid
from dataclasses import dataclass

from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config import languages

from .extensions import registry
from .models import Photo, Publication, Release, Revision, RevisionChange, Segment
from .revisions import with_release_field
from .revisions.history import KINDS, Run, revision_runs, revision_summaries, runs_count_units
from .services.publishing import text_missing
from .snapshots import snapshot_document, snapshot_upgrade, translated
from .units import CAPTION, CREDIT, TITLE


def revision_get(release, number=None):
    """Return revision ``number`` (default: the newest) of ``release``, or None."""
    number = release.head_number if number is None else number
    return Revision.objects.filter(release=release, number=number).first()


def release_document(release, number=None):
    """Return the export document of revision ``number`` (default newest), or None."""
    revision = revision_get(release, number)
    if revision is None:
        return None
    return snapshot_document(
        revision.snapshot,
        revision_number=revision.number,
        topic_names=translated(release.topic, "name"),
    )


def release_history(release):
    """Return the revisions of ``release``, newest first, with their authors and the source
    language each was written in (``source_language``; None in snapshots older than it)."""
    revisions = Revision.objects.filter(release=release).select_related("author")
    return with_release_field(revisions, "source_language").order_by("-number")


def publication_readiness(release, revision):
    """Return ``{language: [problem, …]}`` for every language of ``revision``: an empty list
    where it can be published now, else why not (missing text; what other apps' publication
    statuses report, such as units not yet approved)."""
    snapshot = snapshot_upgrade(revision.snapshot)
    others = registry.publication_problems(release, revision)
    readiness = {}
    for code in languages.CODES:
        problems = []
        if text_missing(snapshot, code):
            problems.append(
                _("the title or a segment has no %(language)s text")
                % {"language": languages.name_in_sentence(code)}
            )
        readiness[code] = problems + list(others.get(code, []))
    return readiness


def history_rows(release, revisions):
    """Return one row per revision of ``revisions`` (a page): the languages it was published
    in, those whose readers see it now, and what may be published from it.

    The newest revision offers every language that is ready (and says why the others are
    not); older revisions offer only their source language, which needs no review: a
    translation is approved for the newest text, so publishing an older one could only be
    refused. A constant number of queries whatever the page size.
    """
    revisions = list(revisions)
    published = set(
        Publication.objects.filter(
            release=release, revision_id__in=[revision.pk for revision in revisions]
        ).values_list("language", "revision_id")
    )
    current = publications_current_ids(release)
    head = next((r for r in revisions if r.number == release.head_number), None)
    readiness = publication_readiness(release, head) if head is not None else None
    rows = []
    for revision in revisions:
        now = [code for code in languages.CODES if current.get(code) == revision.pk]
        if revision.number == release.head_number and readiness is not None:
            problems = readiness
        else:
            source = getattr(revision, "source_language", None) or languages.DEFAULT_SOURCE
            problems = {code: [] for code in languages.CODES if code == source}
        publish = [
            {
                "code": code,
                "name": languages.name(code),
                "offered": code in problems and not problems[code] and code not in now,
                "problems": problems.get(code, []),
            }
            for code in languages.CODES
        ]
        rows.append(
            {
                "revision": revision,
                "published": [code for code in languages.CODES if (code, revision.pk) in published],
                "current": now,
                "publish": publish,
                "offers": any(option["offered"] for option in publish),
            }
        )
    return rows


@dataclass
class History:
    """A release's revisions as the history page reads them: every revision's summary (oldest
    first), its runs, and the summaries the filters keep (newest first)."""

    summaries: list
    runs: list
    shown: list


def history_filters(params):
    """Return the history filters named in ``params`` (a request's GET), unknown ones left out:
    ``language`` (a code), ``author`` (a username), ``kind`` (structure, source, translation)."""
    language, kind = params.get("language"), params.get("kind")
    return {
        "language": language if language in languages.CODES else None,
        "author": params.get("author") or None,
        "kind": kind if kind in KINDS else None,
    }


def release_history_runs(release, *, language=None, author=None, kind=None):
    """Return the :class:`History` of ``release`` with the given filters (None: any), in three
    queries whatever its length."""
    summaries = revision_summaries(release)
    shown = [
        summary
        for summary in reversed(summaries)
        if summary.matches(language=language, author=author, kind=kind)
    ]
    return History(summaries=summaries, runs=revision_runs(summaries), shown=shown)


def changed_label(summary):
    """Return what a revision changed as the history shows it: "3 units (ja) · translation"."""
    label = ngettext("%(counter)s unit", "%(counter)s units", summary.units) % {
        "counter": summary.units
    }
    if summary.languages:
        label = f"{label} ({', '.join(summary.languages)})"
    kinds = [str(RevisionChange._meta.get_field(kind).verbose_name) for kind in summary.kinds]
    return " · ".join([label, *kinds])


def history_groups(release, history, summaries, *, filtered=False):
    """Return the rows of ``summaries`` (a page of ``history.shown``) grouped by run: a list of
    ``{"run", "line", "rows", "open"}``, each row as :func:`history_rows` makes it with its
    ``summary``. ``line`` is a :class:`Run` of the rows shown (oldest first) with the units
    they changed: the run line describes what the page lists, which under a filter
    (``filtered``) or at a page break may be part of the run. A run is open when it is a
    single revision, holds the newest one, or the page is filtered (its rows are the
    matches). A constant number of queries whatever the page size or the history's length."""
    summaries = list(summaries)
    numbers = [summary.number for summary in summaries]
    revisions = {
        revision.number: revision
        for revision in release_history(release).filter(number__in=numbers)
    }
    rows = history_rows(release, [revisions[number] for number in numbers])
    run_of = {summary.number: run for run in history.runs for summary in run.revisions}
    groups = []
    for row, summary in zip(rows, summaries, strict=True):
        row["summary"] = summary
        row["changed"] = changed_label(summary)
        run = run_of[summary.number]
        if groups and groups[-1]["run"] is run:
            groups[-1]["rows"].append(row)
            continue
        is_open = filtered or len(run.revisions) == 1 or run.last.number == release.head_number
        groups.append({"run": run, "rows": [row], "open": is_open})
    for group in groups:
        group["line"] = Run([row["summary"] for row in reversed(group["rows"])])
    runs_count_units(release, [group["line"] for group in groups])
    return groups


def publications_current_ids(release):
    """Return ``{language: revision id}`` of what readers of each language see now."""
    newest = (
        Publication.objects.filter(release=release, language=OuterRef("language"))
        .order_by("-id")
        .values("id")[:1]
    )
    return dict(
        Publication.objects.filter(release=release, id=Subquery(newest)).values_list(
            "language", "revision_id"
        )
    )


class RevisionMissing(LookupError):
    """A revision number names no revision of the release."""

    def __init__(self, release, number):
        self.number = number
        super().__init__(
            _("Release “%(slug)s” has no revision %(n)s.") % {"slug": release.slug, "n": number}
        )


def revision_pair(release, a, b):
    """Return revisions ``a`` and ``b`` of ``release`` (with authors) in one query, or raise
    ``RevisionMissing`` naming the first that does not exist."""
    # Exact lookups: Django turns an out-of-range one into "no rows" on every database.
    found = {
        revision.number: revision
        for revision in Revision.objects.filter(release=release)
        .filter(Q(number=a) | Q(number=b))
        .select_related("author")
    }
    for number in (a, b):
        if number not in found:
            raise RevisionMissing(release, number)
    return found[a], found[b]


def _columns(*fields):
    return [f"{field}_{code}" for field in fields for code in languages.CODES]


def _texts(row, field):
    return {code: row[f"{field}_{code}"] or "" for code in languages.CODES}


def working_unit_texts(pairs):
    """Return ``{(release id, unit key): {language: text}}`` of the working copy (the newest
    revision's texts) for ``pairs`` of release id and unit key (``records.units``): titles,
    photo captions and credits, segments. At most three queries, whatever the number of
    pairs; a key that names nothing is left out."""
    pairs = set(pairs)
    titles, photos, segments = set(), set(), set()
    releases = {release_id for release_id, _key in pairs}
    for release_id, key in pairs:
        if key == TITLE:
            titles.add(release_id)
            continue
        name, _colon, field = key.partition(":")
        try:
            parsed = uuid.UUID(name)
        except ValueError:
            continue
        if not field:
            segments.add(parsed)
        elif field in (CAPTION, CREDIT):
            photos.add(parsed)
    texts = {}
    if titles:
        for row in Release.objects.filter(pk__in=titles).values("pk", *_columns("title")):
            texts[(row["pk"], TITLE)] = _texts(row, "title")
    if photos:
        rows = Photo.objects.filter(release_id__in=releases, key__in=photos).values(
            "release_id", "key", *_columns(CAPTION, CREDIT)
        )
        for row in rows:
            for field in (CAPTION, CREDIT):
                texts[(row["release_id"], f"{row['key']}:{field}")] = _texts(row, field)
    if segments:
        rows = Segment.objects.filter(release_id__in=releases, key__in=segments).values(
            "release_id", "key", *_columns("text")
        )
        for row in rows:
            texts[(row["release_id"], str(row["key"]))] = _texts(row, "text")
    return {pair: texts[pair] for pair in pairs if pair in texts}


__all__ = [
    "History",
    "release_document",
    "history_filters",
    "history_groups",
    "history_rows",
    "release_history_runs",
    "publications_current_ids",
    "publication_readiness",
    "release_history",
    "revision_pair",
    "RevisionMissing",
    "revision_get",
    "working_unit_texts",
]
