from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from config import languages
from records.demo import ACCOUNTS
from translations.demo import demo_load_all


class Command(BaseCommand):
    help = _("Load the demo: seed release in three languages, demo accounts, publications.")

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default=None, help=_("default: CONCORD_BASE_URL"))

    def handle(self, *args, base_url, **options):
        loaded = demo_load_all()
        release = loaded["release"]
        base = (base_url or settings.CONCORD_BASE_URL).rstrip("/")
        lines = [
            _("Concord demo loaded: “%(title)s” (revision %(n)s).")
            % {"title": release.title, "n": release.head_number},
            "",
            _("Reader:"),
            *(f"  {base}/{code}/releases/{release.slug}/" for code in languages.CODES),
            _("Admin:") + f" {base}/admin/",
            "",
            _("Logins (password: %(password)s):") % {"password": loaded["password"]},
            "  admin (superuser)",
            *(f"  {username} ({group})" for username, group in ACCOUNTS),
        ]
        self.stdout.write("\n".join(lines))
