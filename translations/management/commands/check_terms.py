import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from config import languages
from records.cli import release_by_slug
from translations.checks.selectors import release_findings
from translations.checks.services import release_terms_check


class Command(BaseCommand):
    help = _("Check a release's translations against the glossary and print the findings.")

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--lang", choices=languages.CODES)
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("check again even if this revision was checked with this glossary"),
        )

    def handle(self, *args, slug, lang, format, force, **options):
        release = release_by_slug(slug)
        targets = release.target_languages
        if lang and release.target_refusal(lang):
            raise CommandError(release.target_refusal(lang))
        languages = [lang] if lang else list(targets)
        release_terms_check(release, languages=languages, force=force)
        findings = [
            finding for language in languages for finding in release_findings(release, language)
        ]
        if format == "json":
            rows = [finding_json(finding) for finding in findings]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not findings:
            self.stdout.write(_("No findings: the translations use the glossary's terms."))
        for finding in findings:
            where = f"{finding.start}-{finding.end}" if finding.start is not None else "—"
            self.stdout.write(
                f"[{finding.language}] {finding.severity:<7} {finding.check_id:<17} "
                f"{finding.unit_label} ({finding.segment_key}) @{where}: "
                f"{finding.message}"
            )


def finding_json(finding):
    """Return a finding as a plain JSON-ready dict."""
    return {
        "segment_key": str(finding.segment_key),
        "segment_position": finding.segment_position,
        "language": finding.language,
        "check": finding.check_id,
        "severity": finding.severity,
        "concept": finding.concept.identifier if finding.concept_id else None,
        "term": finding.term.text if finding.term_id else None,
        "start": finding.start,
        "end": finding.end,
        "source_start": finding.source_start,
        "source_end": finding.source_end,
        "text": finding.text,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "revision": finding.revision_number,
    }
