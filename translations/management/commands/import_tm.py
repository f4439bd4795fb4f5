from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from translations.memory.tmx import MAX_TMX_BYTES, TmxError, memory_import


class Command(BaseCommand):
    help = _("Import a TMX 1.4b file into the translation memory (the same pair keeps the newest).")

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            with open(path, "rb") as file:
                # One byte more than allowed is enough to refuse an oversized file.
                data = file.read(MAX_TMX_BYTES + 1)
        except OSError as error:
            raise CommandError(
                _("cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            ) from None
        try:
            report = memory_import(data)
        except TmxError as error:
            raise CommandError(f"{path}: {error}") from None
        for line in report.lines():
            self.stdout.write(line)
