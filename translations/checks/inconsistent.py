"""inconsistent-term: one source term rendered with several accepted target terms."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from translations.checks.base import (
    FindingData,
    ReleaseContext,
    SegmentMatches,
    TermCheck,
    bracketed_after,
    gettext_noop,
)
from translations.checks.matching.matcher import TermMatch
from translations.checks.vocabulary import Severity
from translations.glossary.vocabulary import ACCEPTED_STATUSES, TermStatus

INCONSISTENT_TERM_MESSAGE = gettext_noop(
    "“{term}” renders {concept} differently from the rest of this release, which uses "
    "“{preferred}” for the same source term “{source}”."
)


def _introductions(segments: tuple[SegmentMatches, ...]) -> dict[int, dict[int, int]]:
    """Map concept -> term -> the term it was introduced with (both read as one rendering)."""
    same: dict[int, dict[int, int]] = defaultdict(dict)
    for segment in segments:
        target = sorted(segment.target, key=lambda m: m.start)
        for first, second in zip(target, target[1:], strict=False):
            concept = first.term.concept_id
            if (
                second.term.concept_id == concept
                and second.term.id != first.term.id
                and first.term.status in ACCEPTED_STATUSES
                and second.term.status in ACCEPTED_STATUSES
                and bracketed_after(segment.target_text, first, second)
            ):
                group = same[concept]
                root = group.get(first.term.id, first.term.id)
                group.setdefault(first.term.id, root)
                group[second.term.id] = root
    return same


class InconsistentTermCheck(TermCheck):
    """Flag a concept rendered with several accepted target terms for one source term.

    Only concepts whose source uses exactly one distinct source term across the release
    qualify: "territories of priority development … TOR" legitimately yields two renderings.
    A term the translation introduces in brackets after another ("Ministry of Economy, Trade
    and Industry (METI)") is one rendering with it, here and in the rest of the release.
    The most frequent target term is kept (ties: preferred over admitted, then the first
    used); every occurrence of the other terms is flagged.
    """

    id = "inconsistent-term"
    name = gettext_noop("Inconsistent term")
    description = gettext_noop(
        "The same source term is translated with different glossary terms within the release."
    )
    severity = Severity.INFO

    def check(self, release: ReleaseContext) -> Iterator[FindingData]:
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
        introduced = _introductions(release.segments)
        for concept_id, occurrences in renderings.items():
            if len(source_terms.get(concept_id, ())) != 1:
                continue
            group = introduced.get(concept_id, {})  # term -> the rendering it belongs to

            def rendering(m: TermMatch, group: dict[int, int] = group) -> int:
                return group.get(m.term.id, m.term.id)

            counts = Counter(rendering(m) for _segment, m in occurrences)
            if len(counts) < 2:
                continue
            order = {term_id: i for i, term_id in enumerate(dict.fromkeys(counts))}
            terms = {m.term.id: m.term for _segment, m in occurrences}
            kept = max(
                counts,
                key=lambda t: (counts[t], terms[t].status == TermStatus.PREFERRED, -order[t]),
            )
            for segment, m in occurrences:
                if rendering(m) == kept:
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
