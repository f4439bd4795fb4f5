from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from translations.roles import roles_sync


class Command(BaseCommand):
    help = _("Create the role groups (editors, translators, reviewers, terminologists).")

    def handle(self, *args, **options):
        groups = roles_sync()
        for name, group in groups.items():
            count = group.permissions.count()
            self.stdout.write(
                ngettext(
                    "%(group)s: %(count)s permission", "%(group)s: %(count)s permissions", count
                )
                % {"group": name, "count": count}
            )
