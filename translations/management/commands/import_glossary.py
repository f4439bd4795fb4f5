from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from translations.glossary.files import GlossaryFormatError, glossary_iter
from translations.glossary.services import GlossaryImportError, glossary_import


class Command(BaseCommand):
    help = _(
        "Import a glossary from a TBX (.tbx) or CSV (.csv) file, merging it into the stored "
        "concepts."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("report what the import would change, write nothing"),
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help=_(
                "remove a concept's terms in the file's languages that the file does not hold "
                "(by default they are kept and reported)"
            ),
        )

    def handle(self, *args, path, dry_run, replace, **options):
        try:
            file = open(path, "rb")  # noqa: SIM115 - closed below; TBX is read as it is parsed
        except OSError as error:
            raise CommandError(
                _("cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            ) from None
        with file:
            try:
                report = glossary_import(
                    glossary_iter(file, path), replace_terms=replace, dry_run=dry_run
                )
            except (GlossaryFormatError, GlossaryImportError) as error:
                raise CommandError(f"{path}: {error}") from None
        for line in report.lines():
            self.stdout.write(line)
