"""What every check works on: the matches of one release in one target language."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Protocol

from translations.checks.matching.matcher import TermMatch, TermSpec
from translations.glossary.vocabulary import ACCEPTED_STATUSES, TermStatus


def gettext_noop(message: str) -> str:
    """Mark a message for extraction and return it unchanged."""
    # Django's own gettext_noop reads settings; makemessages only needs the keyword name.
    return message


# Plain str.format templates, marked for makemessages; translate at display time.
CONCEPT_LABEL = gettext_noop("concept {id}")


@dataclass(frozen=True)
class FindingData:
    """Describe one check result; offsets index the original texts of its unit."""

    # The unit's key (records.units): a segment's UUID, "title", "<photo UUID>:caption"…
    segment_key: str
    language: str
    check: str
    concept_id: int | None
    term_id: int | None
    start: int | None
    end: int | None
    source_start: int | None
    source_end: int | None
    severity: str
    message: str
    suggestion: str = ""
    template: str = ""
    params: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    # What the finding is about inside its unit when no concept says it ("number 50"): keys
    # overrides apart from other findings of the same check on the same text.
    fingerprint: str = ""


class Span(Protocol):
    """Anything found at offsets of a text: a term match, a number, a date."""

    start: int
    end: int


# A term written in brackets right after another introduces it as the same thing: "Ministry
# of Economy, Trade and Industry (METI)", "ASEAN（東南アジア諸国連合）".
_OPEN, _CLOSE = "(（[［", ")）]］"


def bracketed_after(text: str, first: Span, second: Span) -> bool:
    """Tell whether ``second`` follows ``first`` in brackets: "<first> (<second>)"."""
    between = text[first.end : second.start].strip()
    after = text[second.end : second.end + 1]
    return between in tuple(_OPEN) and after != "" and after in _CLOSE


@dataclass(frozen=True)
class SegmentMatches:
    """Hold one unit's texts (a segment's, the title's, a photo caption's or credit's) and the
    term occurrences found in each."""

    index: int
    key: str
    source_text: str
    target_text: str
    source: tuple[TermMatch, ...]
    target: tuple[TermMatch, ...]

    @property
    def translated(self) -> bool:
        """Tell whether the segment has a (non-blank) translation."""
        return bool(self.target_text.strip())

    def first_source(self, concept_id: int) -> TermMatch | None:
        """Return the first source occurrence of a concept, if any."""
        return next((m for m in self.source if m.term.concept_id == concept_id), None)


@dataclass(frozen=True)
class ReleaseContext:
    """Hold everything the checks need about one release in one target language."""

    language: str
    segments: tuple[SegmentMatches, ...]
    concept_terms: Mapping[int, Sequence[TermSpec]]
    concept_labels: Mapping[int, str]
    source_language: str = ""
    # Concepts the glossary marks as proper names (people, places).
    proper_names: frozenset[int] = frozenset()
    # The release's date: what 本22日 or a weekday without its year are read against.
    release_date: date | None = None
    # The last date the source names before the first of ``segments`` (the live check of one
    # unit passes it): what 同日 at its start reads against; the release's date when None.
    date_before: date | None = None

    def label(self, concept_id: int) -> str:
        """Return the human label of a concept."""
        label = self.concept_labels.get(concept_id)
        return label if label else CONCEPT_LABEL.format(id=concept_id)

    def accepted_terms(self, concept_id: int) -> list[TermSpec]:
        """Return the concept's preferred and admitted target terms, in glossary order."""
        return [
            t
            for t in self.concept_terms.get(concept_id, ())
            if t.language == self.language and t.status in ACCEPTED_STATUSES
        ]

    def preferred(self, concept_id: int) -> TermSpec | None:
        """Return the first preferred target term, else the first admitted one."""
        accepted = self.accepted_terms(concept_id)
        preferred = [t for t in accepted if t.status == TermStatus.PREFERRED]
        return (preferred or accepted or [None])[0]

    def finding(
        self,
        segment: SegmentMatches,
        check: TermCheck,
        concept_id: int | None,
        *,
        template: str,
        params: Mapping[str, str],
        severity: str | None = None,
        term_id: int | None = None,
        target: Span | None = None,
        source: Span | None = None,
        suggestion: str = "",
        fingerprint: str = "",
    ) -> FindingData:
        """Build a finding for ``segment`` with offsets taken from the given matches.

        The message is kept both rendered (English) and as template + parameters, so that an
        interface can show it in its reader's language.
        """
        return FindingData(
            segment_key=segment.key,
            language=self.language,
            check=check.id,
            concept_id=concept_id,
            term_id=term_id,
            start=target.start if target else None,
            end=target.end if target else None,
            source_start=source.start if source else None,
            source_end=source.end if source else None,
            severity=severity or check.severity,
            message=template.format(**params),
            suggestion=suggestion,
            template=template,
            params=dict(params),
            fingerprint=fingerprint,
        )


class TermCheck:
    """Base class: a named check over a whole release in one target language."""

    id: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[str]

    def check(self, release: ReleaseContext) -> Iterator[FindingData]:
        """Yield the findings of this check for the release."""
        raise NotImplementedError


class SegmentTermCheck(TermCheck):
    """Base class for checks that look at one translated segment at a time."""

    def check(self, release: ReleaseContext) -> Iterator[FindingData]:
        """Run :meth:`check_segment` on every translated segment."""
        for segment in release.segments:
            if segment.translated:
                yield from self.check_segment(segment, release)

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext
    ) -> Iterator[FindingData]:
        """Yield the findings of this check for one translated segment."""
        raise NotImplementedError
