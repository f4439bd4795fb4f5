from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from translations.archive import archive_import
from translations.archive.command import ArchiveCommand


class Command(ArchiveCommand):
    help = gettext_lazy(
        "Restore an archive written by export_archive into this empty, migrated database "
        "(in one transaction; refused with nothing changed when anything is wrong)."
    )

    def run(self, directory, progress):
        self.done = _("Archive restored from %(directory)s: %(rows)d rows, %(files)d photo files.")
        return archive_import(directory, progress=progress)
