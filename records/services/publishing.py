"""Publishing: a revision of one language becomes what readers of that language see."""

from django.db import transaction
from django.utils.translation import gettext as _

from config import languages

from .. import permissions
from ..extensions import registry
from ..logs import audit
from ..models import Publication, Revision
from ..reader.writing import reader_page_write
from .errors import ActionNotAllowed, PublicationError
from .writing import release_lock


def text_missing(snapshot, language):
    """Return whether the title or a segment of ``snapshot`` has no ``language`` text."""
    texts = [snapshot["title"].get(language, "")] + [
        segment["text"].get(language, "") for segment in snapshot["segments"]
    ]
    return not all(text.strip() for text in texts)


@transaction.atomic
def release_publish(release, language, *, revision_number=None, author=None):
    """Publish a revision (default: the newest) of ``release`` in ``language``.

    Return ``(publication, created)``; publishing the revision readers already see creates
    nothing. Guards registered by other apps (the review gate) may refuse it.
    """
    if author is not None and not permissions.can_publish(author):
        raise ActionNotAllowed(
            _("%(user)s may not publish releases") % {"user": author.get_username()}
        )
    if language not in languages.CODES:
        raise PublicationError(
            _("unknown language “%(language)s” (expected one of %(known)s)")
            % {"language": language, "known": ", ".join(languages.CODES)}
        )
    locked = release_lock(release.pk)
    number = locked.head_number if revision_number is None else revision_number
    revision = Revision.objects.filter(release=locked, number=number).first()
    if revision is None:
        raise PublicationError(
            _("release “%(slug)s” has no revision %(n)s") % {"slug": locked.slug, "n": number}
        )
    if text_missing(revision.snapshot, language):
        raise PublicationError(
            _("revision %(n)s is not fully translated into %(language)s; nothing was published")
            % {"n": number, "language": languages.name(language)}
        )
    current = Publication.objects.filter(release=locked, language=language).order_by("-id").first()
    if current is not None and current.revision_id == revision.pk:
        return current, False
    registry.publication_check(locked, language, revision, author)
    publication = Publication.objects.create(
        release=locked,
        language=language,
        revision=revision,
        slug=revision.snapshot["slug"],
        published_by=author,
    )
    # Readers see the publication and its read-model page together, or neither.
    reader_page_write(publication)
    audit("release.publish", user=author, release=locked, language=language, revision=number)
    return publication, True
