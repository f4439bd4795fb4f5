"""What the release services refuse, as exceptions that name the problem; nothing is written."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from ..models import Release, Revision

# "%(path)s: too long …" names the field so the editor finds it.
TOO_LONG = ngettext_lazy(
    "%(path)s: too long (%(length)s character; at most %(max)s)",
    "%(path)s: too long (%(length)s characters; at most %(max)s)",
    "length",
)


class ReleaseContentError(ValueError):
    """The content offered for a release is not valid; nothing was written."""


class ReleaseExists(ReleaseContentError):
    """A write meant to create a release met an existing one; nothing was written."""

    def __init__(self, release, slug):
        self.release = release
        super().__init__(
            _(
                "a release with slug “%(slug)s” already exists (“%(title)s”, revision %(n)s); "
                "nothing was written. Name it to update it (--into %(slug)s), or choose "
                "another slug (--slug)."
            )
            % {"slug": slug, "title": release.title, "n": release.head_number}
        )


class PublicationError(ValueError):
    """A publication request cannot be carried out; nothing was written."""


class ActionNotAllowed(PermissionError):
    """The user may not do this; nothing was written."""


class RevisionConflict(Exception):
    """A write was based on a revision that is no longer the newest one."""

    def __init__(self, release, based_on, head, message=None):
        self.release = release
        self.based_on = based_on
        self.head = head
        super().__init__(
            message
            or _(
                "Release “%(slug)s” was changed by someone else: you started from revision "
                "%(based_on)s, the newest is revision %(head)s. Nothing was saved."
            )
            % {"slug": release.slug, "based_on": based_on, "head": head}
        )


class MergeConflict(RevisionConflict):
    """Both this write and a newer revision changed the same fields; nothing was written.

    ``conflicts`` lists them (base / theirs / mine); ``merged`` is the content with every
    field that did not collide merged, and each conflicting field at the newer value.
    """

    def __init__(self, release, based_on, head, conflicts, merged):
        self.conflicts = conflicts
        self.merged = merged
        super().__init__(
            release,
            based_on,
            head,
            ngettext(
                "Release “%(slug)s” was changed by someone else since revision %(based_on)s "
                "(now revision %(head)s), and %(count)s of your changes collides with theirs. "
                "Nothing was saved: choose which version to keep.",
                "Release “%(slug)s” was changed by someone else since revision %(based_on)s "
                "(now revision %(head)s), and %(count)s of your changes collide with theirs. "
                "Nothing was saved: choose which version to keep for each.",
                len(conflicts),
            )
            % {
                "slug": release.slug,
                "based_on": based_on,
                "head": head,
                "count": len(conflicts),
            },
        )


@dataclass(frozen=True)
class WriteResult:
    release: Release
    revision: Revision | None
    created: bool
    # Conflicts a file import reported instead of applying (their value was kept).
    conflicts: list = field(default_factory=list)
    # Fields that hold invisible format characters (reported, not refused).
    warnings: list = field(default_factory=list)
    # What an import tells besides (the default topic a file without a breadcrumb went to).
    notes: list = field(default_factory=list)

    @property
    def changed(self):
        return self.revision is not None
