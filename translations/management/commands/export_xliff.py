from django.utils.translation import gettext as _

from translations.management.commands.export_po import Command as ExportCommand


class Command(ExportCommand):
    help = _("Export a release's units in one target language as an XLIFF 1.2 file.")
    default_format = "xliff"
