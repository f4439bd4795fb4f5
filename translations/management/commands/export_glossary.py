from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from records.cli import write_output
from translations.exchange import GlossaryFormatError, csv_dump, tbx_dump
from translations.services import glossary_export


class Command(BaseCommand):
    help = _("Export the glossary as TBX-Basic or CSV.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["tbx", "csv"], default="tbx")
        parser.add_argument("-o", "--output", help=_("write to this file instead of stdout"))

    def handle(self, *args, format, output, **options):
        concepts = glossary_export()
        try:
            if format == "tbx":
                data = tbx_dump(concepts)
            else:
                data = csv_dump(concepts).encode("utf-8")
        except GlossaryFormatError as error:
            raise CommandError(str(error)) from None
        if output:
            write_output(output, data)
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
