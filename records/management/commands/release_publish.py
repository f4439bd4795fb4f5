from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from records.cli import release_by_slug, user_by_username
from records.services import ActionNotAllowed, PublicationError, release_publish
from records.snapshots import LANGUAGE_CODES


class Command(BaseCommand):
    help = _("Publish a revision of a release in one language.")

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--lang", required=True, choices=LANGUAGE_CODES)
        parser.add_argument("--revision", type=int, help=_("revision number (default: newest)"))
        parser.add_argument("--author", required=True)

    def handle(self, *args, slug, lang, revision, author, **options):
        release = release_by_slug(slug)
        user = user_by_username(author)
        try:
            publication, created = release_publish(
                release, lang, revision_number=revision, author=user
            )
        except (ActionNotAllowed, PublicationError) as error:
            raise CommandError(str(error)) from None
        number = publication.revision.number
        if created:
            self.stdout.write(
                _("Published revision %(n)s of “%(slug)s” in %(lang)s.")
                % {"n": number, "slug": slug, "lang": lang}
            )
        else:
            self.stdout.write(
                _("Revision %(n)s of “%(slug)s” was already published in %(lang)s.")
                % {"n": number, "slug": slug, "lang": lang}
            )
