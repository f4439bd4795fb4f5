from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from config import languages
from records.cli import write_output
from translations.glossary.files import GlossaryFormatError
from translations.glossary.services import GLOSSARY_FILES, glossary_file_export


class Command(BaseCommand):
    help = _(
        "Export the glossary as TBX-Basic (TBX v3), TBX 2008, CSV, or PO for one target language."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=list(GLOSSARY_FILES), default="tbx")
        parser.add_argument(
            "--lang",
            choices=languages.targets(),
            help=_("target language of a PO glossary (source: %(source)s)")
            % {"source": languages.DEFAULT_SOURCE},
        )
        parser.add_argument(
            "--excel",
            action="store_true",
            help=_("CSV for Excel on Windows: starts with a byte order mark (UTF-8), CRLF lines"),
        )
        parser.add_argument("-o", "--output", help=_("write to this file instead of stdout"))

    def handle(self, *args, format, lang, output, excel, **options):
        if format == "po" and not lang:
            raise CommandError(_("a PO glossary needs --lang"))
        try:
            data = glossary_file_export(format, language=lang, excel=excel)
        except GlossaryFormatError as error:
            raise CommandError(str(error)) from None
        if output:
            write_output(output, data)
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
