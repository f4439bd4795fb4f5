"""Selectors: read-only queries over releases, revisions and publications."""

from django.db.models import OuterRef, Subquery

from .models import Publication, Revision, Topic
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


def publication_for_reader(slug, language):
    """Return the current publication in ``language`` of the release once published as ``slug``.

    Readers find a release by the slug of a published revision; a draft's new slug is not
    reachable until it is published, and an old published slug still leads to the release.
    """
    release_id = (
        Publication.objects.filter(slug=slug)
        .order_by("-id")
        .values_list("release_id", flat=True)
        .first()
    )
    if release_id is None:
        return None
    return (
        Publication.objects.filter(release_id=release_id, language=language)
        .select_related("revision")
        .order_by("-id")
        .first()
    )


def publications_current(language):
    """Return the current publication of every release published in ``language``, newest first."""
    newest = (
        Publication.objects.filter(release=OuterRef("release"), language=language)
        .order_by("-id")
        .values("id")[:1]
    )
    publications = Publication.objects.filter(language=language, id=Subquery(newest))
    return sorted(
        publications.select_related("revision"),
        key=lambda p: (p.revision.snapshot["date"], p.slug),
        reverse=True,
    )


def topic_names(language, slugs):
    """Return ``{topic slug: name in language}`` for the given topic slugs."""
    return {
        topic.slug: getattr(topic, f"name_{language}") or topic.name
        for topic in Topic.objects.filter(slug__in=set(slugs))
    }


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
    "publication_for_reader",
    "publication_languages",
    "publications_current",
    "release_document",
    "release_history",
    "revision_get",
    "topic_names",
]
