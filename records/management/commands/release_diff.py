from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from config import languages
from records.cli import printable, release_by_slug
from records.diff import diff_snapshots, render_text_diff
from records.models import REVISION_NUMBER_MAX
from records.selectors import RevisionMissing, revision_pair

# Revision numbers are PositiveIntegerFields: 32-bit on every supported database.


class Command(BaseCommand):
    help = _("Show what changed between two revisions of a release, language by language.")

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("a", type=int, help=_("the older revision number"))
        parser.add_argument("b", type=int, help=_("the newer revision number"))
        parser.add_argument(
            "--lang", choices=languages.CODES, help=_("only this language (default: all)")
        )
        parser.add_argument("--color", action="store_true", help=_("colour the changes"))

    def handle(self, *args, slug, a, b, lang, color, **options):
        for number in (a, b):
            if not 1 <= number <= REVISION_NUMBER_MAX:
                raise CommandError(
                    _(
                        "%(n)s is not a revision number: revision numbers are whole numbers "
                        "from 1 to %(max)s"
                    )
                    % {"n": number, "max": REVISION_NUMBER_MAX}
                )
        release = release_by_slug(slug)
        try:
            old, new = revision_pair(release, a, b)
        except RevisionMissing as missing:
            raise CommandError(str(missing)) from None
        found = {a: old.snapshot, b: new.snapshot}
        for code in [lang] if lang else languages.CODES:
            label = _("revision")
            self.stdout.write(f"=== {code}: {label} {a} → {b}")
            self.stdout.write(
                render_text_diff(
                    diff_snapshots(found[a], found[b], code), color=color, escape=printable
                )
            )
