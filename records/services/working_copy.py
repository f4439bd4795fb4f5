"""The working copy: a release's row, segments and photos brought in line with a snapshot."""

import datetime
import uuid

from config import languages

from ..bulk import rows_update
from ..models import Photo, Segment


def _apply_translated(obj, field, texts):
    for code in languages.CODES:
        setattr(obj, f"{field}_{code}", texts.get(code, ""))


def _apply_children(model, release, items, fields, assign):
    """Bring ``release``'s children of ``model`` in line with ``items`` in a few bulk queries.

    Return the children in ``items`` order, as written (the snapshot is read from them).
    """
    existing = {str(obj.key): obj for obj in model.objects.filter(release=release)}
    wanted = {item["key"] for item in items}
    removed = [obj.pk for key, obj in existing.items() if key not in wanted]
    if removed:
        model.objects.filter(pk__in=removed).delete()
    to_update, to_create, ordered = [], [], []
    # Positions count from 1, as editors and the compare view number segments.
    for position, item in enumerate(items, start=1):
        obj = existing.get(item["key"])
        if obj is None:
            obj = model(release=release, key=uuid.UUID(item["key"]))
            to_create.append(obj)
            before = None
        else:
            before = [getattr(obj, field) for field in fields]
        obj.position = position
        assign(obj, item)
        ordered.append(obj)
        # Rows that stay as they were are not written again.
        if before is not None and before != [getattr(obj, field) for field in fields]:
            to_update.append(obj)
    if to_update:
        rows_update(model, to_update, fields)
    if to_create:
        model.objects.bulk_create(to_create, batch_size=500)
    return ordered


def _release_fields():
    return ["slug", "date", "source_language", "topic_id"] + [
        f"title_{code}" for code in languages.CODES
    ]


def _segment_fields():
    return ["position", "kind", "level", "style"] + [f"text_{code}" for code in languages.CODES]


def _photo_fields():
    return ["position", "image"] + [
        f"{field}_{code}" for field in ("caption", "credit") for code in languages.CODES
    ]


def _assign_segment(segment, item):
    segment.kind = item["kind"]
    segment.level = item["level"]
    segment.style = item.get("style", "")
    _apply_translated(segment, "text", item["text"])


def _assign_photo(photo, item):
    _apply_translated(photo, "caption", item["caption"])
    _apply_translated(photo, "credit", item["credit"])
    photo.image = item.get("image", "")


def release_apply(release, content, *, topic=None):
    """Write ``content`` (snapshot shape) into the release's working copy.

    ``topic``, when given, becomes the release's topic. Return its segments and photos as
    written, in order (``revision_commit`` snapshots them without reading them back).
    """
    fields = _release_fields()
    before = [getattr(release, field) for field in fields]
    if topic is not None:
        release.topic = topic
    release.slug = content["slug"]
    release.date = datetime.date.fromisoformat(content["date"])
    release.source_language = content.get("source_language", languages.DEFAULT_SOURCE)
    _apply_translated(release, "title", content["title"])
    # An unchanged row is not written again (revision_commit stamps updated_at).
    if release.pk is None or before != [getattr(release, field) for field in fields]:
        release.save()
    segments = _apply_children(
        Segment, release, content["segments"], _segment_fields(), _assign_segment
    )
    photos = _apply_children(Photo, release, content["photos"], _photo_fields(), _assign_photo)
    return segments, photos
