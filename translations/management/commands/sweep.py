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
        checks, rechecks = len(found["releases"]), len(found["rechecks"])
        exports = len(zips["jobs"])
        published, refused = len(schedules["published"]), len(schedules["refused"])
        # One line per count, each with the plural form its number takes.
        lines = [
            ngettext(
                "%(n)s pending term check enqueued", "%(n)s pending term checks enqueued", checks
            )
            % {"n": checks},
            ngettext(
                "%(n)s glossary re-check enqueued", "%(n)s glossary re-checks enqueued", rechecks
            )
            % {"n": rechecks},
            ngettext("%(n)s topic export enqueued", "%(n)s topic exports enqueued", exports)
            % {"n": exports},
            ngettext(
                "%(n)s scheduled publication published",
                "%(n)s scheduled publications published",
                published,
            )
            % {"n": published},
            ngettext(
                "%(n)s scheduled publication refused (still pending)",
                "%(n)s scheduled publications refused (still pending)",
                refused,
            )
            % {"n": refused},
        ]
        hooks = len(webhooks_sweep()["deliveries"])
        lines.append(
            ngettext(
                "%(count)s webhook delivery that was due sent",
                "%(count)s webhook deliveries that were due sent",
                hooks,
            )
            % {"count": hooks}
        )
        self.stdout.write("\n".join(lines))
