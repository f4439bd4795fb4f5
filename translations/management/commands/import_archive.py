from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from translations.archive import ArchiveError, archive_import


class Command(BaseCommand):
    help = _(
        "Restore an archive written by export_archive into this empty, migrated database "
        "(in one transaction; refused with nothing changed when anything is wrong)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, directory, verbosity=1, **options):
        def progress(name, rows):
            if verbosity > 1:
                self.stdout.write(f"{name}: {rows}")

        try:
            manifest = archive_import(directory, progress=progress)
        except (ArchiveError, OSError) as error:
            raise CommandError(str(error)) from None
        rows = sum(section["rows"] for section in manifest["sections"])
        self.stdout.write(
            _("Archive restored from %(directory)s: %(rows)d rows, %(files)d photo files.")
            % {"directory": directory, "rows": rows, "files": len(manifest["files"])}
        )
