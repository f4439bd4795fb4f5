"""Key alignment: a re-imported text keeps the keys (and translations) of the segments it
continues, so translations never land on an unrelated sentence."""

import difflib
import uuid

from django.utils.translation import gettext as _

from config import languages

from ..models import Release
from ..slugs import release_slug, slug_from
from .errors import ReleaseContentError
from .validation import slug_check

SIMILAR_ENOUGH = 0.6


def _similar(old, new, source):
    """Return whether two source-language segments are versions of one another."""
    if old["kind"] != new["kind"]:
        return False
    a, b = old["text"].get(source, ""), new["text"].get(source, "")
    # A short heading that gained words ("Economy" → "Economy and trade") is still itself.
    if a and b and (a in b or b in a):
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR_ENOUGH


def _similar_caption(old, new, source):
    """Return whether a photo at the same place still shows the same picture."""
    a, b = old["caption"].get(source, ""), new["caption"].get(source, "")
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR_ENOUGH


def align_keys(old_segments, new_segments, source):
    """Give parsed segments the keys (and translations) of the old segments they continue.

    Equal runs keep their keys. Inside a replaced run a new segment continues an old one only
    if its source text is similar enough; everything else is new, with blank translations.
    """

    def signature(segment):
        return (
            segment["kind"],
            segment["level"],
            segment.get("style", ""),
            segment["text"].get(source, ""),
        )

    matcher = difflib.SequenceMatcher(
        a=[signature(s) for s in old_segments],
        b=[signature(s) for s in new_segments],
        autojunk=False,
    )
    pairs = {}
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pairs.update({b1 + offset: old_segments[a1 + offset] for offset in range(a2 - a1)})
        elif op == "replace":
            cursor = a1
            for index in range(b1, b2):
                for candidate in range(cursor, a2):
                    if _similar(old_segments[candidate], new_segments[index], source):
                        pairs[index] = old_segments[candidate]
                        cursor = candidate + 1
                        break
    aligned = []
    for index, segment in enumerate(new_segments):
        old = pairs.get(index)
        if old is None:
            aligned.append({**segment, "key": str(uuid.uuid4())})
            continue
        text = {**old["text"], source: segment["text"][source]}
        aligned.append({**segment, "key": old["key"], "text": text})
    return aligned


def title_missing(parsed):
    """Return the refusal of a parsed text that gives its release no title."""
    return _(
        "line %(line)s: the release has no title: pass --title (the file has no title "
        "line above the date and no photo caption to take it from)"
    ) % {"line": parsed.date_line or 1}


def title_from_lead(parsed, title=None):
    """Tell whether a release's title is its lead's first sentence (no title given)."""
    return not (title or "").strip() and parsed.title_from_lead


def content_from_parsed(
    parsed, *, slug=None, title=None, previous=None, source=None, topic_slug=None
):
    """Return release content for a parsed text release in ``source`` (default: the default
    source language), keeping keys and translations of ``previous`` (the current snapshot)
    where segments correspond."""
    source = source or languages.DEFAULT_SOURCE
    title_text = (title or parsed.title or "").strip()
    if not title_text:
        raise ReleaseContentError(title_missing(parsed))
    topic = topic_slug if topic_slug is not None else slug_from(parsed.topic, 100)
    max_length = Release._meta.get_field("slug").max_length
    slug = slug or release_slug(
        title_text, parsed.date, topic, max_length, lead=title_from_lead(parsed, title)
    )
    slug_check(slug, "--slug", max_length)

    def texts(text):
        return {**{code: "" for code in languages.CODES}, source: text}

    segments = [
        {"key": None, "kind": s.kind, "level": s.level, "style": s.style, "text": texts(s.text)}
        for s in parsed.segments
    ]
    photos = [
        {"key": None, "caption": texts(p.caption), "credit": texts(p.credit)} for p in parsed.photos
    ]
    titles = texts(title_text)
    if previous:
        segments = align_keys(previous["segments"], segments, source)
        kept = []
        for index, photo in enumerate(photos):
            old = previous["photos"][index] if index < len(previous["photos"]) else None
            if old is not None and _similar_caption(old, photo, source):
                photo = {
                    "key": old["key"],
                    "caption": {**old["caption"], source: photo["caption"][source]},
                    "credit": {**old["credit"], source: photo["credit"][source]},
                }
            kept.append(photo)
        photos = kept
        titles = {**previous["title"], source: title_text}
    for item in segments + photos:
        item["key"] = item["key"] or str(uuid.uuid4())
    return {
        "slug": slug,
        "date": parsed.date.isoformat(),
        "topic": topic,
        "source_language": source,
        "title": titles,
        "photos": photos,
        "segments": segments,
    }
