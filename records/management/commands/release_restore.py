from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from records.cli import release_by_slug, user_by_username
from records.services import (
    ActionNotAllowed,
    ReleaseContentError,
    RevisionConflict,
    revision_restore,
)


class Command(BaseCommand):
    help = _("Restore an old revision of a release as a new revision (history is kept).")

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("number", type=int)
        parser.add_argument("--author", required=True)
        parser.add_argument(
            "--based-on",
            type=int,
            dest="based_on",
            help=_("refuse if the newest revision is no longer this one"),
        )

    def handle(self, *args, slug, number, author, based_on, **options):
        release = release_by_slug(slug)
        user = user_by_username(author)
        try:
            result = revision_restore(release, number, author=user, based_on=based_on)
        except (ActionNotAllowed, ReleaseContentError, RevisionConflict) as error:
            raise CommandError(str(error)) from None
        if result.revision is None:
            self.stdout.write(
                _("Revision %(n)s is already the current content; nothing written.") % {"n": number}
            )
        else:
            self.stdout.write(
                _("Restored revision %(old)s as revision %(new)s.")
                % {"old": number, "new": result.revision.number}
            )
