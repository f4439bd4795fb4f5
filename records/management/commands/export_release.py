import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from records.cli import release_by_slug, write_output
from records.selectors import release_document


class Command(BaseCommand):
    help = _("Print a release (any revision) as a JSON document that import_release accepts.")

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--format", default="json", choices=["json"])
        parser.add_argument("--revision", type=int, help=_("revision number (default: newest)"))
        parser.add_argument("-o", "--output", help=_("write to this file instead of stdout"))

    def handle(self, *args, slug, revision, output, **options):
        release = release_by_slug(slug)
        document = release_document(release, revision)
        if document is None:
            raise CommandError(
                _("release “%(slug)s” has no revision %(n)s")
                % {"slug": slug, "n": revision if revision is not None else 1}
            )
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if output:
            write_output(output, text.encode("utf-8"))
        else:
            self.stdout.write(text, ending="")
