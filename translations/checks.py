"""Check translated segments against the term glossary (missing, forbidden, inconsistent terms).

Checks are small classes in a registry, in the style of Weblate's checks, and work on plain
data: the caller matches nothing and stores nothing. :func:`check_release` matches every
segment once with the source (English) and target matchers and runs every registered check.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from .matching import ADMITTED, DEPRECATED, FORBIDDEN, PREFERRED, TermMatch, TermMatcher, TermSpec

SOURCE_LANGUAGE = "en"
ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)
ACCEPTED_STATUSES = frozenset({PREFERRED, ADMITTED})
REJECTED_STATUSES = frozenset({DEPRECATED, FORBIDDEN})


def gettext_noop(message: str) -> str:
    """Mark a message for extraction and return it unchanged."""
    # Django's own gettext_noop reads settings; makemessages only needs the keyword name.
    return message


# Plain str.format templates, marked for makemessages; translate at display time.
MISSING_TERM_MESSAGE = gettext_noop(
    "The source uses “{source}”; the translation uses no approved term for it: use “{preferred}”."
)
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
INCONSISTENT_TERM_MESSAGE = gettext_noop(
    "“{term}” renders {concept} differently from the rest of this release, which uses "
    "“{preferred}” for the same source term “{source}”."
)
CONCEPT_LABEL = gettext_noop("concept {id}")


@dataclass(frozen=True)
class FindingData:
    """Describe one check result; offsets index the original segment texts."""

    segment_key: str
    language: str
    check: str
    concept_id: int
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


@dataclass(frozen=True)
class SegmentMatches:
    """Hold one segment's texts and the term occurrences found in each."""

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
        preferred = [t for t in accepted if t.status == PREFERRED]
        return (preferred or accepted or [None])[0]

    def finding(
        self,
        segment: SegmentMatches,
        check: TermCheck,
        concept_id: int,
        *,
        template: str,
        params: Mapping[str, str],
        severity: str | None = None,
        term_id: int | None = None,
        target: TermMatch | None = None,
        source: TermMatch | None = None,
        suggestion: str = "",
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
        )


class TermCheck:
    """Base class: a named check over a whole release in one target language."""

    id: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[str]

    def check_release(self, release: ReleaseContext) -> Iterator[FindingData]:
        """Yield the findings of this check for the release."""
        raise NotImplementedError


class SegmentTermCheck(TermCheck):
    """Base class for checks that look at one translated segment at a time."""

    def check_release(self, release: ReleaseContext) -> Iterator[FindingData]:
        """Run :meth:`check_segment` on every translated segment."""
        for segment in release.segments:
            if segment.translated:
                yield from self.check_segment(segment, release)

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext
    ) -> Iterator[FindingData]:
        """Yield the findings of this check for one translated segment."""
        raise NotImplementedError


CHECKS: dict[str, TermCheck] = {}


def register(cls: type[TermCheck]) -> type[TermCheck]:
    """Add an instance of the check class to :data:`CHECKS`."""
    if cls.severity not in SEVERITIES:
        raise ValueError(f"{cls.__name__}: unknown severity {cls.severity!r}")
    CHECKS[cls.id] = cls()
    return cls


@register
class MissingTermCheck(SegmentTermCheck):
    """Flag a source concept whose accepted target terms are all absent from the translation.

    A concept the translation renders with a deprecated or forbidden term is left to
    ``forbidden-term``, which already names the replacement; reporting it twice is noise.
    """

    id = "missing-term"
    name = gettext_noop("Missing term")
    description = gettext_noop(
        "The source uses a glossary concept that the translation does not render with a "
        "preferred or admitted term."
    )
    severity = WARNING

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext
    ) -> Iterator[FindingData]:
        """Yield one finding per source concept missing from the translation."""
        rendered = {m.term.concept_id for m in segment.target}
        seen: set[int] = set()
        for occurrence in segment.source:
            concept_id = occurrence.term.concept_id
            if concept_id in seen or concept_id in rendered:
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


@register
class ForbiddenTermCheck(SegmentTermCheck):
    """Flag deprecated (warning) and forbidden (error) terms in the translation."""

    id = "forbidden-term"
    name = gettext_noop("Forbidden term")
    description = gettext_noop("The translation uses a deprecated or forbidden glossary term.")
    severity = ERROR

    def check_segment(
        self, segment: SegmentMatches, release: ReleaseContext
    ) -> Iterator[FindingData]:
        """Yield one finding per deprecated or forbidden occurrence."""
        for occurrence in segment.target:
            term = occurrence.term
            if term.status not in REJECTED_STATUSES:
                continue
            preferred = release.preferred(term.concept_id)
            forbidden = term.status == FORBIDDEN
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
                severity=ERROR if forbidden else WARNING,
                term_id=term.id,
                target=occurrence,
                source=segment.first_source(term.concept_id),
                suggestion=preferred.text if preferred else "",
            )


@register
class InconsistentTermCheck(TermCheck):
    """Flag a concept rendered with several accepted target terms for one source term.

    Only concepts whose source uses exactly one distinct English term across the release
    qualify: "territories of priority development … TOR" legitimately yields two renderings.
    The most frequent target term is kept (ties: preferred over admitted, then the first
    used); every occurrence of the other terms is flagged.
    """

    id = "inconsistent-term"
    name = gettext_noop("Inconsistent term")
    description = gettext_noop(
        "The same source term is translated with different glossary terms within the release."
    )
    severity = INFO

    def check_release(self, release: ReleaseContext) -> Iterator[FindingData]:
        """Yield one finding per occurrence of a minority rendering."""
        source_terms: dict[int, set[int]] = defaultdict(set)
        source_text: dict[int, str] = {}
        for segment in release.segments:
            for m in segment.source:
                source_terms[m.term.concept_id].add(m.term.id)
                source_text.setdefault(m.term.concept_id, segment.source_text[m.start : m.end])
        renderings: dict[int, list[tuple[SegmentMatches, TermMatch]]] = defaultdict(list)
        for segment in release.segments:
            if not segment.translated:
                continue
            for m in segment.target:
                if m.term.status in ACCEPTED_STATUSES:
                    renderings[m.term.concept_id].append((segment, m))
        for concept_id, occurrences in renderings.items():
            if len(source_terms.get(concept_id, ())) != 1:
                continue
            counts = Counter(m.term.id for _segment, m in occurrences)
            if len(counts) < 2:
                continue
            order = {term_id: i for i, term_id in enumerate(dict.fromkeys(counts))}
            terms = {m.term.id: m.term for _segment, m in occurrences}
            kept = max(
                counts,
                key=lambda t: (counts[t], terms[t].status == PREFERRED, -order[t]),
            )
            for segment, m in occurrences:
                if m.term.id == kept:
                    continue
                yield release.finding(
                    segment,
                    self,
                    concept_id,
                    template=INCONSISTENT_TERM_MESSAGE,
                    params=dict(
                        term=segment.target_text[m.start : m.end],
                        concept=release.label(concept_id),
                        preferred=terms[kept].text,
                        source=source_text[concept_id],
                    ),
                    term_id=m.term.id,
                    target=m,
                    source=segment.first_source(concept_id),
                    suggestion=terms[kept].text,
                )


def _concept_terms(terms: Iterable[TermSpec]) -> dict[int, list[TermSpec]]:
    by_concept: dict[int, list[TermSpec]] = defaultdict(list)
    for term in sorted(terms, key=lambda t: t.id):
        by_concept[term.concept_id].append(term)
    return dict(by_concept)


def check_release(
    segments: Sequence[tuple[str, str, str]],
    language: str,
    source: TermMatcher,
    target: TermMatcher,
    concept_terms: Mapping[int, Sequence[TermSpec]] | None = None,
    *,
    concept_labels: Mapping[int, str] | None = None,
    checks: Collection[str] | None = None,
) -> list[FindingData]:
    """Run the registered checks over ``(segment_key, english_text, target_text)`` segments.

    ``concept_terms`` defaults to the terms of both matchers; ``concept_labels`` names concepts
    in messages (default "concept <id>"); ``checks`` limits the run to some check ids.
    Findings come in segment order, then by target offset; findings without a target offset
    (missing terms) come first in their segment.
    """
    if source.language != SOURCE_LANGUAGE:
        raise ValueError(f"source matcher is {source.language!r}, expected {SOURCE_LANGUAGE!r}")
    if target.language != language:
        raise ValueError(f"target matcher is {target.language!r}, expected {language!r}")
    if len({key for key, _english, _translation in segments}) != len(segments):
        raise ValueError("segment keys must be unique within a release")
    unknown = set(checks or ()) - set(CHECKS)
    if unknown:
        raise ValueError(f"unknown checks: {', '.join(sorted(unknown))}")
    selected = [CHECKS[c] for c in checks] if checks is not None else list(CHECKS.values())
    context = ReleaseContext(
        language=language,
        segments=tuple(
            SegmentMatches(
                index=index,
                key=key,
                source_text=english,
                target_text=translation,
                source=tuple(source.find(english)),
                target=tuple(target.find(translation)) if translation.strip() else (),
            )
            # None (a language never written) reads as untranslated.
            for index, (key, english, translation) in enumerate(
                (key, english or "", translation or "") for key, english, translation in segments
            )
        ),
        concept_terms=(
            concept_terms
            if concept_terms is not None
            else _concept_terms((*source.terms, *target.terms))
        ),
        concept_labels=concept_labels or {},
    )
    position = {segment.key: segment.index for segment in context.segments}
    check_order = {check.id: i for i, check in enumerate(CHECKS.values())}
    findings = [f for check in selected for f in check.check_release(context)]
    findings.sort(
        key=lambda f: (
            position[f.segment_key],
            -1 if f.start is None else f.start,
            -1 if f.source_start is None else f.source_start,
            check_order[f.check],
            f.concept_id,
            f.term_id or 0,
        )
    )
    return findings
