"""A release's units in one language as the API answers them: the workbench's rows (the same
states, findings with their overrides, and comment threads) as plain data."""

from records.units import CAPTION, CREDIT, TITLE
from translations.checks.vocabulary import Severity
from translations.review.vocabulary import UnitState

from .shapes import moment, state_name, username

KINDS = (TITLE, CAPTION, CREDIT)


def finding_data(finding):
    """Return one finding of the newest revision, with its override (None: none stands)."""
    override = finding.override
    return {
        "check": finding.check_id,
        "check_name": finding.check_name(),
        "severity": finding.severity,
        "message": finding.display_message(),
        "suggestion": finding.suggestion,
        "concept": finding.concept_id,
        "term": finding.term.text if finding.term_id else None,
        "fingerprint": finding.fingerprint,
        "start": finding.start,
        "end": finding.end,
        "source_start": finding.source_start,
        "source_end": finding.source_end,
        "blocking": finding.severity == Severity.ERROR and override is None,
        "override": None
        if override is None
        else {
            "reason": override.reason,
            "by": username(override.created_by),
            "at": moment(override.created_at),
        },
    }


def _comment(comment):
    return {
        "id": comment.pk,
        "author": username(comment.author),
        "text": comment.text,
        "created_at": moment(comment.created_at),
    }


def thread_data(thread):
    """Return a comment thread: the comment, whether it is resolved, its replies."""
    comment = thread.comment
    return {
        **_comment(comment),
        "language": comment.language,
        "resolved": comment.resolved_at is not None,
        "resolved_by": username(comment.resolved_by),
        "resolved_at": moment(comment.resolved_at),
        "replies": [_comment(reply) for reply in thread.replies],
    }


def unit_data(row, head):
    """Return one unit (a workbench ``Row``) read at revision ``head``."""
    status, unit = row.status, row.unit
    outdated = row.state == UnitState.OUTDATED and status is not None
    return {
        "key": row.key,
        "kind": unit.kind if unit.kind in KINDS else "segment",
        "segment_kind": None if unit.kind in KINDS else unit.kind,
        "number": unit.number,
        "label": str(row.label),
        "state": state_name(row.state),
        "source_language": row.source_language,
        "language": row.language,
        "source": row.source,
        "target": row.target,
        "source_previous": status.source_previous if outdated else None,
        "revision": head,
        "state_revision": status.revision_number if status is not None else None,
        "translated_by": username(status.translated_by) if status else None,
        "revised_by": username(status.revised_by) if status else None,
        "approved_by": username(status.approved_by) if status else None,
        "findings": [finding_data(finding) for finding in row.findings],
        "comments": [thread_data(thread) for thread in row.threads],
    }
