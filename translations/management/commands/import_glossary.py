from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from translations.exchange import GlossaryFormatError, glossary_load
from translations.services import GlossaryImportError, glossary_import


class Command(BaseCommand):
    help = _("Import a glossary from a TBX-Basic (.tbx) or CSV (.csv) file.")

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(
                _("cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            ) from None
        try:
            concepts = glossary_load(data, path)
            counts = glossary_import(concepts)
        except (GlossaryFormatError, GlossaryImportError) as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(
            _(
                "Glossary imported: %(created)s concepts created, %(updated)s updated, "
                "%(unchanged)s unchanged."
            )
            % counts
        )
