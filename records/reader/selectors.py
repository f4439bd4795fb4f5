"""Reading the read model: every reader page is a constant number of indexed queries."""

import datetime

from django.db import connection
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from config import languages

from ..models import Publication, Topic
from .models import ReaderPage

TOPIC_NOT_PUBLISHED = _("No release on this topic is published in this language.")
SIBLING_FIELDS = (
    "language",
    "slug",
    "title",
    "source_language",
    "revision_number",
    "source_checksum",
)


def reader_state():
    """Return ``(version, last_modified)`` of the read model in one query.

    The version names the newest publication and the newest page row, so a publish (or a
    rebuild) changes it in every process at once. Every cached page asks this, so it is plain
    SQL over two primary keys: building the ORM query would cost more than running it.
    """
    quote = connection.ops.quote_name
    publications = quote(Publication._meta.db_table)
    pages = quote(ReaderPage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, published_at, (SELECT MAX(id) FROM {pages}) FROM {publications} "
            "ORDER BY id DESC LIMIT 1"
        )
        row = cursor.fetchone()
    if row is None:
        return "0.0", None
    publication, published_at, page = row
    return f"{publication}.{page or 0}", _aware(published_at)


def _aware(value):
    """Return a timestamp column read without the ORM as an aware datetime."""
    if isinstance(value, str):  # SQLite
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def latest_pages(language, topic_slug=None, year=None):
    """Return the pages of ``language`` (optionally of one topic or year), newest first."""
    pages = ReaderPage.objects.in_language(language)
    if topic_slug:
        pages = pages.filter(topic_slug=topic_slug)
    if year:
        pages = pages.filter(date__year=year)
    return pages


def reader_topics(language):
    """Return the topics readers of ``language`` have pages of, by slug: a topic only drafts
    use is not shown, not even its name."""
    pages = ReaderPage.objects.filter(language=language, topic_slug=OuterRef("slug"))
    return Topic.objects.filter(Exists(pages)).order_by("slug")


def reader_topic(slug, language):
    """Return topic ``slug`` when readers of ``language`` have a page of it, else None."""
    return reader_topics(language).filter(slug=slug).first()


def topic_name(topic, language):
    """Return the current name of ``topic`` in ``language`` (the default name where it has
    none): topic pages use it, release pages the name published with the release."""
    return getattr(topic, f"name_{language}", "") or topic.name


def release_pages(release_id):
    """Return ``{language: row}`` of what each language's readers see of a release, in the
    order of the configured languages (slug, title and what the lag notice needs)."""
    rows = {
        row["language"]: row
        for row in ReaderPage.objects.filter(release_id=release_id).values(*SIBLING_FIELDS)
    }
    return {code: rows[code] for code in languages.CODES if code in rows}


def page_lookup(slug, language):
    """Find what readers of ``language`` reach by ``slug``.

    Return ``(page, None)`` when the release is published in ``language`` (``page.slug`` may be
    newer than ``slug``: an old published slug still leads to the release),
    ``(None, {language: row})`` when it is published only in other languages, and
    ``(None, None)`` when no release was ever published as ``slug``.
    """
    page = ReaderPage.objects.filter(slug=slug, language=language).first()
    if page is not None:
        return page, None
    release_id = (
        Publication.objects.filter(slug=slug)
        .order_by("-id")
        .values_list("release_id", flat=True)
        .first()
    )
    if release_id is None:
        return None, None
    page = ReaderPage.objects.filter(release_id=release_id, language=language).first()
    if page is not None:
        return page, None
    return None, release_pages(release_id)


def reader_lag(page, siblings):
    """Return how ``page`` (a translation) lags its source, or None.

    It lags when the source language's page follows a newer revision whose source text differs
    from the one this translation was published with; the result names the source language and
    the revision (number, local date) the translation follows.
    """
    source = siblings.get(page.source_language)
    if (
        page.language == page.source_language
        or source is None
        or source["revision_number"] <= page.revision_number
        or source["source_checksum"] == page.source_checksum
    ):
        return None
    return {
        "language": page.source_language,
        "number": page.revision_number,
        "date": timezone.localdate(page.revision_created_at),
    }


def topic_choices(language):
    """Return ``[(slug, name)]`` of the topics with pages in ``language``."""
    rows = (
        ReaderPage.objects.filter(language=language)
        .values_list("topic_slug", "topic_name")
        .distinct()
        .order_by("topic_slug")
    )
    seen = {}
    for slug, name in rows:
        seen.setdefault(slug, name)
    return list(seen.items())


def year_choices(language):
    """Return the years with pages in ``language``, newest first."""
    return [
        day.year
        for day in ReaderPage.objects.filter(language=language).dates("date", "year", "DESC")
    ]
