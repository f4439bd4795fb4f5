from django.utils.translation import gettext as _

from translations.management.commands.import_po import Command as ImportCommand


class Command(ImportCommand):
    help = _("Import a translated XLIFF 1.2 file exported by Concord (see import_po).")
    default_format = "xliff"
