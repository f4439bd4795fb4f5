from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from records.tasks import scheduled_publications_sweep
from translations.checks.tasks import pending_checks_sweep
from translations.exchange.tasks import topic_zips_sweep
from translations.webhooks.tasks import webhooks_sweep


class Command(BaseCommand):
    help = " ".join(
        [
            _(
                "Enqueue again the term checks and glossary re-checks still pending (e.g. saved "
                "while the broker was down), and the topic exports still queued; publish the "
                "scheduled publications that are due."
            ),
            _("Send the webhook deliveries that are due."),
        ]
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=0,
            help=_("only checks pending for at least this many seconds (default: all)"),
        )

    def handle(self, *args, older_than, **options):
        found = pending_checks_sweep(older_than)
        zips = topic_zips_sweep(older_than)
        schedules = scheduled_publications_sweep()
        hooks = webhooks_sweep()
        self.stdout.write(
            _(
                "%(n)s pending term checks, %(r)s glossary re-checks and %(z)s topic exports "
                "enqueued"
            )
            % {"n": len(found["releases"]), "r": len(found["rechecks"]), "z": len(zips["jobs"])}
        )
        self.stdout.write(
            _("%(p)s scheduled publications published, %(w)s refused (still pending)")
            % {"p": len(schedules["published"]), "w": len(schedules["refused"])}
        )
        count = len(hooks["deliveries"])
        self.stdout.write(
            ngettext(
                "%(count)s webhook delivery that was due sent",
                "%(count)s webhook deliveries that were due sent",
                count,
            )
            % {"count": count}
        )
