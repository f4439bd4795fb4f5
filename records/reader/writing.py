"""Writing the read model: one row per (release, language), from its current publication."""

import dataclasses
import datetime
import hashlib
import json

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils import translation

from ..models import Publication, Topic
from ..numbering import number_segments
from ..photos import IMAGE_NAME, photo_renditions
from ..snapshots import snapshot_upgrade
from ..units import translatable_units
from .models import ReaderImage, ReaderPage
from .search import search_index_clear, search_index_write
from .text import index_columns

SUMMARY_CHARS = 200
SEGMENTS_TEMPLATE = "records/_segments.html"


def source_checksum(snapshot):
    """Return a checksum of the source-language text of every unit of ``snapshot``."""
    source = snapshot["source_language"]
    texts = {unit.key: unit.text(source) for unit in translatable_units(snapshot, source)}
    canonical = json.dumps(texts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _summary(segments):
    for segment in segments:
        if segment.kind == "paragraph" and segment.text.strip():
            text = " ".join(segment.text.split())
            if len(text) > SUMMARY_CHARS:
                text = text[: SUMMARY_CHARS - 1].rstrip() + "…"
            return text
    return ""


def _image(name):
    """Return what a page needs to show stored image ``name`` (renditions made once)."""
    if not name:
        return {}
    return {"image": {"digest": IMAGE_NAME.match(name)["digest"], **photo_renditions(name)}}


def render_segments(segments, language):
    """Return the HTML of numbered ``segments`` in ``language`` (the one include template)."""
    with translation.override(language):
        return render_to_string(SEGMENTS_TEMPLATE, {"segments": segments, "language": language})


def page_fields(publication, topic=None):
    """Return the read-model fields of ``publication`` (its revision loaded)."""
    revision = publication.revision
    language = publication.language
    snapshot = snapshot_upgrade(revision.snapshot)
    segments = number_segments(snapshot["segments"], language)
    names = snapshot.get("topic_name") or {}
    title = snapshot["title"].get(language, "")
    body_text = "\n".join(
        f"{segment.label} {segment.text}".strip() for segment in segments if segment.text
    )
    lemmas, grams = index_columns(language, title, body_text)
    return {
        "publication": publication,
        "published_at": publication.published_at,
        "slug": publication.slug,
        "title": title,
        "date": datetime.date.fromisoformat(snapshot["date"]),
        "topic": topic,
        "topic_slug": snapshot["topic"],
        "topic_name": names.get(language)
        or (topic and getattr(topic, f"name_{language}", ""))
        or names.get(snapshot["source_language"], "")
        or (topic.name if topic else ""),
        "source_language": snapshot["source_language"],
        "revision_number": revision.number,
        "revision_created_at": revision.created_at,
        "source_checksum": source_checksum(snapshot),
        "summary": _summary(segments),
        "body_html": render_segments(segments, language),
        "body_text": body_text,
        "units": {
            "segments": [dataclasses.asdict(segment) for segment in segments],
            "photos": [
                {
                    "key": photo["key"],
                    "caption": photo["caption"].get(language, ""),
                    "credit": photo["credit"].get(language, ""),
                    **_image(photo.get("image")),
                }
                for photo in snapshot["photos"]
            ],
        },
        "search_lemmas": lemmas,
        "search_bigrams": grams,
    }


def reader_page_write(publication, topic=None):
    """Write what readers of ``publication``'s language see of its release; return the page.

    Called inside the publishing transaction, so readers see the publication and its page
    together or neither.
    """
    if topic is None:
        slug = snapshot_upgrade(publication.revision.snapshot)["topic"]
        topic = Topic.objects.filter(slug=slug).first()
    page, _created = ReaderPage.objects.update_or_create(
        release_id=publication.release_id,
        language=publication.language,
        defaults=page_fields(publication, topic),
    )
    search_index_write(page)
    page.images.all().delete()
    ReaderImage.objects.bulk_create(
        ReaderImage(page=page, digest=photo["image"]["digest"])
        for photo in page.units["photos"]
        if photo.get("image")
    )
    return page


def current_publications():
    """Return the newest publication of every (release, language), with revisions."""
    newest = (
        Publication.objects.filter(release=OuterRef("release"), language=OuterRef("language"))
        .order_by("-id")
        .values("id")[:1]
    )
    return Publication.objects.filter(id=Subquery(newest)).select_related("revision").order_by("id")


@transaction.atomic
def reader_rebuild(batch_size=200):
    """Rebuild the whole read model from the publications; return the number of pages.

    Idempotent: the same publications give the same pages. New row ids change the cache
    version, so cached pages rendered by older code are not served again.
    """
    ReaderPage.objects.all().delete()
    search_index_clear()
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    count = 0
    for publication in current_publications().iterator(chunk_size=batch_size):
        slug = snapshot_upgrade(publication.revision.snapshot)["topic"]
        reader_page_write(publication, topics.get(slug))
        count += 1
    return count
