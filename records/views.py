"""Reader views: readers only ever see published revisions, through the read model."""

from types import SimpleNamespace

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from config import languages

from .photos import RENDITION_NAME
from .reader.cache import reader_page
from .reader.models import ReaderImage, ReaderPage
from .reader.search import search_pages
from .reader.selectors import (
    TOPIC_NOT_PUBLISHED,
    latest_pages,
    page_lookup,
    reader_lag,
    reader_topic,
    release_pages,
    topic_choices,
    topic_name,
    year_choices,
)
from .reader.text import snippet

PAGE_SIZE = 20
NOT_PUBLISHED = "records/not_published.html"
SEARCH_FIELDS = ("id", "language", "slug", "title", "date", "topic_slug", "topic_name", "body_text")


def _language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def _every_language(request):
    """Return switcher links to this page in every language (pages that exist in all)."""
    path = request.get_full_path()
    return [{"code": code, "url": translate_url(path, code)} for code in languages.CODES]


def _meta(request, *, title, description="", alternates, kind="website"):
    """Return what the page head says: description, canonical URL, hreflang, OpenGraph."""
    absolute = request.build_absolute_uri
    codes = [link["code"] for link in alternates]
    default = languages.DEFAULT_SOURCE if languages.DEFAULT_SOURCE in codes else codes[:1]
    x_default = next((link["url"] for link in alternates if link["code"] in default), None)
    return {
        "title": title,
        "description": description,
        "canonical": absolute(request.path),
        "alternates": [{"code": link["code"], "url": absolute(link["url"])} for link in alternates],
        "x_default": absolute(x_default) if x_default else None,
        "kind": kind,
    }


def _page_of(paginator_source, request):
    """Return one page of reader pages, each with the URLs of its release and topic."""
    entries = Paginator(paginator_source, PAGE_SIZE).get_page(request.GET.get("page"))
    # Reversed once per list, not twice per entry: the slug is the path's last part.
    release = reverse("records:release_detail", args=["-"]).removesuffix("-/")
    topic = reverse("records:topic", args=["-"]).removesuffix("-/")
    for entry in entries:
        entry.url = f"{release}{entry.slug}/"
        entry.topic_url = f"{topic}{entry.topic_slug}/"
    return entries


@reader_page
def release_list(request):
    """List the releases published in the reader's language, newest first, a page at a time."""
    language = _language()
    entries = _page_of(latest_pages(language).listed(), request)
    switcher = _every_language(request)
    context = {
        "entries": entries,
        "switcher": switcher,
        "meta": _meta(
            request,
            title=_("Press releases"),
            description=_("Official press releases in every language they are published in."),
            alternates=switcher,
        ),
    }
    return render(request, "records/release_list.html", context)


@reader_page
def topic_detail(request, slug):
    """List the releases of one topic published in the reader's language."""
    language = _language()
    topic = reader_topic(slug, language)
    if topic is None:
        raise Http404(TOPIC_NOT_PUBLISHED)
    name = topic_name(topic, language)
    entries = _page_of(latest_pages(language, topic_slug=slug).listed(), request)
    switcher = _every_language(request)
    context = {
        "topic": topic,
        "topic_name": name,
        "entries": entries,
        "switcher": switcher,
        "meta": _meta(
            request,
            title=name,
            description=_("Press releases on %(topic)s.") % {"topic": name},
            alternates=switcher,
        ),
        "feed_url": _url("records:topic_feed", language, slug),
    }
    return render(request, "records/topic_detail.html", context)


def _not_published(request, slug, siblings, view_name):
    """Return the 404 page of a release published only in other languages, linking them."""
    links = [
        {
            "code": code,
            "title": row["title"],
            "url": _url(view_name, code, row["slug"]),
        }
        for code, row in siblings.items()
    ]
    switcher = _switcher(view_name, siblings)
    return render(request, NOT_PUBLISHED, {"links": links, "switcher": switcher}, status=404)


def _release_page(request, slug, view_name):
    """Return ``(page, siblings)`` or a response (redirect to the current slug, or 404)."""
    language = _language()
    page, siblings = page_lookup(slug, language)
    if page is None and siblings is None:
        raise Http404(_("No release is published at this address."))
    if page is None:
        return _not_published(request, slug, siblings, view_name)
    if page.slug != slug:
        return redirect(view_name, slug=page.slug, permanent=True)
    return page, release_pages(page.release_id)


def _switcher(view_name, siblings):
    return [
        {"code": code, "url": _url(view_name, code, row["slug"])} for code, row in siblings.items()
    ]


def _photo(photo):
    """Return a page's photo with what a responsive ``<img>`` needs, when it has a file."""
    image = photo.get("image")
    if not image:
        return photo
    urls = [(width, reverse("photo_file", args=[name])) for width, name in image["renditions"]]
    middle = urls[min(1, len(urls) - 1)]
    return {
        **photo,
        "src": middle[1],
        "srcset": ", ".join(f"{url} {width}w" for width, url in urls),
        "width": image["width"],
        "height": image["height"],
    }


def photo_file(request, name):
    """Serve a photo rendition, only while it belongs to a published revision."""
    match = RENDITION_NAME.match(name)
    path = f"photos/renditions/{name}"
    if (
        match is None
        or not ReaderImage.objects.filter(digest=match["digest"]).exists()
        or not default_storage.exists(path)
    ):
        raise Http404(_("No published photo has this name."))
    response = FileResponse(default_storage.open(path, "rb"), content_type="image/jpeg")
    # Content-addressed: the bytes behind a name never change.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@reader_page
def release_detail(request, slug):
    """Show the published revision of a release in the reader's language."""
    found = _release_page(request, slug, "records:release_detail")
    if not isinstance(found, tuple):
        return found
    page, siblings = found
    switcher = _switcher("records:release_detail", siblings)
    context = {
        "page": page,
        "segments": [SimpleNamespace(**segment) for segment in page.units["segments"]],
        "photos": [_photo(photo) for photo in page.units["photos"]],
        "switcher": switcher,
        "compare_url": _url("records:release_compare", page.language, page.slug)
        if len(siblings) > 1
        else None,
        # Readers of a translation learn when its source has been revised since.
        "lag": reader_lag(page, siblings),
        "lag_url": None,
        "meta": _meta(
            request,
            title=page.title,
            description=page.summary,
            alternates=switcher,
            kind="article",
        ),
    }
    pictured = next((photo for photo in context["photos"] if photo.get("src")), None)
    if pictured:
        largest = pictured["image"]["renditions"][-1][1]
        context["meta"]["image"] = request.build_absolute_uri(reverse("photo_file", args=[largest]))
        context["meta"]["image_alt"] = pictured["caption"]
    if context["lag"]:
        source = siblings[context["lag"]["language"]]
        context["lag_url"] = _url(
            "records:release_detail", context["lag"]["language"], source["slug"]
        )
    return render(request, "records/release_detail.html", context)


def compare_rows(pages):
    """Return the rows of the side-by-side view: the title, each photo and each segment, one
    cell per page (None where a language version lacks that unit), in the first page's order
    followed by units only the others have."""
    order, cells = [], {}
    for column, page in enumerate(pages):
        units = [("title", {"kind": "title", "text": page.title})]
        units += [
            (f"photo:{photo['key']}", {"kind": "photo", **photo}) for photo in page.units["photos"]
        ]
        units += [
            (segment["key"], {**segment, "segments": [segment]})
            for segment in page.units["segments"]
        ]
        for key, unit in units:
            if key not in cells:
                order.append(key)
                cells[key] = [None] * len(pages)
            cells[key][column] = {**unit, "language": page.language}
    return [
        {"key": key, "kind": next(cell for cell in cells[key] if cell)["kind"], "cells": cells[key]}
        for key in order
    ]


@reader_page
def release_compare(request, slug):
    """Show every published language version of a release side by side, unit by unit."""
    found = _release_page(request, slug, "records:release_compare")
    if not isinstance(found, tuple):
        return found
    page, siblings = found
    others = ReaderPage.objects.filter(release_id=page.release_id).exclude(pk=page.pk)
    by_language = {other.language: other for other in others}
    pages = [page] + [by_language[code] for code in siblings if code in by_language]
    switcher = _switcher("records:release_compare", siblings)
    # A column whose source language has been revised since says so, as the page alone does.
    lags = []
    for version in pages:
        lag = reader_lag(version, siblings)
        if lag:
            lags.append(
                {
                    **lag,
                    "version": version.language,
                    "name": languages.name(version.language),
                    "source_name": languages.name(lag["language"]),
                }
            )
    context = {
        "page": page,
        "pages": pages,
        "lags": lags,
        "lagging": [lag["version"] for lag in lags],
        "rows": compare_rows(pages),
        "switcher": switcher,
        "meta": _meta(
            request,
            title=_("%(title)s — side by side") % {"title": page.title},
            description=page.summary,
            alternates=switcher,
        ),
    }
    return render(request, "records/release_compare.html", context)


@reader_page(cached=False)
def search(request):
    """Search the releases published in the reader's language."""
    language = _language()
    query = request.GET.get("q", "").strip()[:200]
    topic = request.GET.get("topic", "")
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and len(year) == 4 else None
    results = None
    if query:
        pages = latest_pages(language, topic_slug=topic or None, year=year).only(*SEARCH_FIELDS)
        results = _page_of(search_pages(pages, language, query), request)
        for result in results:
            result.snippet = snippet(language, query, result.body_text)
    switcher = _every_language(request)
    context = {
        "query": query,
        "topic": topic,
        "year": year,
        "results": results,
        "topics": topic_choices(language),
        "years": year_choices(language),
        "switcher": switcher,
        "meta": _meta(request, title=_("Search"), alternates=switcher),
    }
    return render(request, "records/search.html", context)
