from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from translations.roles import roles_sync


class Command(BaseCommand):
    help = _("Create the role groups (editors, translators, reviewers, terminologists).")

    def handle(self, *args, **options):
        groups = roles_sync()
        for name, group in groups.items():
            self.stdout.write(
                _("%(group)s: %(count)s permissions")
                % {"group": name, "count": group.permissions.count()}
            )
