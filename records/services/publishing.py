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
    nothing. Guards registered by other apps (the review gate) may refuse it; their
    publication listeners (webhooks) run in its transaction once it is written.
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
            % {"n": number, "language": languages.name_in_sentence(language)}
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
    registry.publication_created(publication)
    audit("release.publish", user=author, release=locked, language=language, revision=number)
    return publication, True


class PublicationsRefused(PublicationError):
    """Publishing several language versions together was refused; nothing was published.

    ``refusals`` lists ``(release, language, reason)`` for every one that could not be."""

    def __init__(self, refusals):
        self.refusals = refusals
        super().__init__(
            _("Nothing was published: %(reasons)s")
            % {
                "reasons": "; ".join(
                    _("“%(release)s” in %(language)s: %(reason)s")
                    % {
                        "release": release,
                        "language": languages.name_in_sentence(code),
                        "reason": reason,
                    }
                    for release, code, reason in refusals
                )
            }
        )


def _stale_check(release, seen):
    """Refuse when the newest revision of ``release`` is not ``seen`` (the one a page showed)."""
    locked = release_lock(release.pk)
    if seen is not None and locked.head_number != seen:
        raise PublicationError(
            _(
                "the release changed since the page was loaded (revision %(head)s now, the page "
                "showed revision %(seen)s): reload the page and check it again"
            )
            % {"head": locked.head_number, "seen": seen}
        )


@transaction.atomic
def releases_publish(requests, *, author=None):
    """Publish the newest revision of every ``(release, language, seen)`` in ``requests``
    together, in one transaction: all of them or none.

    ``seen`` is the revision number the requester saw as the newest (None: whatever is newest
    now); a release changed since is refused. Each language goes through ``release_publish``
    and so through the same guards. Every refusal is collected before anything is given up,
    so the error (``PublicationsRefused``) names what blocks each language of each release.
    Return ``[(publication, created), …]`` in the order of ``requests``.
    """
    if author is not None and not permissions.can_publish(author):
        raise ActionNotAllowed(
            _("%(user)s may not publish releases; nothing was published")
            % {"user": author.get_username()}
        )
    wanted, seen_keys = [], set()
    for release, language, seen in requests:
        if (release.pk, language) not in seen_keys:
            seen_keys.add((release.pk, language))
            wanted.append((release, language, seen))
    if not wanted:
        raise PublicationError(_("Choose at least one language version; nothing was published."))
    refusals, done = [], []
    # Releases are locked in the order of their ids, so two such requests cannot deadlock.
    for release, language, seen in sorted(wanted, key=lambda item: item[0].pk):
        try:
            with transaction.atomic():
                _stale_check(release, seen)
                done.append(release_publish(release, language, author=author))
        except PublicationError as error:
            refusals.append((release, language, str(error)))
    if refusals:
        raise PublicationsRefused(refusals)
    order = {(release.pk, language): index for index, (release, language, _s) in enumerate(wanted)}
    return sorted(done, key=lambda item: order[(item[0].release_id, item[0].language)])
