"""missing-term: a source concept the translation does not render with an accepted term."""

from __future__ import annotations

from collections.abc import Iterator

from translations.checks.base import (
    FindingData,
    ReleaseContext,
    SegmentMatches,
    SegmentTermCheck,
    bracketed_after,
    gettext_noop,
)
from translations.checks.vocabulary import Severity

MISSING_TERM_MESSAGE = gettext_noop(
    "The source uses “{source}”; the translation uses no approved term for it: use “{preferred}”."
)


class MissingTermCheck(SegmentTermCheck):
    """Flag a source concept whose accepted target terms are all absent from the translation.

    A concept the translation renders with a deprecated or forbidden term is left to
    ``forbidden-term``, which already names the replacement; reporting it twice is noise.
    A term the source repeats in brackets right after a term the translation renders
    ("Official Development Assistance (ODA)" with ODA a concept of its own) may be left out.
    Proper names are ``proper-name``'s to report, as errors.
    """

    id = "missing-term"
    name = gettext_noop("Missing term")
    description = gettext_noop(
        "The source uses a glossary concept that the translation does not render with a "
        "preferred or admitted term."
    )
    severity = Severity.WARNING

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext
    ) -> Iterator[FindingData]:
        """Yield one finding per source concept missing from the translation."""
        rendered = {m.term.concept_id for m in segment.target}
        seen: set[int] = set()
        previous = None
        for occurrence in segment.source:
            concept_id = occurrence.term.concept_id
            # "Official Development Assistance (ODA)": a translation may leave out what the
            # source repeats in brackets after a term it renders, whatever concept holds it.
            repeated = (
                previous is not None
                and previous.term.concept_id in rendered
                and bracketed_after(segment.source_text, previous, occurrence)
            )
            previous = occurrence
            if (
                repeated
                or concept_id in seen
                or concept_id in rendered
                or concept_id in release.proper_names
            ):
                continue
            seen.add(concept_id)
            preferred = release.preferred(concept_id)
            if preferred is None:
                continue  # the glossary has nothing to ask for in this language
            yield release.finding(
                segment,
                self,
                concept_id,
                template=MISSING_TERM_MESSAGE,
                params=dict(
                    source=segment.source_text[occurrence.start : occurrence.end],
                    concept=release.label(concept_id),
                    preferred=preferred.text,
                ),
                source=occurrence,
                suggestion=preferred.text,
            )
