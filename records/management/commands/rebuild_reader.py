from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from records.reader import reader_rebuild


class Command(BaseCommand):
    help = _("Rebuild the reader read model (pages and search index) from the publications.")

    def handle(self, *args, **options):
        count = reader_rebuild()
        self.stdout.write(
            ngettext("Rebuilt %(count)d reader page.", "Rebuilt %(count)d reader pages.", count)
            % {"count": count}
        )
