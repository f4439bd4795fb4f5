"""What an import of a PO or XLIFF file did (or, in a dry run, would do): the report the
command prints and the upload page shows, one line per entry that was not simply unchanged."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from records.models import Release

# Reasons in reports, by code.
REASONS = {
    "unknown": gettext_lazy("no such unit in this release"),
    "duplicate": gettext_lazy("the unit appears more than once in the file"),
    "obsolete": gettext_lazy("obsolete entry"),
    "plural": gettext_lazy("plural entries are not used by Concord"),
    "no context": gettext_lazy("entry without a unit key (msgctxt / id)"),
    "empty": gettext_lazy(
        "empty translation: the server's text was kept (clear it on the workbench)"
    ),
    "changed": gettext_lazy("the translation was changed on the server since the file's revision"),
    "removed": gettext_lazy("the unit was removed on the server since the file's revision"),
    "source": gettext_lazy(
        "the source text changed since the file was made: imported, not submitted (outdated "
        "when the file's revision had another source text)"
    ),
    "fuzzy": gettext_lazy("marked fuzzy / not confirmed: imported as a draft"),
    "submitted": gettext_lazy("submitted for review"),
    "confirmed": gettext_lazy(
        "confirmed unchanged for the new source text (un-fuzzied / translated): submitted for "
        "review"
    ),
    "comment": gettext_lazy("the file's translator comment was added to the unit"),
    "label": gettext_lazy(
        "the file did not keep the unit's key (a tool dropped it): matched by its label and "
        "source text"
    ),
    "by source": gettext_lazy(
        "the file did not keep the unit's key (a tool dropped it): matched by its source "
        "text, which no other unit has"
    ),
    "joined": gettext_lazy(
        "the file split the unit into sentences, each its own entry without the unit's key: "
        "they were joined, as their source texts make the unit's"
    ),
    "ambiguous": gettext_lazy(
        "the file did not keep the unit's key (a tool dropped it), and several units have "
        "this source text: not imported (translate it on the workbench)"
    ),
    "unmatched": gettext_lazy(
        "the file did not keep the unit's key (a tool dropped it), and no unit had this "
        "source text at the file's revision: not imported"
    ),
    "codes": gettext_lazy(
        "the translation in the file carried formatting codes (<bpt>, <ept>, <ph>, <it>), "
        "which were removed: check its formatting"
    ),
}


@dataclass(frozen=True)
class ReportLine:
    key: str
    label: str
    code: str

    @property
    def reason(self):
        return str(REASONS[self.code])

    def describe(self):
        """Return the unit's label and key; an entry that lost its key, by its label or text."""
        return f"{self.label} [{self.key}]" if self.key else self.label


@dataclass
class ImportReport:
    release: Release
    language: str
    base: int
    head: int
    dry_run: bool
    revision: int | None = None
    updated: list[ReportLine] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[ReportLine] = field(default_factory=list)
    conflicts: list[ReportLine] = field(default_factory=list)
    # Outdated units the file confirms unchanged, as the workbench's submit does.
    confirmed: list[ReportLine] = field(default_factory=list)
    # Facts about entries that do not change how they were imported (formatting codes removed,
    # comments added).
    notes: list[ReportLine] = field(default_factory=list)

    def counts(self):
        return {
            "updated": len(self.updated),
            "confirmed": len(self.confirmed),
            "unchanged": self.unchanged,
            "skipped": len(self.skipped),
            "conflicts": len(self.conflicts),
        }

    def lines(self):
        """Return the report as printable lines (commands and the admin show the same)."""
        counts = self.counts()
        head = _(
            "%(slug)s (%(language)s), file based on revision %(base)s, newest %(head)s: "
            "%(updated)s updated, %(confirmed)s confirmed, %(unchanged)s unchanged, "
            "%(skipped)s skipped, %(conflicts)s conflicts"
        ) % {
            "slug": self.release.slug,
            "language": self.language,
            "base": self.base,
            "head": self.head,
            **counts,
        }
        lines = [head]
        for title, items in (
            (_("updated"), self.updated),
            (_("confirmed"), self.confirmed),
            (_("skipped"), self.skipped),
            (_("conflict"), self.conflicts),
            (_("note"), self.notes),
        ):
            lines.extend(f"  {title}: {item.describe()}: {item.reason}" for item in items)
        if self.dry_run:
            lines.append(_("Dry run: nothing was written."))
        elif self.revision:
            lines.append(_("Recorded as revision %(n)s.") % {"n": self.revision})
        else:
            lines.append(_("Nothing changed: no revision was recorded."))
        return lines
