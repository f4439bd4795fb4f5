from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from records.cli import printable, printable_json, release_by_slug
from records.selectors import release_history


class Command(BaseCommand):
    help = _("List the revisions of a release, newest first.")

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--format", default="text", choices=["text", "json"])

    def handle(self, *args, slug, format, **options):
        release = release_by_slug(slug)
        revisions = list(release_history(release))
        if format == "json":
            rows = [
                {
                    "number": revision.number,
                    "parent": revision.number - 1 if revision.parent_id else None,
                    "author": revision.author.get_username() if revision.author else None,
                    "created_at": revision.created_at.isoformat(),
                    "message": revision.message,
                    "checksum": revision.checksum,
                }
                for revision in revisions
            ]
            self.stdout.write(printable_json({"release": release.slug, "revisions": rows}))
            return
        for revision in revisions:
            author = printable(revision.author.get_username()) if revision.author else "—"
            self.stdout.write(
                f"{revision.number:>4}  {revision.created_at:%Y-%m-%d %H:%M:%S}  "
                f"{author:<16} {printable(revision.message)}"
            )
