from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from config import languages
from records.cli import release_by_slug, write_output
from records.services import ReleaseContentError
from translations.exchange.services import FORMATS, release_file_export
from translations.exchange.units import ExchangeFileError


class Command(BaseCommand):
    help = _("Export a release's units in one target language as a PO (or XLIFF 1.2) file.")
    default_format = "po"

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--lang", required=True, choices=languages.CODES)
        parser.add_argument("--revision", type=int, help=_("default: the newest revision"))
        parser.add_argument("--format", choices=sorted(FORMATS), default=self.default_format)
        parser.add_argument("-o", "--output", help=_("write to this file instead of stdout"))

    def handle(self, *args, slug, lang, revision, format, output, **options):
        release = release_by_slug(slug)
        try:
            data = release_file_export(release, lang, format, revision)
        except (ExchangeFileError, ReleaseContentError) as error:
            raise CommandError(str(error)) from None
        if output:
            write_output(output, data)
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
