"""Reader views: readers only ever see published revisions."""

import datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .numbering import number_segments
from .selectors import (
    publication_for_reader,
    publications_current,
    publications_current_revisions,
    topic_names,
    translation_lag,
)


def _language(request):
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _topic_name(snapshot, language, fallback):
    """Return the topic name published with ``snapshot`` (readers see what was published)."""
    names = snapshot.get("topic_name") or {}
    return (
        names.get(language)
        or names.get(snapshot.get("source_language", ""))
        or fallback.get(snapshot["topic"], "")
    )


def release_list(request):
    """List the releases published in the reader's language."""
    language = _language(request)
    publications = publications_current(language)
    # Snapshots written before topic names were recorded fall back to the topic's name.
    topics = topic_names(
        language,
        [
            p.revision.snapshot["topic"]
            for p in publications
            if "topic_name" not in p.revision.snapshot
        ],
    )
    entries = [
        {
            "slug": publication.slug,
            "date": datetime.date.fromisoformat(publication.revision.snapshot["date"]),
            "title": publication.revision.snapshot["title"].get(language, ""),
            "topic": _topic_name(publication.revision.snapshot, language, topics),
        }
        for publication in publications
    ]
    return render(request, "records/release_list.html", {"entries": entries})


def release_detail(request, slug):
    """Show the published revision of a release in the reader's language."""
    language = _language(request)
    publication = publication_for_reader(slug, language)
    if publication is None:
        raise Http404(_("This release is not published in this language."))
    if publication.slug != slug:
        return redirect("records:release_detail", slug=publication.slug, permanent=True)
    snapshot = publication.revision.snapshot
    current = publications_current_revisions(publication.release_id)
    context = {
        "slug": publication.slug,
        "date": datetime.date.fromisoformat(snapshot["date"]),
        "revision": publication.revision,
        "publication": publication,
        "title": snapshot["title"].get(language, ""),
        "topic": _topic_name(
            snapshot,
            language,
            {} if "topic_name" in snapshot else topic_names(language, [snapshot["topic"]]),
        ),
        "segments": number_segments(snapshot["segments"], language),
        "photos": [
            {
                "caption": photo["caption"].get(language, ""),
                "credit": photo["credit"].get(language, ""),
            }
            for photo in snapshot["photos"]
        ],
        "available_languages": [
            (code, name) for code, name in settings.LANGUAGES if code in current
        ],
        # Readers of a translation learn when its source has been revised since.
        "lag": translation_lag(publication, current),
    }
    return render(request, "records/release_detail.html", context)
