from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config import languages
from records.alignment import Proposal
from records.cli import printable, user_by_username
from records.models import Release
from records.previews import (
    alignment_lines,
    parsed_preview,
    preview_lines,
    proposal_lines,
    target_lines,
)
from records.segmenter import SegmenterError, parse_release_text
from records.services import (
    ActionNotAllowed,
    AlignmentError,
    AlignmentProposalError,
    ReleaseContentError,
    RevisionConflict,
    document_parse,
    release_import_document,
    release_import_language,
    release_import_target,
    release_import_text,
)


def _lines(alignment):
    if isinstance(alignment, Proposal):
        return proposal_lines(alignment)
    return alignment_lines(alignment)


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
        parser.add_argument(
            "--lang",
            choices=languages.CODES,
            help=_(
                "text files: the file's language (default: the release's source language, or "
                "the default one); another language than the source is aligned to the release"
            ),
        )
        parser.add_argument(
            "--source",
            nargs="?",
            const=True,
            choices=languages.CODES,
            metavar="LANG",
            help=_(
                "text files: the file is the original of a new release, written in LANG "
                '("--source ja"; alone: in --lang)'
            ),
        )
        parser.add_argument(
            "--topic",
            help=_(
                "text files: topic slug or name instead of the breadcrumb's (a file without one "
                "goes to the default topic)"
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            dest="dry_run",
            help=_("text files: print the parsed structure or the alignment; write nothing"),
        )
        parser.add_argument(
            "--accept-alignment",
            action="store_true",
            dest="accept_alignment",
            help=_(
                "text files in another language: write the proposed pairing where the file's "
                "structure differs from the release's (review it first with --dry-run)"
            ),
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
                result = self._import_text(data, slug, title, into, user, message, options)
                if result is None:
                    return
        except SegmenterError as error:
            raise CommandError(f"{path}: {error}") from None
        except AlignmentProposalError as error:
            raise CommandError(f"{path}: {printable(str(error))}") from None
        except AlignmentError as error:
            for line in _lines(error.alignment):
                self.stderr.write(printable(line))
            raise CommandError(f"{path}: {printable(str(error))}") from None
        except (ReleaseContentError, RevisionConflict, ActionNotAllowed) as error:
            raise CommandError(f"{path}: {printable(str(error))}") from None
        self._report(result)

    def _import_text(self, data, slug, title, into, user, message, options):
        """Import a text file; return the write's result, or None after a dry run."""
        release = Release.objects.filter(slug=into).first() if into else None
        source = release.source_language if release else languages.DEFAULT_SOURCE
        original = options["source"]
        if original not in (None, True):
            # "--source ja": the file is written in Japanese, the original of its release.
            if options["lang"] and options["lang"] != original:
                raise CommandError(
                    _("--source %(source)s and --lang %(lang)s name different languages")
                    % {"source": original, "lang": options["lang"]}
                )
            if release is not None and release.source_language != original:
                raise CommandError(
                    _(
                        "--source %(source)s: release “%(slug)s” is written in %(name)s; import "
                        "the %(language)s text with --lang %(source)s --into %(slug)s"
                    )
                    % {
                        "source": original,
                        "slug": release.slug,
                        "name": languages.name(release.source_language),
                        "language": languages.name(original),
                    }
                )
            options["lang"] = original
        language = options["lang"] or source
        if release is None and language != source and not original:
            raise CommandError(
                _(
                    "--lang %(lang)s: a new release needs --source %(lang)s (the file is its "
                    "original), or --into SLUG to add the %(name)s text to an existing release"
                )
                % {"lang": language, "name": languages.name(language)}
            )
        parsed = parse_release_text(data, language)
        if release is not None and language != release.source_language:
            alignment, result = release_import_language(
                parsed,
                language=language,
                into=into,
                author=user,
                message=message,
                dry_run=options["dry_run"],
                accept_alignment=options["accept_alignment"],
            )
            if options["dry_run"]:
                for line in _lines(alignment):
                    self.stdout.write(printable(line))
                if not alignment.ok:
                    raise CommandError(printable(alignment.divergence))
                return None
            for note in alignment.notes:
                self.stdout.write(printable(note))
            return result
        source = language if release is None else release.source_language
        if options["dry_run"]:
            target = release_import_target(
                parsed, source=source, topic=options["topic"], into=into, slug=slug, title=title
            )
            for line in preview_lines(parsed_preview(parsed, language)) + target_lines(target):
                self.stdout.write(printable(line))
            return None
        return release_import_text(
            parsed,
            slug=slug,
            title=title,
            into=into,
            author=user,
            message=message,
            source=source,
            topic=options["topic"],
        )

    def _report(self, result):
        release, revision = result.release, result.revision
        for note in result.notes:
            self.stdout.write(note)
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
                ngettext(
                    "Created release “%(slug)s” (revision %(n)s, %(count)s segment).",
                    "Created release “%(slug)s” (revision %(n)s, %(count)s segments).",
                    len(revision.snapshot["segments"]),
                )
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
