"""The one write path: lock, base revision, three-way merge, validation, one revision or none."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from config import languages

from .. import permissions
from ..extensions import registry
from ..logs import audit
from ..models import Release, Revision, Topic
from ..revisions import revisions_store
from ..slugs import slug_from
from ..snapshots import (
    DERIVED_FIELDS,
    SCHEMA_VERSION,
    TRANSLATED_FIELDS,
    release_snapshot,
    snapshot_checksum,
    snapshot_upgrade,
    translated,
)
from .errors import (
    TOO_LONG,
    ActionNotAllowed,
    MergeConflict,
    ReleaseContentError,
    ReleaseExists,
    WriteResult,
)
from .merging import PRESENCE, RELEASE, merge_snapshots, snapshot_changes
from .validation import content_complete, content_validate
from .working_copy import release_apply

# What a write does with fields that both it and a newer revision changed.
REFUSE = "refuse"  # screens and --strict files: nothing is written, the conflicts are shown
REPORT = "report"  # files: everything else is applied, the conflicts keep the newer value


def revision_message(template, params=None):
    """Render a revision message in the site's language (``LANGUAGE_CODE``), whoever writes it.

    The history is one record read by everyone: a Japanese translator's save must not leave a
    Japanese message for the English editor. ``template`` is marked with ``gettext_noop``.
    """
    with translation.override(settings.LANGUAGE_CODE):
        text = translation.gettext(template)
    return text % params if params else text


def topic_ensure(slug, names):
    """Return the topic with ``slug`` (or, without one, whose name matches in any language),
    creating it and filling blank names as needed."""
    limit = Topic._meta.get_field("name").max_length
    for code, name in names.items():
        if len(name) > limit:
            raise ReleaseContentError(
                TOO_LONG % {"path": f"topic.name.{code}", "max": limit, "length": len(name)}
            )
    topic = Topic.objects.filter(slug=slug).first() if slug else None
    if topic is None:
        for code, name in names.items():
            topic = Topic.objects.filter(**{f"name_{code}": name}).first() if name else None
            if topic is not None:
                break
    if topic is None:
        source_name = next((name for name in names.values() if name), "")
        slug = slug or slug_from(source_name, Topic._meta.get_field("slug").max_length)
        if not slug:
            raise ReleaseContentError(_("topic: a topic needs a name or a slug"))
        topic = Topic.objects.create(
            slug=slug, **{f"name_{code}": name for code, name in names.items() if name}
        )
        if not topic.name:
            topic.name = slug
            topic.save(update_fields=["name"])
        return topic
    # A blank name is filled; so is one that only repeats the slug (the stand-in a topic
    # named in another language got when created).
    changed = [
        f"name_{code}"
        for code, name in names.items()
        if name and getattr(topic, f"name_{code}") in ("", None, topic.slug)
    ]
    for field in changed:
        setattr(topic, field, names[field.removeprefix("name_")])
    if changed:
        topic.save(update_fields=changed)
    return topic


def release_lock(release_id):
    """Lock a release row for writing (inside the caller's transaction) and return it."""
    return Release.objects.select_for_update().select_related("topic").get(pk=release_id)


def revision_read(release, number):
    """Return revision ``number`` of ``release``, or refuse; its ``snapshot`` (as written, in
    the schema of its time) is read when first used."""
    revision = Revision.objects.filter(release=release, number=number).first()
    if revision is None:
        raise ReleaseContentError(
            _("release “%(slug)s” has no revision %(n)s") % {"slug": release.slug, "n": number}
        )
    return revision


def revision_snapshot(release, number):
    """Return the snapshot of revision ``number``, in the current schema."""
    return _upgraded(release, revision_read(release, number))


def _upgraded(release, revision):
    return snapshot_upgrade(revision.snapshot, translated(release.topic, "name"))


def _unchanged_since(release, head, checksum):
    """Return whether the ``head`` revision already holds the snapshot with ``checksum``."""
    if head is None:
        return False
    if head.checksum == checksum:
        return True
    if head.snapshot.get("schema_version") == SCHEMA_VERSION:
        return False
    # An older schema records less; compare it as it reads today.
    return snapshot_checksum(_upgraded(release, head)) == checksum


def revision_commit(release, *, author=None, message="", context=None, children=None, head=None):
    """Record the working copy as a new revision, or return None when nothing changed.

    The caller holds the release's row lock (``release_lock``) inside a transaction;
    ``context`` goes to the revision listeners (see ``records.extensions``); ``children``
    are the ``(segments, photos)`` that ``release_apply`` just wrote (else they are read);
    ``head`` is the newest revision when the caller has read it already. The revision stores
    only what it changed against ``head``.
    """
    snapshot = release_snapshot(release, *(children or ()))
    checksum = snapshot_checksum(snapshot)
    if head is None and release.head_number:
        head = revision_read(release, release.head_number)
    if _unchanged_since(release, head, checksum):
        return None

    def store(revision):
        revisions_store([(revision, snapshot, head.snapshot if head else None)])
        revision.snapshot = snapshot

    return revision_record(
        release,
        head=head,
        checksum=checksum,
        author=author,
        message=message,
        context=context,
        store=store,
    )


def revision_record(release, *, head, checksum, author, message, context, store):
    """Create the revision after ``head`` with ``checksum``, have ``store(revision)`` write
    what it changed, move the release's head and run the revision listeners; return it."""
    revision = Revision.objects.create(
        release=release,
        number=release.head_number + 1,
        parent=head,
        author=author,
        message=message[:500],
        checksum=checksum,
    )
    store(revision)
    release.head_number = revision.number
    release.updated_at = revision.created_at
    Release.objects.filter(pk=release.pk).update(
        head_number=revision.number, updated_at=revision.created_at
    )
    registry.revision_created(revision, context)
    return revision


def changes_allowed(user, changes):
    """Refuse ``changes`` (FieldChange list) that ``user`` may not make; None: the system."""
    if user is None:
        return
    editable = set(permissions.editable_languages(user))
    structure = permissions.can_edit_structure(user)
    for change in changes:
        if change.field in TRANSLATED_FIELDS and change.language:
            if change.language not in editable:
                raise ActionNotAllowed(
                    _("%(user)s may not edit the %(language)s text (%(where)s); nothing was saved")
                    % {
                        "user": user.get_username(),
                        "language": languages.name_in_sentence(change.language),
                        "where": _describe(change),
                    }
                )
        elif not structure:
            raise ActionNotAllowed(
                _(
                    "%(user)s may not change the structure or metadata of a release "
                    "(%(where)s); nothing was saved"
                )
                % {"user": user.get_username(), "where": _describe(change)}
            )


def _describe(change):
    if change.unit == RELEASE:
        return change.field
    if change.field == PRESENCE:
        return _("a segment or photo added or removed")
    return f"{change.unit.split(':', 1)[0]} {change.field}"


def _without_derived(snapshot):
    return {name: value for name, value in snapshot.items() if name not in DERIVED_FIELDS}


EMPTY = {"title": {}, "segments": [], "photos": []}


@transaction.atomic
def release_write(
    content,
    *,
    author=None,
    message="",
    based_on=None,
    release_id=None,
    topic_names=None,
    on_conflict=REFUSE,
    resolutions=None,
    force=False,
    context=None,
):
    """Create or update a release from ``content`` and record one revision if it changed.

    The release is ``release_id`` (which may be renamed to ``content["slug"]``), else the one
    with that slug, else a new one. ``based_on`` is the revision the writer started from:
    fields changed since then by someone else merge with this write's changes, and fields
    both changed are conflicts (``on_conflict``: refuse the whole write with
    ``MergeConflict``, or keep the newer value and report them in the result). Writing into
    an existing release needs ``based_on`` (or ``force``: this write wins every field).
    Languages ``content`` leaves out keep their text. ``context`` goes to the revision
    listeners (e.g. ``{"submit": {"ja": True}}``: changed Japanese units go to review).
    """
    taken = Release.objects.filter(slug=content["slug"]).values_list("pk", flat=True).first()
    if release_id is not None and taken not in (None, release_id):
        raise ReleaseContentError(
            _("slug “%(slug)s” is taken by another release") % {"slug": content["slug"]}
        )
    existing = release_id if release_id is not None else taken
    if existing is None:
        return _release_create(
            content, author=author, message=message, topic_names=topic_names, context=context
        )
    release = release_lock(existing)
    head = release.head_number
    if force:
        based_on = head
        forced = revision_message(gettext_noop("forced: overwrote newer revisions"))
        message = f"{message} ({forced})".strip()
    if based_on is None:
        raise ReleaseExists(release, release.slug)
    if not 1 <= based_on <= head:
        raise ReleaseContentError(
            _("release “%(slug)s” has no revision %(n)s (the newest is %(head)s)")
            % {"slug": release.slug, "n": based_on, "head": head}
        )
    head_revision = revision_read(release, head)
    base_revision = head_revision if based_on == head else revision_read(release, based_on)
    base = _without_derived(_upgraded(release, base_revision))
    mine = content_complete({**base, **_without_derived(content)}, base)
    changes = snapshot_changes(base, mine)
    changes_allowed(author, changes)
    conflicts = []
    if based_on != head:
        theirs = _without_derived(_upgraded(release, head_revision))
        result = merge_snapshots(base, mine, theirs, resolutions)
        conflicts = result.conflicts
        if conflicts and on_conflict == REFUSE:
            raise MergeConflict(release, based_on, head, conflicts, result.content)
        mine = result.content
    warnings = content_validate(mine)
    topic = None
    if topic_names or mine["topic"] != release.topic.slug:
        topic = topic_ensure(mine["topic"], topic_names or {})
    children = release_apply(release, mine, topic=topic)
    revision = revision_commit(
        release,
        author=author,
        message=message,
        context=context,
        children=children,
        head=head_revision,
    )
    if revision is not None:
        audit(
            "release.write",
            user=author,
            release=release,
            language=",".join(sorted({c.language for c in changes if c.language})) or None,
            revision=revision.number,
            based_on=based_on,
            conflicts=len(conflicts),
        )
    return WriteResult(
        release=release, revision=revision, created=False, conflicts=conflicts, warnings=warnings
    )


def _release_create(content, *, author, message, topic_names, context=None):
    content = content_complete(content)
    changes_allowed(author, snapshot_changes(EMPTY, content))
    warnings = content_validate(content)
    try:
        with transaction.atomic():
            topic = topic_ensure(content["topic"], topic_names or {})
            release = Release(topic=topic, head_number=0)
            children = release_apply(release, content)
    except IntegrityError:
        # Another writer created it in the meantime (PostgreSQL; SQLite writers queue).
        raise ReleaseContentError(
            _(
                "a release with slug “%(slug)s” was created by someone else at the same time; "
                "nothing was written"
            )
            % {"slug": content["slug"]}
        ) from None
    revision = revision_commit(
        release, author=author, message=message, context=context, children=children
    )
    audit(
        "release.create",
        user=author,
        release=release,
        language=release.source_language,
        revision=revision.number,
    )
    return WriteResult(release=release, revision=revision, created=True, warnings=warnings)


def revision_restore(release, number, *, author=None, based_on=None, resolutions=None):
    """Create a new revision whose content equals revision ``number``.

    Restoring rewrites every language, so the author must be allowed to edit them all. It is
    a write based on ``based_on`` (default: the newest revision): changes made since then
    that the restore does not touch are kept; ones it would undo are conflicts.
    """
    if author is not None and not permissions.can_restore(author):
        raise ActionNotAllowed(
            _("%(user)s may not restore revisions: that rewrites every language")
            % {"user": author.get_username()}
        )
    old = _without_derived(revision_snapshot(release, number))
    result = release_write(
        old,
        author=author,
        message=revision_message(gettext_noop("Restored revision %(n)s"), {"n": number}),
        based_on=release.head_number if based_on is None else based_on,
        release_id=release.pk,
        resolutions=resolutions,
    )
    audit(
        "revision.restore",
        user=author,
        release=result.release,
        restored=number,
        revision=result.revision.number if result.revision else None,
    )
    return result
