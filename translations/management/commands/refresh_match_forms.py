from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from translations.glossary.services import term_match_forms_upgrade


class Command(BaseCommand):
    help = _(
        "Store the match forms of terms saved under older matching rules, so that building "
        "a matcher lemmatises nothing, and re-check the releases of the terms that now match "
        "differently."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help=_("recompute every term's forms, not only stale ones"),
        )

    def handle(self, *args, everything, **options):
        count = term_match_forms_upgrade(everything=everything)
        self.stdout.write(
            ngettext(
                "Match forms stored for %(count)s term.",
                "Match forms stored for %(count)s terms.",
                count,
            )
            % {"count": count}
        )
