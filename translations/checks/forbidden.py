"""forbidden-term: deprecated (warning) and forbidden (error) terms in the translation."""

from __future__ import annotations

from collections.abc import Iterator

from translations.checks.base import (
    FindingData,
    ReleaseContext,
    SegmentMatches,
    SegmentTermCheck,
    gettext_noop,
)
from translations.checks.vocabulary import Severity
from translations.glossary.vocabulary import REJECTED_STATUSES, TermStatus

FORBIDDEN_TERM_MESSAGE = gettext_noop(
    "“{term}” is a forbidden term for {concept}; use “{preferred}”."
)
FORBIDDEN_TERM_NO_ALTERNATIVE_MESSAGE = gettext_noop("“{term}” is a forbidden term for {concept}.")
DEPRECATED_TERM_MESSAGE = gettext_noop(
    "“{term}” is a deprecated term for {concept}; use “{preferred}”."
)
DEPRECATED_TERM_NO_ALTERNATIVE_MESSAGE = gettext_noop(
    "“{term}” is a deprecated term for {concept}."
)


class ForbiddenTermCheck(SegmentTermCheck):
    """Flag deprecated (warning) and forbidden (error) terms in the translation."""

    id = "forbidden-term"
    name = gettext_noop("Forbidden term")
    description = gettext_noop("The translation uses a deprecated or forbidden glossary term.")
    severity = Severity.ERROR

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext
    ) -> Iterator[FindingData]:
        """Yield one finding per deprecated or forbidden occurrence."""
        for occurrence in segment.target:
            term = occurrence.term
            if term.status not in REJECTED_STATUSES:
                continue
            preferred = release.preferred(term.concept_id)
            forbidden = term.status == TermStatus.FORBIDDEN
            if preferred is None:
                template = (
                    FORBIDDEN_TERM_NO_ALTERNATIVE_MESSAGE
                    if forbidden
                    else DEPRECATED_TERM_NO_ALTERNATIVE_MESSAGE
                )
            else:
                template = FORBIDDEN_TERM_MESSAGE if forbidden else DEPRECATED_TERM_MESSAGE
            yield release.finding(
                segment,
                self,
                term.concept_id,
                template=template,
                params=dict(
                    term=segment.target_text[occurrence.start : occurrence.end],
                    concept=release.label(term.concept_id),
                    preferred=preferred.text if preferred else "",
                ),
                severity=Severity.ERROR if forbidden else Severity.WARNING,
                term_id=term.id,
                target=occurrence,
                source=segment.first_source(term.concept_id),
                suggestion=preferred.text if preferred else "",
            )
