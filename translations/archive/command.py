"""The shared shape of ``export_archive`` and ``import_archive``: one directory, progress
per section with ``-v 2``, a refusal as a command error, and a one-line summary."""

from django.core.management.base import BaseCommand, CommandError

from records.archive import ArchiveError


class ArchiveCommand(BaseCommand):
    """Run :meth:`run` on the directory and report its manifest with :attr:`done`."""

    done = ""  # a translated template with %(directory)s, %(rows)d and %(files)d

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def run(self, directory, progress):
        raise NotImplementedError

    def handle(self, *args, directory, verbosity=1, **options):
        def progress(name, rows):
            if verbosity > 1:
                self.stdout.write(f"{name}: {rows}")

        try:
            manifest = self.run(directory, progress)
        except (ArchiveError, OSError) as error:
            raise CommandError(str(error)) from None
        rows = sum(section["rows"] for section in manifest["sections"])
        self.stdout.write(
            self.done % {"directory": directory, "rows": rows, "files": len(manifest["files"])}
        )
