"""Imports: JSON documents and release text files, each through the one write path; and where
a text would go (topic, slug) read before anything is written, for the previews."""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from config import languages

from ..models import Release, Topic
from ..romaji import has_japanese
from ..slugs import release_slug, slug_from
from ..snapshots import snapshot_upgrade, translated
from .alignment import content_from_parsed, title_from_lead, title_missing
from .errors import ReleaseContentError, ReleaseExists
from .topics import topic_for_text
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
    that release (a romanised Japanese slug takes the next free suffix instead); ``into`` (a
    slug) updates that release on purpose. An update is based on the newest revision and
    changes only the text's own language and the structure. ``topic`` (a slug or name)
    stands in for the breadcrumb; a file that names no topic goes to the default topic, and
    the result's ``notes`` say so.
    """
    source = source or languages.DEFAULT_SOURCE
    release = None
    if into is not None:
        release = Release.objects.select_related("topic").filter(slug=into).first()
        if release is None:
            raise ReleaseContentError(_("--into: no release with slug “%(slug)s”") % {"slug": into})
        slug = slug or release.slug
    choice = topic_for_text(parsed, topic, release, source)
    topic_slug, topic_names = choice.slug, choice.names
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
    result = release_write(
        content,
        author=author,
        message=message or revision_message(gettext_noop("Imported from text")),
        based_on=based_on,
        release_id=release.pk if release is not None else None,
        topic_names=topic_names,
    )
    return replace(result, notes=[*result.notes, choice.note]) if choice.note else result


def _free_slug(parsed, slug, title, source, topic_slug):
    """Return ``slug``, or for a title whose slug is made for it (a romanised Japanese one,
    or the topic's slug when the title gives none) that slug and the date with the first
    suffix that is free or names a release this text continues (a re-import)."""
    if slug:
        return slug
    title_text = (title or parsed.title or "").strip()
    if not title_text:
        return None
    # A release this text continues keeps its slug, whatever slug its title gives today
    # (the rules for romanised and lead-sentence slugs have changed over time).
    continued = (
        Release.objects.filter(
            date=parsed.date,
            source_language=source,
            topic__slug=topic_slug,
            **{f"title_{source}": title_text},
        )
        .order_by("pk")
        .first()
    )
    if continued is not None:
        return continued.slug
    if slug_from(title_text) and not has_japanese(title_text):
        return None
    max_length = Release._meta.get_field("slug").max_length
    stem = release_slug(
        title_text, parsed.date, topic_slug, max_length - 4, lead=title_from_lead(parsed, title)
    )
    candidate, suffix = stem, 1
    while True:
        taken = Release.objects.filter(slug=candidate).first()
        if taken is None or (
            taken.date == parsed.date
            and taken.source_language == source
            and taken.topic.slug == topic_slug
            and getattr(taken, f"title_{source}") == title_text
        ):
            return candidate
        suffix += 1
        candidate = f"{stem}-{suffix}"


@dataclass(frozen=True)
class ImportTarget:
    """Where a parsed text would go, as :func:`release_import_text` decides it."""

    topic_slug: str
    topic_name: str
    topic_exists: bool  # False: the import creates the topic
    topic_default: bool  # the file names no topic: the default one
    release_slug: str
    release_exists: bool  # True: the import is a new revision of that release
    refusal: str = ""  # why the import would be refused ("" when it would not)


def release_import_target(parsed, *, source=None, topic=None, into=None, slug=None, title=None):
    """Return the :class:`ImportTarget` of importing ``parsed`` with these arguments of
    :func:`release_import_text`; reads only. Raise ``ReleaseContentError`` where the import
    could not even name its topic or release (an unknown ``into``, a name without a slug)."""
    source = source or languages.DEFAULT_SOURCE
    release = None
    if into is not None:
        release = Release.objects.select_related("topic").filter(slug=into).first()
        if release is None:
            raise ReleaseContentError(_("--into: no release with slug “%(slug)s”") % {"slug": into})
    choice = topic_for_text(parsed, topic, release, source)
    found = Topic.objects.filter(slug=choice.slug).first()
    names = choice.names
    name = found.name if found else names.get(source) or next(iter(names.values()), "")
    title_text = (title or parsed.title or "").strip()
    refusal = "" if title_text else title_missing(parsed)
    planned = slug or (release.slug if release else "")
    if not planned and title_text:
        max_length = Release._meta.get_field("slug").max_length
        planned = _free_slug(parsed, None, title, source, choice.slug) or release_slug(
            title_text, parsed.date, choice.slug, max_length, lead=title_from_lead(parsed, title)
        )
    existing = release or (Release.objects.filter(slug=planned).first() if planned else None)
    if existing is not None and release is None and not refusal:
        content = {
            "date": parsed.date.isoformat(),
            "topic": choice.slug,
            "title": {source: title_text},
        }
        if not _continues(existing, content, source):
            refusal = str(ReleaseExists(existing, planned))
    return ImportTarget(
        topic_slug=choice.slug,
        topic_name=name or choice.slug,
        topic_exists=found is not None,
        topic_default=choice.default,
        release_slug=planned,
        release_exists=existing is not None,
        refusal=refusal,
    )
