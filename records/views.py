"""Reader views: readers only ever see published revisions."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .numbering import number_segments
from .selectors import publication_current, publication_languages, publications_current


def _language(request):
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def release_list(request):
    """List the releases published in the reader's language."""
    language = _language(request)
    publications = list(publications_current(language))
    entries = [
        {
            "slug": publication.release.slug,
            "date": publication.release.date,
            "title": publication.revision.snapshot["title"].get(language, ""),
            "topic": getattr(publication.release.topic, f"name_{language}")
            or publication.release.topic.name,
        }
        for publication in publications
    ]
    return render(request, "records/release_list.html", {"entries": entries})


def release_detail(request, slug):
    """Show the published revision of a release in the reader's language."""
    language = _language(request)
    publication = publication_current(slug, language)
    if publication is None:
        raise Http404(_("This release is not published in this language."))
    snapshot = publication.revision.snapshot
    release = publication.release
    available = publication_languages([release.pk]).get(release.pk, set())
    context = {
        "release": release,
        "revision": publication.revision,
        "publication": publication,
        "title": snapshot["title"].get(language, ""),
        "topic": getattr(release.topic, f"name_{language}") or release.topic.name,
        "segments": number_segments(snapshot["segments"], language),
        "photos": [
            {
                "caption": photo["caption"].get(language, ""),
                "credit": photo["credit"].get(language, ""),
            }
            for photo in snapshot["photos"]
        ],
        "available_languages": [
            (code, name) for code, name in settings.LANGUAGES if code in available
        ],
    }
    return render(request, "records/release_detail.html", context)
