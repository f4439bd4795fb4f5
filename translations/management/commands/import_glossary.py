from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from translations.glossary.files import GlossaryFormatError, glossary_iter
from translations.glossary.services import GlossaryImportError, glossary_import


class Command(BaseCommand):
    help = _("Import a glossary from a TBX-Basic (.tbx) or CSV (.csv) file.")

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            file = open(path, "rb")  # noqa: SIM115 - closed below; TBX is read as it is parsed
        except OSError as error:
            raise CommandError(
                _("cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            ) from None
        with file:
            try:
                counts = glossary_import(glossary_iter(file, path))
            except (GlossaryFormatError, GlossaryImportError) as error:
                raise CommandError(f"{path}: {error}") from None
        self.stdout.write(
            _(
                "Glossary imported: %(created)s concepts created, %(updated)s updated, "
                "%(unchanged)s unchanged."
            )
            % counts
        )
