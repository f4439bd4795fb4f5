import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from translations.memory.tmx import TmxError, memory_export


class Command(BaseCommand):
    help = _("Export the translation memory into one language as TMX 1.4b.")

    def add_arguments(self, parser):
        parser.add_argument("--lang", required=True, help=_("the target language, e.g. ja"))
        parser.add_argument("--output", "-o", default="-", help=_("a file (default: stdout)"))

    def handle(self, *args, lang, output, **options):
        try:
            data = memory_export(lang)
        except TmxError as error:
            raise CommandError(str(error)) from None
        if output == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        try:
            with open(output, "wb") as file:
                file.write(data)
        except OSError as error:
            raise CommandError(
                _("cannot write %(path)s: %(error)s") % {"path": output, "error": error.strerror}
            ) from None
