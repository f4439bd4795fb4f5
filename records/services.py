"""Services that write releases. Every write goes through ``release_write``/``revision_commit``."""

import datetime
import difflib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import permissions
from .models import Photo, Publication, Release, Revision, Segment, Topic
from .snapshots import (
    DOCUMENT_FORMAT,
    LANGUAGE_CODES,
    release_snapshot,
    snapshot_checksum,
)

KINDS = {choice.value for choice in Segment.Kind}


class RevisionConflict(Exception):
    """A write was based on a revision that is no longer the newest one."""

    def __init__(self, release, based_on, head):
        self.release = release
        self.based_on = based_on
        self.head = head
        super().__init__(
            _(
                "Release “%(slug)s” was changed by someone else: you started from revision "
                "%(based_on)s, the newest is revision %(head)s. Nothing was saved."
            )
            % {"slug": release.slug, "based_on": based_on, "head": head}
        )


class ReleaseContentError(ValueError):
    """The content offered for a release is not valid; nothing was written."""


class PublicationError(ValueError):
    """A publication request cannot be carried out; nothing was written."""


class ActionNotAllowed(PermissionError):
    """The user may not do this; nothing was written."""


@dataclass(frozen=True)
class WriteResult:
    release: Release
    revision: Revision | None
    created: bool

    @property
    def changed(self):
        return self.revision is not None


def language_name(code):
    """Return the name of a language in the active language ("Japanese", "日本語"…)."""
    return str(dict(settings.LANGUAGES).get(code, code))


def _blank_texts():
    return {code: "" for code in LANGUAGE_CODES}


def _texts(value, path):
    """Return the ``{language: text}`` a document gives (languages it leaves out stay out)."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {LANGUAGE_CODES[0]: value.strip()}
    if not isinstance(value, dict):
        raise ReleaseContentError(
            _("%(path)s: expected an object of texts per language") % {"path": path}
        )
    unknown = sorted(set(value) - set(LANGUAGE_CODES))
    if unknown:
        raise ReleaseContentError(
            _("%(path)s: unknown language %(languages)s (expected one of %(known)s)")
            % {"path": path, "languages": ", ".join(unknown), "known": ", ".join(LANGUAGE_CODES)}
        )
    texts = {}
    for code, text in value.items():
        if text is None:
            continue
        if not isinstance(text, str):
            raise ReleaseContentError(
                _("%(path)s.%(code)s: expected text") % {"path": path, "code": code}
            )
        texts[code] = text.strip()
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


def _slug(value, path, max_length):
    if not isinstance(value, str) or not value or slugify(value) != value:
        raise ReleaseContentError(
            _("%(path)s: “%(slug)s” is not a valid slug") % {"path": path, "slug": value}
        )
    if len(value) > max_length:
        raise ReleaseContentError(_LONG % {"path": path, "max": max_length, "length": len(value)})
    return value


_LONG = gettext_lazy("%(path)s: too long (%(length)s characters; at most %(max)s)")


def content_from_document(document):
    """Validate an exported JSON document and return ``(content, topic_names, revision)``.

    Texts are partial: a language the document leaves out is absent from its dicts, so that
    ``content_complete`` keeps the release's current text in that language.
    """
    if not isinstance(document, dict):
        raise ReleaseContentError(_("the document must be a JSON object"))
    if document.get("format", DOCUMENT_FORMAT) != DOCUMENT_FORMAT:
        raise ReleaseContentError(_("format: expected “%(format)s”") % {"format": DOCUMENT_FORMAT})
    for field in ("slug", "date", "topic", "title", "segments"):
        if field not in document:
            raise ReleaseContentError(_("%(field)s: missing") % {"field": field})
    slug = _slug(document["slug"], "slug", Release._meta.get_field("slug").max_length)
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
        topic = topic.get("slug") or slugify(topic_names.get(LANGUAGE_CODES[0], ""))
    topic = _slug(topic, "topic", Topic._meta.get_field("slug").max_length)
    segments_in = document["segments"]
    if not isinstance(segments_in, list) or not segments_in:
        raise ReleaseContentError(_("segments: expected a non-empty list"))
    seen = set()
    segments = []
    for index, item in enumerate(segments_in):
        path = f"segments[{index}]"
        if not isinstance(item, dict):
            raise ReleaseContentError(_("%(path)s: expected an object") % {"path": path})
        kind = item.get("kind", Segment.Kind.PARAGRAPH)
        if not isinstance(kind, str) or kind not in KINDS:
            raise ReleaseContentError(
                _("%(path)s.kind: unknown kind “%(kind)s” (expected one of %(kinds)s)")
                % {"path": path, "kind": kind, "kinds": ", ".join(sorted(KINDS))}
            )
        level = item.get("level", 0)
        if not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= 9:
            raise ReleaseContentError(
                _("%(path)s.level: expected a number from 0 to 9") % {"path": path}
            )
        segments.append(
            {
                "key": _key(item.get("key"), path, seen),
                "kind": kind,
                "level": level,
                "text": _texts(item.get("text"), f"{path}.text"),
            }
        )
    photos_in = document.get("photos") or []
    if not isinstance(photos_in, list):
        raise ReleaseContentError(_("photos: expected a list"))
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
        "title": _texts(document["title"], "title"),
        "photos": photos,
        "segments": segments,
    }
    return content, topic_names, revision


def content_complete(content, previous=None):
    """Fill the languages ``content`` leaves out from ``previous`` (matched by key), else ""."""
    previous = previous or {"title": {}, "segments": [], "photos": []}
    old_segments = {item["key"]: item for item in previous["segments"]}
    old_photos = {item["key"]: item for item in previous["photos"]}

    def complete(texts, old):
        return {code: texts.get(code, old.get(code, "")) for code in LANGUAGE_CODES}

    return {
        **content,
        "title": complete(content["title"], previous["title"]),
        "segments": [
            {
                **item,
                "text": complete(item["text"], old_segments.get(item["key"], {}).get("text", {})),
            }
            for item in content["segments"]
        ],
        "photos": [
            {
                **item,
                "caption": complete(
                    item["caption"], old_photos.get(item["key"], {}).get("caption", {})
                ),
                "credit": complete(
                    item["credit"], old_photos.get(item["key"], {}).get("credit", {})
                ),
            }
            for item in content["photos"]
        ],
    }


def content_validate(content):
    """Refuse content that the database would cut or that lacks the English text."""
    source = LANGUAGE_CODES[0]

    def check_length(texts, path, model, field):
        limit = model._meta.get_field(field).max_length
        for code, text in texts.items():
            if limit and len(text) > limit:
                raise ReleaseContentError(
                    _LONG % {"path": f"{path}.{code}", "max": limit, "length": len(text)}
                )

    _slug(content["slug"], "slug", Release._meta.get_field("slug").max_length)
    if not content["title"].get(source):
        raise ReleaseContentError(_("title.en: the English title is required"))
    check_length(content["title"], "title", Release, "title")
    for index, photo in enumerate(content["photos"]):
        check_length(photo["caption"], f"photos[{index}].caption", Photo, "caption")
        check_length(photo["credit"], f"photos[{index}].credit", Photo, "credit")
    for index, segment in enumerate(content["segments"]):
        if not segment["text"].get(source):
            raise ReleaseContentError(
                _("segments[%(index)s].text.en: the English text is required") % {"index": index}
            )


def topic_ensure(slug, names):
    """Return the topic with ``slug``, creating it (and filling blank names) as needed."""
    limit = Topic._meta.get_field("name").max_length
    for code, name in names.items():
        if len(name) > limit:
            raise ReleaseContentError(
                _LONG % {"path": f"topic.name.{code}", "max": limit, "length": len(name)}
            )
    topic, created = Topic.objects.get_or_create(
        slug=slug, defaults={"name": names.get(LANGUAGE_CODES[0]) or slug}
    )
    changed = []
    for code in LANGUAGE_CODES:
        field = f"name_{code}"
        if names.get(code) and not getattr(topic, field):
            setattr(topic, field, names[code])
            changed.append(field)
    if changed and not created:
        topic.save(update_fields=changed)
    elif changed:
        topic.save()
    return topic


def release_lock(release_id, based_on=None):
    """Lock a release row for writing and refuse the write if ``based_on`` is stale."""
    release = Release.objects.select_for_update().select_related("topic").get(pk=release_id)
    if based_on is not None and based_on != release.head_number:
        raise RevisionConflict(release, based_on, release.head_number)
    return release


def _apply_translated(obj, field, texts):
    for code in LANGUAGE_CODES:
        setattr(obj, f"{field}_{code}", texts.get(code, ""))


def _apply_children(model, release, items, fields, assign):
    """Bring ``release``'s children of ``model`` in line with ``items`` in a few bulk queries."""
    existing = {str(obj.key): obj for obj in model.objects.filter(release=release)}
    wanted = {item["key"] for item in items}
    removed = [obj.pk for key, obj in existing.items() if key not in wanted]
    if removed:
        model.objects.filter(pk__in=removed).delete()
    to_update, to_create = [], []
    # Positions count from 1, as editors and the compare view number segments.
    for position, item in enumerate(items, start=1):
        obj = existing.get(item["key"])
        if obj is None:
            obj = model(release=release, key=uuid.UUID(item["key"]))
            to_create.append(obj)
        else:
            to_update.append(obj)
        obj.position = position
        assign(obj, item)
    if to_update:
        model.objects.bulk_update(to_update, fields, batch_size=500)
    if to_create:
        model.objects.bulk_create(to_create, batch_size=500)


def _segment_fields():
    return ["position", "kind", "level"] + [f"text_{code}" for code in LANGUAGE_CODES]


def _photo_fields():
    return ["position"] + [
        f"{field}_{code}" for field in ("caption", "credit") for code in LANGUAGE_CODES
    ]


def _assign_segment(segment, item):
    segment.kind = item["kind"]
    segment.level = item["level"]
    _apply_translated(segment, "text", item["text"])


def _assign_photo(photo, item):
    _apply_translated(photo, "caption", item["caption"])
    _apply_translated(photo, "credit", item["credit"])


def release_apply(release, content):
    """Write ``content`` (snapshot shape) into the release's working copy."""
    release.slug = content["slug"]
    release.date = datetime.date.fromisoformat(content["date"])
    _apply_translated(release, "title", content["title"])
    release.save()
    _apply_children(Segment, release, content["segments"], _segment_fields(), _assign_segment)
    _apply_children(Photo, release, content["photos"], _photo_fields(), _assign_photo)


def revision_commit(release, *, author=None, message=""):
    """Record the working copy as a new revision, or return None when nothing changed.

    The caller holds the release's row lock (``release_lock``) inside a transaction.
    """
    snapshot = release_snapshot(release)
    checksum = snapshot_checksum(snapshot)
    head = None
    if release.head_number:
        head = Revision.objects.only("id", "checksum").get(
            release=release, number=release.head_number
        )
        if head.checksum == checksum:
            return None
    revision = Revision.objects.create(
        release=release,
        number=release.head_number + 1,
        parent=head,
        author=author,
        message=message[:500],
        snapshot=snapshot,
        checksum=checksum,
    )
    release.head_number = revision.number
    Release.objects.filter(pk=release.pk).update(head_number=revision.number)
    _on_revision(revision)
    return revision


def _renumber(queryset, moved=()):
    """Set the positions of ``queryset``'s rows to 1..n in position order.

    Where rows share a position, the ones the editor just placed there (``moved``: new rows
    or rows whose position was changed) come first: typing 2 puts a row at place 2.
    """
    moved = set(moved)
    rows = sorted(
        queryset.only("id", "position"),
        key=lambda row: (row.position, row.pk not in moved, row.pk),
    )
    changed = []
    for index, row in enumerate(rows, start=1):
        if row.position != index:
            row.position = index
            changed.append(row)
    if changed:
        queryset.model.objects.bulk_update(changed, ["position"], batch_size=500)


def release_edit_commit(release, *, author=None, message="", moved=()):
    """Record a working copy edited in place (the admin's forms) as one revision.

    The caller holds the release's row lock (``release_lock``) in the same transaction.
    Positions are closed up to 1..n first; ``moved`` holds the ids of segments and photos
    whose position the editor set in this edit (they win ties).
    """
    _renumber(Segment.objects.filter(release=release), moved)
    _renumber(Photo.objects.filter(release=release), moved)
    return revision_commit(release, author=author, message=message)


def _on_revision(revision):
    """Run what follows a new revision once the transaction commits."""
    from . import signals

    signals.revision_created.send(sender=Revision, revision=revision)


@transaction.atomic
def release_write(
    content, *, author=None, message="", based_on=None, topic_names=None, release_id=None
):
    """Create or update a release from ``content`` and record one revision if it changed.

    The release is ``release_id`` (which may be renamed to ``content["slug"]``), else the one
    with that slug, else a new one. ``based_on`` is the revision number the writer started
    from; a stale one raises ``RevisionConflict`` and nothing is written.
    """
    content_validate(content)
    taken = Release.objects.filter(slug=content["slug"]).values_list("pk", flat=True).first()
    if release_id is not None and taken not in (None, release_id):
        raise ReleaseContentError(
            _("slug “%(slug)s” is taken by another release") % {"slug": content["slug"]}
        )
    existing = release_id if release_id is not None else taken
    topic = topic_ensure(content["topic"], topic_names or {})
    if existing is None:
        # A new release has no newer revision to conflict with (e.g. a backup restored).
        release = Release(topic=topic, head_number=0)
        created = True
    else:
        release = release_lock(existing, based_on)
        created = False
    release.topic = topic
    try:
        with transaction.atomic():
            release_apply(release, content)
    except IntegrityError:
        raise ReleaseContentError(
            _(
                "release “%(slug)s” was created by someone else at the same time; nothing was "
                "written — import again to update it"
            )
            % {"slug": content["slug"]}
        ) from None
    revision = revision_commit(release, author=author, message=message)
    return WriteResult(release=release, revision=revision, created=created)


def release_import_document(document, *, author=None, message="", based_on=None, force=False):
    """Create or update a release from an exported JSON document.

    The document's revision number is the revision it was based on, so a document exported
    before someone else's change is refused unless ``force``. Languages the document leaves out
    keep their current text.
    """
    content, topic_names, revision = content_from_document(document)
    release = Release.objects.filter(slug=content["slug"]).first()
    if release is None:
        based_on = None
    elif based_on is None and not force:
        based_on = revision
    previous = release_snapshot(release) if release else None
    return release_write(
        content_complete(content, previous),
        author=author,
        message=message,
        based_on=based_on,
        topic_names=topic_names,
    )


SIMILAR_ENOUGH = 0.6


def _similar(old, new):
    """Return whether two English segments are versions of one another."""
    if old["kind"] != new["kind"]:
        return False
    a, b = old["text"][LANGUAGE_CODES[0]], new["text"][LANGUAGE_CODES[0]]
    # A short heading that gained words ("Economy" → "Economy and trade") is still itself.
    if a and b and (a in b or b in a):
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR_ENOUGH


def _similar_caption(old, new):
    """Return whether a photo at the same place still shows the same picture."""
    a, b = old["caption"][LANGUAGE_CODES[0]], new["caption"][LANGUAGE_CODES[0]]
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR_ENOUGH


def _align_keys(old_segments, new_segments):
    """Give parsed segments the keys (and translations) of the old segments they continue.

    Equal runs keep their keys. Inside a replaced run a new segment continues an old one only
    if its English is similar enough, so a translation never lands on an unrelated sentence;
    everything else is new, with blank translations.
    """

    def signature(segment):
        return (segment["kind"], segment["level"], segment["text"][LANGUAGE_CODES[0]])

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
                    if _similar(old_segments[candidate], new_segments[index]):
                        pairs[index] = old_segments[candidate]
                        cursor = candidate + 1
                        break
    aligned = []
    for index, segment in enumerate(new_segments):
        old = pairs.get(index)
        if old is None:
            aligned.append({**segment, "key": str(uuid.uuid4())})
            continue
        text = dict(old["text"])
        text[LANGUAGE_CODES[0]] = segment["text"][LANGUAGE_CODES[0]]
        aligned.append({**segment, "key": old["key"], "text": text})
    return aligned


def content_from_parsed(parsed, *, slug=None, title=None, previous=None):
    """Return release content for a parsed text release, keeping keys and translations of
    ``previous`` (the current snapshot) where segments correspond."""
    source = LANGUAGE_CODES[0]
    title_text = (title or parsed.title or "").strip()
    if not title_text:
        raise ReleaseContentError(
            _(
                "the release has no title: pass --title (the file has no photo caption to take it "
                "from)"
            )
        )
    slug = slug or slugify(f"{title_text}-{parsed.date.isoformat()}")
    _slug(slug, "--slug", Release._meta.get_field("slug").max_length)

    def english(text):
        return {**_blank_texts(), source: text}

    segments = [
        {"key": None, "kind": s.kind, "level": s.level, "text": english(s.text)}
        for s in parsed.segments
    ]
    photos = [
        {"key": None, "caption": english(p.caption), "credit": english(p.credit)}
        for p in parsed.photos
    ]
    titles = english(title_text)
    if previous:
        segments = _align_keys(previous["segments"], segments)
        kept = []
        for index, photo in enumerate(photos):
            old = previous["photos"][index] if index < len(previous["photos"]) else None
            if old is not None and _similar_caption(old, photo):
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
        "topic": slugify(parsed.topic),
        "title": titles,
        "photos": photos,
        "segments": segments,
    }


def release_import_text(parsed, *, slug=None, title=None, author=None, message="", based_on=None):
    """Create or update a release from a parsed release text file."""
    provisional = content_from_parsed(parsed, slug=slug, title=title)
    release = Release.objects.filter(slug=provisional["slug"]).first()
    previous = release_snapshot(release) if release else None
    content = content_from_parsed(parsed, slug=slug, title=title, previous=previous)
    return release_write(
        content,
        author=author,
        message=message or _("Imported from text"),
        based_on=based_on if based_on is not None else (release.head_number if release else None),
        topic_names={LANGUAGE_CODES[0]: parsed.topic},
    )


def revision_restore(release, number, *, author=None, based_on=None):
    """Create a new revision whose content equals revision ``number``.

    Restoring rewrites every language, so an author must be allowed to edit them all.
    """
    if author is not None and not permissions.can_restore(author):
        raise ActionNotAllowed(
            _("%(user)s may not restore revisions: that rewrites every language")
            % {"user": author.get_username()}
        )
    try:
        old = Revision.objects.get(release=release, number=number)
    except Revision.DoesNotExist:
        raise ReleaseContentError(
            _("release “%(slug)s” has no revision %(n)s") % {"slug": release.slug, "n": number}
        ) from None
    content = dict(old.snapshot)
    if content["slug"] != release.slug:
        clash = Release.objects.filter(slug=content["slug"]).exclude(pk=release.pk).exists()
        if clash:
            raise ReleaseContentError(
                _("slug “%(slug)s” is taken by another release") % {"slug": content["slug"]}
            )
    with transaction.atomic():
        locked = release_lock(release.pk, based_on)
        topic = topic_ensure(content["topic"], {})
        locked.topic = topic
        release_apply(locked, content)
        revision = revision_commit(
            locked, author=author, message=_("Restored revision %(n)s") % {"n": number}
        )
    return WriteResult(release=locked, revision=revision, created=False)


@transaction.atomic
def release_publish(release, language, *, revision_number=None, author=None):
    """Publish a revision (default: the newest) of ``release`` in ``language``."""
    if author is not None and not permissions.can_publish(author):
        raise ActionNotAllowed(
            _("%(user)s may not publish releases") % {"user": author.get_username()}
        )
    if language not in LANGUAGE_CODES:
        raise PublicationError(
            _("unknown language “%(language)s” (expected one of %(known)s)")
            % {"language": language, "known": ", ".join(LANGUAGE_CODES)}
        )
    locked = release_lock(release.pk)
    number = locked.head_number if revision_number is None else revision_number
    revision = Revision.objects.filter(release=locked, number=number).first()
    if revision is None:
        raise PublicationError(
            _("release “%(slug)s” has no revision %(n)s") % {"slug": locked.slug, "n": number}
        )
    texts = [revision.snapshot["title"].get(language, "")] + [
        segment["text"].get(language, "") for segment in revision.snapshot["segments"]
    ]
    if not all(text.strip() for text in texts):
        raise PublicationError(
            _("revision %(n)s is not fully translated into %(language)s; nothing was published")
            % {"n": number, "language": language_name(language)}
        )
    current = Publication.objects.filter(release=locked, language=language).order_by("-id").first()
    if current is not None and current.revision_id == revision.pk:
        return current, False
    publication = Publication.objects.create(
        release=locked,
        language=language,
        revision=revision,
        slug=revision.snapshot["slug"],
        published_by=author,
    )
    return publication, True
