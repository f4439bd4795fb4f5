from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from records.reader import reader_rebuild


class Command(BaseCommand):
    help = _("Rebuild the reader read model (pages and search index) from the publications.")

    def handle(self, *args, **options):
        count = reader_rebuild()
        self.stdout.write(_("Rebuilt %(count)d reader pages.") % {"count": count})
