"""The workbench's data: one row per translatable unit of a release in one target language.

Each row has the unit's source and target texts, its state, the term findings of the newest
revision (spans to mark in place, overrides, the errors that block approval), its comment
threads, for outdated units (and those updated for their new source, until approved) the
diff from the source text the translation was made from, and for a unit
approved before and not approved now the diff from the text last approved ("first
translation" when none was; "submitted unchanged" when the text under review is the one last
approved or last submitted). Built in a constant number of queries, whatever the number of
units.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from records.diff import diff_text
from records.services import revision_snapshot
from records.units import translatable_units
from translations.checks.models import Finding
from translations.checks.selectors import CHECK_CURRENT, finding_spans, terms_check_status
from translations.checks.vocabulary import Severity
from translations.review.common import pair_checksum, unit_label
from translations.review.context import term_spans, terms_attach
from translations.review.extensions import extensions
from translations.review.models import Comment, FindingOverride, UnitStatus
from translations.review.vocabulary import TODO_STATES, UnitState

# Filters of the workbench (query parameter ``filter``): name → label.
FILTERS = {
    "all": _("All"),
    "todo": _("To translate"),
    "untranslated": _("Untranslated"),
    "outdated": _("Outdated"),
    "review": _("Needs review"),
    "errors": _("With errors"),
    "comments": _("With open comments"),
}


@dataclass
class Thread:
    """A comment and its replies."""

    comment: Comment
    replies: list = field(default_factory=list)

    @property
    def is_open(self):
        return self.comment.resolved_at is None


def threads_of(comments):
    """Group ``comments`` (in order) into threads, ``{key: [Thread, …]}``."""
    roots, by_key = {}, {}
    for comment in comments:
        if comment.parent_id is None:
            roots[comment.pk] = Thread(comment)
            by_key.setdefault(comment.key, []).append(roots[comment.pk])
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id in roots:
            roots[comment.parent_id].replies.append(comment)
    return by_key


@dataclass
class Row:
    """One unit of the workbench."""

    unit: object
    label: str
    source_language: str
    language: str
    status: UnitStatus | None
    findings: list
    threads: list
    # Translation memory matches (``memory_attach``): exact first, then the best fuzzy ones.
    memory: list = field(default_factory=list)
    # Glossary concepts the source uses, with their target terms (``context.terms_attach``).
    terms: list = field(default_factory=list)

    @property
    def key(self):
        return self.unit.key

    @property
    def source(self):
        return self.unit.text(self.source_language)

    @property
    def target(self):
        return self.unit.text(self.language)

    @property
    def state(self):
        return self.status.state if self.status else UnitState.UNTRANSLATED

    @property
    def state_label(self):
        return UnitState(self.state).label

    @property
    def state_name(self):
        return UnitState(self.state).name.lower().replace("_", "-")

    @cached_property
    def spans(self):
        return finding_spans(self.findings)

    @property
    def source_spans(self):
        # Findings first: where a finding and a glossary term mark the same words, the
        # finding's mark (with its message) is the one shown.
        return self.spans[0] + term_spans(self.terms)

    @property
    def target_spans(self):
        return self.spans[1]

    @property
    def blocking(self):
        """Return the error findings with no override for the current text."""
        return [f for f in self.findings if f.severity == Severity.ERROR and f.override is None]

    @property
    def memory_fuzzy(self):
        """Return whether a memory match shown differs from the source (a legend is due)."""
        return any(not match.exact for match in self.memory)

    @property
    def open_threads(self):
        return sum(1 for thread in self.threads if thread.is_open)

    @cached_property
    def source_diff(self):
        """Return the diff from the source the translation was made from to the current
        source: while outdated, and after that until it is approved (a translation updated or
        confirmed for the new source shows its reviewer the change)."""
        if self.state in (UnitState.UNTRANSLATED, UnitState.APPROVED) or self.status is None:
            return []
        previous = self.status.source_previous
        if not previous or previous == self.source:
            return []
        return diff_text(previous, self.source, self.source_language)

    @property
    def approval(self):
        """Return the state row when the unit was approved before and is not approved now
        (its last approval is the base of the reviewer's diff), else None."""
        status = self.status
        if status is None or status.approval_by_id is None or self.state == UnitState.APPROVED:
            return None
        if self.state == UnitState.UNTRANSLATED:
            return None
        return status

    @cached_property
    def approval_diff(self):
        """Return the diff from the translation last approved to the current one."""
        approval = self.approval
        if approval is None or approval.approval_text == self.target:
            return []
        return diff_text(approval.approval_text, self.target, self.language)

    @property
    def first_translation(self):
        """Return whether the unit waits for review with no approval before it."""
        return self.state == UnitState.NEEDS_REVIEW and (
            self.status is None or self.status.approval_by_id is None
        )

    @property
    def submitted_unchanged(self):
        """Return whether the text under review is the one last approved, or the one of its
        submission before."""
        if self.state != UnitState.NEEDS_REVIEW:
            return False
        approval = self.approval
        return self.status.submitted_unchanged or (
            approval is not None and approval.approval_text == self.target
        )

    def matches(self, name):
        """Return whether this row belongs under the filter ``name``."""
        state = self.state
        return {
            "all": True,
            "todo": state in TODO_STATES,
            "untranslated": state == UnitState.UNTRANSLATED,
            "outdated": state == UnitState.OUTDATED,
            "review": state == UnitState.NEEDS_REVIEW,
            "errors": bool(self.blocking),
            "comments": bool(self.open_threads),
        }[name]


@dataclass
class Workbench:
    release: object
    language: str
    source_language: str
    head: int
    rows: list
    # Where the term check of the findings shown stands (``terms_check_status``): current,
    # pending (a check is waiting for this release and language) or missing.
    check: str

    @property
    def checked(self):
        """Return whether the findings shown are those of the newest revision and glossary."""
        return self.check == CHECK_CURRENT

    @cached_property
    def counts(self):
        """Return ``{filter: number of rows}``."""
        return {name: sum(1 for row in self.rows if row.matches(name)) for name in FILTERS}

    @cached_property
    def progress(self):
        total = len(self.rows)
        approved = sum(1 for row in self.rows if row.state == UnitState.APPROVED)
        return {
            "approved": approved,
            "total": total,
            "percent": round(100 * approved / total) if total else 0,
        }

    def filtered(self, name):
        return [row for row in self.rows if row.matches(name)]

    def by_key(self):
        return {row.key: row for row in self.rows}


def _findings(release, language, units, head):
    """Return ``{key: [finding, …]}`` of the newest revision, each with its ``override``."""
    findings = list(
        Finding.objects.filter(release=release, language=language, revision_number=head)
        .select_related("concept", "term")
        .order_by("id")
    )
    overrides = {
        (o.key, o.check_id, o.concept_id, o.fingerprint, o.text_checksum): o
        for o in FindingOverride.objects.filter(release=release, language=language)
        .select_related("created_by")
        .order_by("id")
    }
    source = release.source_language
    by_key = {}
    for finding in findings:
        key = str(finding.segment_key)
        unit = units.get(key)
        if unit is None:
            continue
        checksum = pair_checksum(unit.text(source), unit.text(language))
        finding.override = overrides.get(
            (key, finding.check_id, finding.concept_id, finding.fingerprint, checksum)
        )
        by_key.setdefault(key, []).append(finding)
    for found in by_key.values():
        found.sort(key=lambda f: (f.start if f.start is not None else -1, f.id))
    return by_key


def comments_of(release, languages, keys=None):
    """Return the comments on ``release``'s units in ``languages``, oldest first."""
    comments = Comment.objects.filter(release=release, language__in=languages)
    if keys is not None:
        comments = comments.filter(key__in=keys)
    return list(comments.select_related("author", "resolved_by").order_by("created_at", "id"))


def rows_extend(rows):
    """Give ``rows`` their glossary terms and what other packages add to the workbench
    (translation memory matches)."""
    return extensions.rows(terms_attach(rows))


def workbench(release, language):
    """Return the :class:`Workbench` of ``release`` (at its newest revision) in ``language``.

    ``language`` must be a target of the release (the view checks that first).
    """
    head = release.head_number
    source = release.source_language
    snapshot = revision_snapshot(release, head)
    units = {unit.key: unit for unit in translatable_units(snapshot, source)}
    states = {
        row.key: row
        for row in UnitStatus.objects.filter(release=release, language=language).select_related(
            "translated_by", "approved_by", "revised_by", "approval_by"
        )
    }
    findings = _findings(release, language, units, head)
    threads = threads_of(comments_of(release, [language, source]))
    rows = [
        Row(
            unit=unit,
            label=unit_label(unit.key, units),
            source_language=source,
            language=language,
            status=states.get(unit.key),
            findings=findings.get(unit.key, []),
            threads=threads.get(unit.key, []),
        )
        for unit in units.values()
    ]
    return Workbench(
        release=release,
        language=language,
        source_language=source,
        head=head,
        rows=rows,
        check=terms_check_status(release, language, snapshot=snapshot),
    )
