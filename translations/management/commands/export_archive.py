from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from translations.archive import archive_export
from translations.archive.command import ArchiveCommand


class Command(ArchiveCommand):
    help = gettext_lazy(
        "Write every release with its full history, the review state, the audit log and the "
        "glossary to a new directory (restore it with import_archive)."
    )

    def run(self, directory, progress):
        self.done = _("Archive written to %(directory)s: %(rows)d rows, %(files)d photo files.")
        return archive_export(directory, progress=progress)
