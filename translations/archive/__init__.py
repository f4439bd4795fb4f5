"""What translations adds to a backup: the glossary, review state, audit log, checks and the
translation memory (with its index, so a restored memory answers at once).

Registered with ``records.extensions.registry`` in ``TranslationsConfig.ready()``; the
sections follow records' own, in the order they are restored.
"""

from records.archive import (
    FORMAT_VERSION,
    ArchiveError,
    ModelSection,
    archive_export,
    archive_import,
)
from translations.checks.models import (
    CheckRun,
    Finding,
    PendingCheck,
    PendingRecheck,
    ReleaseConcept,
)
from translations.checks.pending import check_runs_forget
from translations.glossary.models import Concept, GlossaryState, Term
from translations.memory.models import MemoryEntry, MemoryPosting, MemoryToken
from translations.review.models import Comment, Event, FindingOverride, UnitStatus

# The first archive format whose findings name every unit (title, photo texts, segments).
UNIT_FINDINGS_VERSION = 4


class CheckRunsBeforeUnitsSection(ModelSection):
    """The check runs of an archive written before findings named every unit: restored as
    pending checks, so the sweep checks those releases again (their findings stay until it
    replaces them)."""

    def restored(self):
        check_runs_forget()


def archive_sections(version=FORMAT_VERSION):
    """Return the sections of the translations tables in an archive of format ``version`` (the
    glossary version included, so the restored findings stay current)."""
    runs = CheckRunsBeforeUnitsSection if version < UNIT_FINDINGS_VERSION else ModelSection
    return [
        ModelSection(Concept),
        ModelSection(Term),
        ModelSection(GlossaryState),
        ModelSection(UnitStatus, chunk=2000),
        ModelSection(FindingOverride),
        ModelSection(Comment),
        ModelSection(Event, chunk=2000),
        runs(CheckRun),
        ModelSection(ReleaseConcept, chunk=2000),
        ModelSection(Finding, chunk=2000),
        ModelSection(PendingCheck),
        ModelSection(PendingRecheck),
        ModelSection(MemoryEntry, chunk=2000),
        ModelSection(MemoryToken, chunk=2000),
        ModelSection(MemoryPosting, chunk=2000),
    ]


__all__ = ["ArchiveError", "archive_export", "archive_import", "archive_sections"]
