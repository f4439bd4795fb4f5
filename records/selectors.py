"""Selectors: read-only queries over releases, revisions and publications."""

from django.db.models import OuterRef, Subquery

from .models import Publication, Release, Revision
from .snapshots import snapshot_document, translated


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


def publication_current(slug, language):
    """Return the current publication of release ``slug`` in ``language``, or None."""
    return (
        Publication.objects.filter(release__slug=slug, language=language)
        .select_related("revision", "release", "release__topic")
        .order_by("-id")
        .first()
    )


def publications_current(language):
    """Return the current publication of every release published in ``language``."""
    newest = (
        Publication.objects.filter(release=OuterRef("release"), language=language)
        .order_by("-id")
        .values("id")[:1]
    )
    return (
        Publication.objects.filter(language=language, id=Subquery(newest))
        .select_related("revision", "release__topic")
        .order_by("-release__date", "release__slug")
    )


def publication_languages(release_ids):
    """Return ``{release_id: set(languages)}`` of releases that are published."""
    languages = {}
    rows = (
        Publication.objects.filter(release_id__in=release_ids)
        .values_list("release_id", "language")
        .distinct()
    )
    for release_id, language in rows:
        languages.setdefault(release_id, set()).add(language)
    return languages


def release_history(release):
    """Return the revisions of ``release``, newest first, with their authors."""
    return Revision.objects.filter(release=release).select_related("author").order_by("-number")


__all__ = [
    "Release",
    "publication_current",
    "publication_languages",
    "publications_current",
    "release_document",
    "release_history",
    "revision_get",
]
