from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from records.cli import user_by_username
from records.services import ActionNotAllowed, ReleaseContentError, RevisionConflict
from translations.exchange.imports import release_file_import
from translations.exchange.services import FORMATS, exchange_format_for
from translations.exchange.units import ExchangeFileError


class Command(BaseCommand):
    help = _(
        "Import a translated PO (or XLIFF 1.2) file exported by Concord: changed translations "
        "become one revision, submitted for review (fuzzy ones as drafts)."
    )
    default_format = None

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--author", required=True, help=_("username of the translator"))
        parser.add_argument(
            "--format",
            choices=sorted(FORMATS),
            default=self.default_format,
            help=_(
                "default: by the file's extension (.xlf, .xliff, .mqxliff, .sdlxliff: XLIFF; "
                "else PO)"
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("report what would change; write nothing")
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help=_("refuse the whole file if any entry conflicts with a newer server change"),
        )

    def handle(self, *args, path, author, format, dry_run, strict, **options):
        user = user_by_username(author)
        fmt = format or exchange_format_for(path)
        try:
            with open(path, "rb") as file:
                data = file.read()
        except OSError as error:
            raise CommandError(
                _("cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            ) from None
        try:
            report = release_file_import(data, fmt, author=user, dry_run=dry_run, strict=strict)
        except (
            ExchangeFileError,
            ActionNotAllowed,
            ReleaseContentError,
            RevisionConflict,
        ) as error:
            raise CommandError(f"{path}: {error}") from None
        for line in report.lines():
            self.stdout.write(line)
