"""Snapshots: the plain-data form of a release used by revisions, JSON export and import."""

import hashlib
import json

from config.languages import CODES as LANGUAGE_CODES

DOCUMENT_FORMAT = "concord.release"
DOCUMENT_VERSION = 1


def translated(obj, field):
    """Return ``{language: value}`` for a modeltranslation field, with "" for missing values."""
    return {code: getattr(obj, f"{field}_{code}") or "" for code in LANGUAGE_CODES}


def release_snapshot(release, segments=None, photos=None):
    """Return the snapshot of a release's working copy."""
    if segments is None:
        segments = release.segments.order_by("position", "id")
    if photos is None:
        photos = release.photos.order_by("position", "id")
    return {
        "slug": release.slug,
        "date": release.date.isoformat(),
        "topic": release.topic.slug,
        "title": translated(release, "title"),
        "photos": [
            {
                "key": str(photo.key),
                "caption": translated(photo, "caption"),
                "credit": translated(photo, "credit"),
            }
            for photo in photos
        ],
        "segments": [
            {
                "key": str(segment.key),
                "kind": segment.kind,
                "level": segment.level,
                "text": translated(segment, "text"),
            }
            for segment in segments
        ],
    }


def snapshot_checksum(snapshot):
    """Return the SHA-256 of a snapshot's canonical JSON form."""
    canonical = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def snapshot_document(snapshot, *, revision_number, topic_names):
    """Return the exportable JSON document for a snapshot."""
    document = {
        "format": DOCUMENT_FORMAT,
        "version": DOCUMENT_VERSION,
        "revision": revision_number,
    }
    document.update(snapshot)
    document["topic"] = {"slug": snapshot["topic"], "name": topic_names}
    return document
