import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.urls import reverse
from django.utils.translation import gettext as _

from config import languages
from records.demo import ACCOUNTS
from translations.demo import demo_load_all

# Where `manage.py runserver` listens by default.
LOCAL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = _("Load the demo: seed release in three languages, demo accounts, publications.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=None,
            help=_("where the printed links start (default: CONCORD_BASE_URL, else %(url)s)")
            % {"url": LOCAL},
        )

    def handle(self, *args, base_url, **options):
        # The demo's own review steps would mail reviewers and log each action: keep the
        # output to what a person needs (addresses and logins).
        audit = logging.getLogger("concord.audit")
        quiet, audit.disabled = audit.disabled, True
        try:
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
                loaded = demo_load_all(series=True)
        finally:
            audit.disabled = quiet
        release, series = loaded["release"], loaded["series"]
        base = (base_url or settings.CONCORD_BASE_URL or LOCAL).rstrip("/")
        lines = [
            _("Concord demo loaded: “%(title)s” (revision %(n)s).")
            % {"title": release.title, "n": release.head_number},
            "",
            _("Reader:"),
            *(f"  {base}/{code}/releases/{release.slug}/" for code in languages.CODES),
            _("Admin:") + f" {base}/admin/",
            _("My work (review queue):") + f" {base}{reverse('translations:my_work')}",
            _("Workbenches:"),
            *(
                f"  {base}{reverse('translations:workbench', args=[release.pk, code])}"
                for code in release.target_languages
            ),
            _("The series' next release, to translate from the translation memory:"),
            *(
                f"  {base}{reverse('translations:workbench', args=[series.pk, code])}"
                for code in series.target_languages
            ),
            "",
            _("Logins (password: %(password)s):") % {"password": loaded["password"]},
            "  admin (superuser)",
            *(f"  {username} ({group})" for username, group in ACCOUNTS),
        ]
        self.stdout.write("\n".join(lines))
