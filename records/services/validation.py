"""One validation for every write path: shape, limits and text hygiene of release content.

Admin forms, text and JSON imports, restores and (in translations) the workbench and PO
uploads all end in :func:`content_validate`, so whatever Concord stores it can export and
import back.
"""

import datetime
import json
import re
import uuid

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config import languages
from config.limits import MAX_JSON_DEPTH, MAX_LEVEL, MAX_UNIT_CHARS, MAX_UNITS

from ..models import Photo, Release, Topic
from ..photos import PhotoImageError, image_name_check
from ..snapshots import DOCUMENT_FORMAT
from ..vocabulary import MarkerStyle, SegmentKind, implied_style
from .errors import TOO_LONG, ReleaseContentError

KINDS = frozenset(SegmentKind.values)
STYLES = frozenset(MarkerStyle.values)

# C0 and C1 controls other than tab and newline, and lone surrogates, are never text.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Invisible format characters: kept (they can be meant), reported, and ignored by matching.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def text_check(text, path):
    """Refuse control characters and lone surrogates in ``text``; return it."""
    bad = _FORBIDDEN.search(text)
    if bad:
        raise ReleaseContentError(
            _("%(path)s: contains the control character U+%(code)04X at position %(pos)s")
            % {"path": path, "code": ord(bad[0]), "pos": bad.start() + 1}
        )
    return text


def _texts(value, path):
    """Return the ``{language: text}`` a document gives (languages it leaves out stay out)."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {languages.DEFAULT_SOURCE: text_check(value.strip(), path)}
    if not isinstance(value, dict):
        raise ReleaseContentError(
            _("%(path)s: expected an object of texts per language") % {"path": path}
        )
    unknown = sorted(set(value) - set(languages.CODES))
    if unknown:
        raise ReleaseContentError(
            _("%(path)s: unknown language %(languages)s (expected one of %(known)s)")
            % {
                "path": path,
                "languages": ", ".join(unknown),
                "known": ", ".join(languages.CODES),
            }
        )
    texts = {}
    for code, text in value.items():
        if text is None:
            continue
        if not isinstance(text, str):
            raise ReleaseContentError(
                _("%(path)s.%(code)s: expected text") % {"path": path, "code": code}
            )
        texts[code] = text_check(text.strip(), f"{path}.{code}")
    return texts


def _key(value, path, seen):
    if value in (None, ""):
        return str(uuid.uuid4())
    try:
        key = str(uuid.UUID(str(value)))
    except ValueError:
        raise ReleaseContentError(
            _("%(path)s.key: “%(value)s” is not a UUID") % {"path": path, "value": value}
        ) from None
    if key in seen:
        raise ReleaseContentError(
            _("%(path)s.key: duplicate key %(key)s") % {"path": path, "key": key}
        )
    seen.add(key)
    return key


def slug_check(value, path, max_length):
    """Return ``value`` if it is an ASCII slug of at most ``max_length`` characters."""
    if not isinstance(value, str) or not value or slugify(value) != value:
        raise ReleaseContentError(
            _("%(path)s: “%(slug)s” is not a valid slug") % {"path": path, "slug": value}
        )
    if len(value) > max_length:
        raise ReleaseContentError(
            TOO_LONG % {"path": path, "max": max_length, "length": len(value)}
        )
    return value


def _kind(value, path):
    if not isinstance(value, str) or value not in KINDS:
        raise ReleaseContentError(
            _("%(path)s.kind: unknown kind “%(kind)s” (expected one of %(kinds)s)")
            % {"path": path, "kind": value, "kinds": ", ".join(sorted(KINDS))}
        )
    return value


def _level(value, path):
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_LEVEL:
        raise ReleaseContentError(
            _("%(path)s.level: expected a number from 0 to %(max)s")
            % {"path": path, "max": MAX_LEVEL}
        )
    return value


def _style(value, path):
    if not isinstance(value, str) or value not in STYLES:
        raise ReleaseContentError(
            _("%(path)s.style: unknown marker style “%(style)s” (expected one of %(styles)s)")
            % {"path": path, "style": value, "styles": ", ".join(sorted(s for s in STYLES if s))}
        )
    return value


def _source_language(value, path="source_language"):
    if value not in languages.CODES:
        raise ReleaseContentError(
            _("%(path)s: unknown language “%(value)s” (expected one of %(known)s)")
            % {"path": path, "value": value, "known": ", ".join(languages.CODES)}
        )
    return value


def json_depth_check(data):
    """Refuse JSON text nested deeper than MAX_JSON_DEPTH before a parser recurses into it."""
    depth = 0
    in_string = escaped = False
    for char in data:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise ReleaseContentError(
                    _("the document is nested deeper than %(max)s levels") % {"max": MAX_JSON_DEPTH}
                )
        elif char in "]}":
            depth -= 1


def document_parse(data):
    """Return the JSON document in ``data`` (bytes), refusing what cannot be read safely."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReleaseContentError(
            _("not UTF-8 text (byte %(pos)s)") % {"pos": error.start}
        ) from None
    json_depth_check(text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ReleaseContentError(
            _("line %(line)s: not valid JSON: %(msg)s") % {"line": error.lineno, "msg": error.msg}
        ) from None


def content_from_document(document):
    """Validate an exported JSON document and return ``(content, topic_names, revision)``.

    Texts are partial: a language the document leaves out is absent from its dicts, so that
    ``content_complete`` keeps the release's text in that language.
    """
    if not isinstance(document, dict):
        raise ReleaseContentError(_("the document must be a JSON object"))
    if document.get("format", DOCUMENT_FORMAT) != DOCUMENT_FORMAT:
        raise ReleaseContentError(_("format: expected “%(format)s”") % {"format": DOCUMENT_FORMAT})
    for name in ("slug", "date", "topic", "title", "segments"):
        if name not in document:
            raise ReleaseContentError(_("%(field)s: missing") % {"field": name})
    slug = slug_check(document["slug"], "slug", Release._meta.get_field("slug").max_length)
    try:
        date = datetime.date.fromisoformat(str(document["date"]))
    except ValueError:
        raise ReleaseContentError(
            _("date: “%(date)s” is not a date (YYYY-MM-DD)") % {"date": document["date"]}
        ) from None
    topic = document["topic"]
    topic_names = {}
    if isinstance(topic, dict):
        topic_names = _texts(topic.get("name"), "topic.name")
        topic = topic.get("slug") or slugify(topic_names.get(languages.DEFAULT_SOURCE, ""))
    topic = slug_check(topic, "topic", Topic._meta.get_field("slug").max_length)
    segments_in = document["segments"]
    if not isinstance(segments_in, list) or not segments_in:
        raise ReleaseContentError(_("segments: expected a non-empty list"))
    photos_in = document.get("photos") or []
    if not isinstance(photos_in, list):
        raise ReleaseContentError(_("photos: expected a list"))
    units_check(len(segments_in) + len(photos_in))
    seen = set()
    segments = []
    for index, item in enumerate(segments_in):
        path = f"segments[{index}]"
        if not isinstance(item, dict):
            raise ReleaseContentError(_("%(path)s: expected an object") % {"path": path})
        kind = _kind(item.get("kind", SegmentKind.PARAGRAPH), path)
        level = _level(item.get("level", 0), path)
        segments.append(
            {
                "key": _key(item.get("key"), path, seen),
                "kind": kind,
                "level": level,
                # Documents exported before styles were recorded rendered the implied one.
                "style": _style(item.get("style", implied_style(kind, level)), path),
                "text": _texts(item.get("text"), f"{path}.text"),
            }
        )
    photo_keys = set()
    photos = []
    for index, item in enumerate(photos_in):
        path = f"photos[{index}]"
        if not isinstance(item, dict):
            raise ReleaseContentError(_("%(path)s: expected an object") % {"path": path})
        photos.append(
            {
                "key": _key(item.get("key"), path, photo_keys),
                "caption": _texts(item.get("caption"), f"{path}.caption"),
                "credit": _texts(item.get("credit"), f"{path}.credit"),
                **({"image": _image(item["image"], path)} if item.get("image") else {}),
            }
        )
    revision = document.get("revision")
    if revision is not None and (
        not isinstance(revision, int) or isinstance(revision, bool) or revision < 0
    ):
        raise ReleaseContentError(_("revision: expected a revision number"))
    content = {
        "slug": slug,
        "date": date.isoformat(),
        "topic": topic,
        "source_language": _source_language(
            document.get("source_language", languages.DEFAULT_SOURCE)
        ),
        "title": _texts(document["title"], "title"),
        "photos": photos,
        "segments": segments,
    }
    return content, topic_names, revision


def units_check(count):
    """Refuse a release of more than MAX_UNITS segments and photos."""
    if count > MAX_UNITS:
        raise ReleaseContentError(
            ngettext(
                "the release has %(count)s segment or photo; at most %(max)s are allowed",
                "the release has %(count)s segments and photos; at most %(max)s are allowed",
                count,
            )
            % {"count": count, "max": MAX_UNITS}
        )


def content_complete(content, previous=None):
    """Fill the languages ``content`` leaves out from ``previous`` (matched by key), else ""."""
    previous = previous or {"title": {}, "segments": [], "photos": []}
    old_segments = {item["key"]: item for item in previous["segments"]}
    old_photos = {item["key"]: item for item in previous["photos"]}

    def complete(texts, old):
        return {code: texts.get(code, old.get(code, "")) for code in languages.CODES}

    def item_complete(item, old, fields):
        return {**item, **{name: complete(item[name], old.get(name, {})) for name in fields}}

    return {
        **content,
        "title": complete(content["title"], previous["title"]),
        "segments": [
            _with_style(item_complete(item, old_segments.get(item["key"], {}), ("text",)))
            for item in content["segments"]
        ],
        "photos": [
            item_complete(item, old_photos.get(item["key"], {}), ("caption", "credit"))
            for item in content["photos"]
        ],
    }


def _image(name, path):
    try:
        return image_name_check(name)
    except PhotoImageError as error:
        raise ReleaseContentError(f"{path}.image: {error}") from None


def _with_style(segment):
    """Give a segment written without a marker style the one its kind and level imply."""
    if "style" in segment:
        return segment
    return {**segment, "style": implied_style(segment["kind"], segment["level"])}


def _limit(model, name):
    return model._meta.get_field(name).max_length or MAX_UNIT_CHARS


def text_limit(field):
    """Return how many characters a text of ``field`` (title, caption, credit, text) holds."""
    models = {"title": Release, "caption": Photo, "credit": Photo}
    return _limit(models[field], field) if field in models else MAX_UNIT_CHARS


def field_text_check(text, path, limit):
    """Refuse ``text`` (the field at ``path``) unless it is text within ``limit`` characters,
    without control characters; return whether it holds invisible characters."""
    if not isinstance(text, str):
        code = path.rsplit(".", 1)[-1]
        raise ReleaseContentError(
            _("%(path)s.%(code)s: expected text") % {"path": path.rsplit(".", 1)[0], "code": code}
        )
    text_check(text, path)
    if len(text) > limit:
        raise ReleaseContentError(TOO_LONG % {"path": path, "max": limit, "length": len(text)})
    return bool(INVISIBLE.search(text))


def content_validate(content):
    """Refuse content that breaks a rule; return the fields holding invisible characters.

    Every write path calls this under the release lock, so the rules are the same for the
    admin, imports, restores and file uploads.
    """
    warnings = []
    source = _source_language(content.get("source_language", languages.DEFAULT_SOURCE))

    def texts(values, path, limit, required=False):
        for code in languages.CODES:
            if field_text_check(values.get(code, ""), f"{path}.{code}", limit):
                warnings.append(f"{path}.{code}")
        if required and not values.get(source, "").strip():
            raise ReleaseContentError(
                _("%(path)s.%(code)s: the %(language)s text is required")
                % {"path": path, "code": source, "language": languages.name_in_sentence(source)}
            )

    slug_check(content["slug"], "slug", Release._meta.get_field("slug").max_length)
    units_check(len(content["segments"]) + len(content["photos"]))
    texts(content["title"], "title", text_limit("title"), required=True)
    for index, photo in enumerate(content["photos"]):
        texts(photo["caption"], f"photos[{index}].caption", text_limit("caption"))
        texts(photo["credit"], f"photos[{index}].credit", text_limit("credit"))
        if photo.get("image"):
            _image(photo["image"], f"photos[{index}]")
    for index, segment in enumerate(content["segments"]):
        path = f"segments[{index}]"
        _kind(segment["kind"], path)
        _level(segment["level"], path)
        _style(segment.get("style", ""), path)
        texts(segment["text"], f"{path}.text", text_limit("text"), required=True)
    return warnings
