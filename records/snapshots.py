"""Snapshots: the plain-data form of a release used by revisions, JSON export and import."""

import hashlib
import json

from config import languages
from config.languages import CODES as LANGUAGE_CODES

from .vocabulary import implied_style

DOCUMENT_FORMAT = "concord.release"
DOCUMENT_VERSION = 1
# Version 2 added the source language and the topic's names as published with the release;
# version 3 the marker style of each segment.
SCHEMA_VERSION = 3
# Fields a snapshot derives from elsewhere (the topic row, the format): never merged or edited.
DERIVED_FIELDS = ("schema_version", "topic_name")
# The keyed lists of a snapshot, and the fields that hold one text per language.
LISTS = ("segments", "photos")
TRANSLATED_FIELDS = ("title", "text", "caption", "credit")


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
        "schema_version": SCHEMA_VERSION,
        "slug": release.slug,
        "date": release.date.isoformat(),
        "topic": release.topic.slug,
        "topic_name": translated(release.topic, "name"),
        "source_language": release.source_language,
        "title": translated(release, "title"),
        "photos": [
            {
                "key": str(photo.key),
                "caption": translated(photo, "caption"),
                "credit": translated(photo, "credit"),
                # Only photos with a file name one, so older snapshots keep their checksums.
                **({"image": photo.image.name} if photo.image else {}),
            }
            for photo in photos
        ],
        "segments": [
            {
                "key": str(segment.key),
                "kind": segment.kind,
                "level": segment.level,
                "style": segment.style,
                "text": translated(segment, "text"),
            }
            for segment in segments
        ],
    }


def snapshot_upgrade(snapshot, topic_name=None):
    """Return ``snapshot`` in the current schema; older ones get the defaults of their time.

    ``topic_name`` stands in for the names a version-1 snapshot did not record; segments of
    snapshots before version 3 get the marker style their kind and level were rendered with,
    so that an unchanged release still has the checksum of its newest revision.
    """
    if snapshot.get("schema_version") == SCHEMA_VERSION:
        return snapshot
    return {
        **snapshot,
        "schema_version": SCHEMA_VERSION,
        "topic_name": snapshot.get("topic_name") or dict(topic_name or {}),
        "source_language": snapshot.get("source_language", languages.DEFAULT_SOURCE),
        "segments": [segment_upgrade(segment) for segment in snapshot.get("segments", [])],
    }


def segment_upgrade(segment):
    """Return a snapshot segment with its marker style (implied by kind and level if absent)."""
    if "style" in segment:
        return segment
    return {**segment, "style": implied_style(segment.get("kind"), segment.get("level", 0))}


def canonical_json(value):
    """Return the canonical JSON form of ``value``: keys sorted, no spaces, text as is."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def snapshot_checksum(snapshot):
    """Return the SHA-256 of a snapshot's canonical JSON form."""
    return hashlib.sha256(canonical_json(snapshot).encode("utf-8")).hexdigest()


def snapshot_document(snapshot, *, revision_number, topic_names):
    """Return the exportable JSON document for a snapshot."""
    snapshot = snapshot_upgrade(snapshot, topic_names)
    document = {
        "format": DOCUMENT_FORMAT,
        "version": DOCUMENT_VERSION,
        "revision": revision_number,
    }
    document.update({name: value for name, value in snapshot.items() if name not in DERIVED_FIELDS})
    document["topic"] = {"slug": snapshot["topic"], "name": snapshot["topic_name"]}
    return document
