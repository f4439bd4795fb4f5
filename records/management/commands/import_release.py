from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from records.cli import printable, user_by_username
from records.segmenter import SegmenterError, parse_release_text
from records.services import (
    ActionNotAllowed,
    ReleaseContentError,
    RevisionConflict,
    document_parse,
    release_import_document,
    release_import_text,
)


class Command(BaseCommand):
    help = _("Import a release from the release text format or from an exported JSON document.")

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("a release text file, or a .json export"))
        parser.add_argument("--slug", help=_("slug of a new release (text files only)"))
        parser.add_argument("--title", help=_("title (text files only)"))
        parser.add_argument(
            "--into",
            metavar="SLUG",
            help=_("text files: update this existing release (its keys and translations kept)"),
        )
        parser.add_argument("--author", help=_("username recorded as the revision author"))
        parser.add_argument("--message", default="", help=_("revision message"))
        parser.add_argument(
            "--based-on",
            type=int,
            dest="based_on",
            help=_("JSON: the revision the document was based on (default: the one it names)"),
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help=_("JSON: refuse the whole document if any field conflicts with newer changes"),
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("JSON: overwrite newer revisions (recorded in the revision message)"),
        )

    def handle(self, *args, path, slug, title, into, author, message, based_on, **options):
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            ) from None
        user = user_by_username(author)
        try:
            if file.suffix.lower() == ".json":
                result = release_import_document(
                    document_parse(data),
                    author=user,
                    message=message or _("Imported from %(name)s") % {"name": file.name},
                    based_on=based_on,
                    force=options["force"],
                    strict=options["strict"],
                )
            else:
                result = release_import_text(
                    parse_release_text(data),
                    slug=slug,
                    title=title,
                    into=into,
                    author=user,
                    message=message,
                )
        except SegmenterError as error:
            raise CommandError(f"{path}: {error}") from None
        except (ReleaseContentError, RevisionConflict, ActionNotAllowed) as error:
            raise CommandError(f"{path}: {printable(str(error))}") from None
        self._report(result)

    def _report(self, result):
        release, revision = result.release, result.revision
        for conflict in result.conflicts:
            self.stderr.write(
                _("conflict, not applied (kept revision %(head)s's value): %(where)s")
                % {"head": release.head_number - (1 if revision else 0), "where": conflict.id}
            )
        for where in result.warnings:
            self.stderr.write(_("invisible characters in %(where)s") % {"where": where})
        if revision is None:
            self.stdout.write(
                _("Release “%(slug)s” unchanged (revision %(n)s): nothing written.")
                % {"slug": release.slug, "n": release.head_number}
            )
        elif result.created:
            self.stdout.write(
                _("Created release “%(slug)s” (revision %(n)s, %(count)s segments).")
                % {
                    "slug": release.slug,
                    "n": revision.number,
                    "count": len(revision.snapshot["segments"]),
                }
            )
        else:
            self.stdout.write(
                _("Updated release “%(slug)s”: revision %(n)s.")
                % {"slug": release.slug, "n": revision.number}
            )
