import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from records.segmenter import SegmenterError, parse_release_text
from records.services import (
    ReleaseContentError,
    RevisionConflict,
    release_import_document,
    release_import_text,
)

from ._common import user_by_username


class Command(BaseCommand):
    help = _("Import a release from the release text format or from an exported JSON document.")

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("a release text file, or a .json export"))
        parser.add_argument("--slug", help=_("slug of the release (text files only)"))
        parser.add_argument("--title", help=_("English title (text files only)"))
        parser.add_argument("--author", help=_("username recorded as the revision author"))
        parser.add_argument("--message", default="", help=_("revision message"))
        parser.add_argument(
            "--based-on",
            type=int,
            dest="based_on",
            help=_("revision number the file was based on; refused if it is no longer the newest"),
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("JSON: ignore the document's revision number (overwrite newer revisions)"),
        )

    def handle(self, *args, path, slug, title, author, message, based_on, force, **options):
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
                result = self._import_json(data, path, user, message, based_on, force)
            else:
                parsed = parse_release_text(data)
                result = release_import_text(
                    parsed,
                    slug=slug,
                    title=title,
                    author=user,
                    message=message,
                    based_on=based_on,
                )
        except SegmenterError as error:
            raise CommandError(f"{path}: {error}") from None
        except (ReleaseContentError, RevisionConflict) as error:
            raise CommandError(f"{path}: {error}") from None
        release, revision = result.release, result.revision
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

    def _import_json(self, data, path, user, message, based_on, force):
        try:
            document = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise ReleaseContentError(
                _("not UTF-8 text (byte %(pos)s)") % {"pos": error.start}
            ) from None
        except json.JSONDecodeError as error:
            raise ReleaseContentError(
                _("line %(line)s: not valid JSON: %(msg)s")
                % {"line": error.lineno, "msg": error.msg}
            ) from None
        return release_import_document(
            document,
            author=user,
            message=message or _("Imported from %(name)s") % {"name": Path(path).name},
            based_on=based_on,
            force=force,
        )
