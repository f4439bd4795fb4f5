"""Imports: JSON documents and release text files, each through the one write path."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from config import languages

from ..models import Release, Topic
from ..slugs import slug_from
from ..snapshots import snapshot_upgrade, translated
from .alignment import content_from_parsed
from .errors import ReleaseContentError, ReleaseExists
from .validation import content_from_document
from .writing import REFUSE, REPORT, release_write, revision_message


def release_import_document(
    document, *, author=None, message="", based_on=None, force=False, strict=False
):
    """Create or update a release from an exported JSON document.

    The document's revision number is the revision it was based on: changes made since then
    merge with the document's, and fields both changed are reported and keep the newer
    value (``strict``: refuse the whole document instead). A document for an existing
    release without a revision number is refused unless ``force``. Languages the document
    leaves out keep their text.
    """
    content, topic_names, revision = content_from_document(document)
    return release_write(
        content,
        author=author,
        message=message,
        based_on=based_on if based_on is not None else revision,
        topic_names=topic_names,
        on_conflict=REFUSE if strict else REPORT,
        force=force,
    )


def _continues(release, content, source):
    """Return whether parsed ``content`` is a new version of ``release`` (same source title,
    date and topic), so a re-import may update it without being told to."""
    return (
        release.date.isoformat() == content["date"]
        and release.topic.slug == content["topic"]
        and release.source_language == source
        and getattr(release, f"title_{source}") == content["title"][source]
    )


def topic_for_text(parsed, topic=None, release=None):
    """Return ``(slug, name)`` of the topic of a parsed text: ``topic`` (a slug or a name),
    else the breadcrumb, matched with an existing topic by slug or by its name in any language,
    else ``release``'s topic."""
    name = (topic or parsed.topic or "").strip()
    if not name:
        if release is not None:
            return release.topic.slug, ""
        raise ReleaseContentError(NO_TOPIC % {"section": parsed.section or _("none")})
    found = Topic.objects.filter(slug=name).first()
    for code in languages.CODES:
        found = found or Topic.objects.filter(**{f"name_{code}": name}).first()
    if found is not None:
        # The breadcrumb fills the topic's name in the text's language if it has none.
        return found.slug, parsed.topic if not topic else ""
    if topic and slug_from(topic) == topic:
        # A new topic named by its slug: the breadcrumb (if any) gives its name.
        return topic, parsed.topic or topic
    slug = slug_from(name, Topic._meta.get_field("slug").max_length)
    if not slug:
        raise ReleaseContentError(TOPIC_WITHOUT_SLUG % {"name": name})
    return slug, name


NO_TOPIC = gettext_lazy(
    "line 1: the file names no topic (its breadcrumb: %(section)s); pass --topic with a topic's "
    "slug or name"
)
TOPIC_WITHOUT_SLUG = gettext_lazy(
    "line 1: the topic “%(name)s” is new and its name gives no ASCII slug; pass --topic with a slug"
)


def release_import_text(
    parsed,
    *,
    slug=None,
    title=None,
    author=None,
    message="",
    into=None,
    source=None,
    topic=None,
):
    """Create or update a release from a parsed release text file in ``source``.

    A file whose slug is taken by a release it does not clearly continue is refused, naming
    that release; ``into`` (a slug) updates that release on purpose. An update is based on
    the newest revision and changes only the text's own language and the structure.
    ``topic`` (a slug or name) stands in for a breadcrumb that names no topic.
    """
    source = source or languages.DEFAULT_SOURCE
    release = None
    if into is not None:
        release = Release.objects.select_related("topic").filter(slug=into).first()
        if release is None:
            raise ReleaseContentError(_("--into: no release with slug “%(slug)s”") % {"slug": into})
        slug = slug or release.slug
    topic_slug, topic_name = topic_for_text(parsed, topic, release)
    topic_names = {source: topic_name} if topic_name else {}
    content = content_from_parsed(
        parsed,
        slug=_free_slug(parsed, slug, title, source, topic_slug),
        title=title,
        source=source,
        topic_slug=topic_slug,
    )
    if into is None:
        release = Release.objects.select_related("topic").filter(slug=content["slug"]).first()
        if release is not None and not _continues(release, content, source):
            raise ReleaseExists(release, content["slug"])
    based_on = None
    if release is not None:
        based_on = release.head_number
        previous = release.revisions.get(number=based_on).snapshot
        previous = snapshot_upgrade(previous, translated(release.topic, "name"))
        content = content_from_parsed(
            parsed,
            slug=slug or release.slug,
            title=title,
            previous=previous,
            source=source,
            topic_slug=topic_slug,
        )
    return release_write(
        content,
        author=author,
        message=message or revision_message(gettext_noop("Imported from text")),
        based_on=based_on,
        release_id=release.pk if release is not None else None,
        topic_names=topic_names,
    )


def _free_slug(parsed, slug, title, source, topic_slug):
    """Return ``slug``, or for a title that gives no slug of its own (a Japanese one) the
    topic's slug and the date with the first suffix that is free or names this same release
    (same title in ``source`` and date: a re-import)."""
    if slug:
        return slug
    title_text = (title or parsed.title or "").strip()
    if slug_from(title_text) or not title_text:
        return None
    stem = f"{topic_slug}-{parsed.date.isoformat()}"
    candidate, suffix = stem, 1
    while True:
        taken = Release.objects.filter(slug=candidate).first()
        if taken is None or (
            taken.date == parsed.date and getattr(taken, f"title_{source}") == title_text
        ):
            return candidate
        suffix += 1
        candidate = f"{stem}-{suffix}"
