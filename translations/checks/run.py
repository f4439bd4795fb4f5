"""Run the registered checks over one release in one target language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date

from translations.checks.base import FindingData, ReleaseContext, SegmentMatches
from translations.checks.matching.matcher import TermMatch, TermMatcher, TermSpec
from translations.checks.registry import CHECKS


def _concept_terms(terms: Iterable[TermSpec]) -> dict[int, list[TermSpec]]:
    by_concept: dict[int, list[TermSpec]] = defaultdict(list)
    for term in sorted(terms, key=lambda t: t.id):
        by_concept[term.concept_id].append(term)
    return dict(by_concept)


def match_segments(
    segments: Sequence[tuple[str, str | None, str | None]],
    source: TermMatcher,
    target: TermMatcher,
    source_found: Mapping[str, Sequence[TermMatch]] | None = None,
) -> tuple[SegmentMatches, ...]:
    """Match each ``(unit key, source_text, target_text)`` once, in both languages (a unit is
    the title, a photo caption or credit, or a segment: ``records.units``).

    ``source_found`` (source matches by unit key) reuses what another target language's
    run already found in the same source texts.
    """
    return tuple(
        SegmentMatches(
            index=index,
            key=key,
            source_text=original,
            target_text=translation,
            source=tuple(
                source_found[key]
                if source_found is not None and key in source_found
                else source.find(original)
            ),
            target=tuple(target.find(translation)) if translation.strip() else (),
        )
        # None (a language never written) reads as untranslated.
        for index, (key, original, translation) in enumerate(
            (key, original or "", translation or "") for key, original, translation in segments
        )
    )


def run_checks(
    segments: Sequence[tuple[str, str | None, str | None]],
    language: str,
    source: TermMatcher,
    target: TermMatcher,
    concept_terms: Mapping[int, Sequence[TermSpec]] | None = None,
    *,
    concept_labels: Mapping[int, str] | None = None,
    checks: Collection[str] | None = None,
    proper_names: Collection[int] = (),
    matched: Sequence[SegmentMatches] | None = None,
    release_date: date | None = None,
    date_before: date | None = None,
) -> list[FindingData]:
    """Run the registered checks over ``(unit key, source_text, target_text)`` units.

    ``source`` matches the release's source language, ``target`` the target ``language``.
    ``concept_terms`` defaults to the terms of both matchers; ``concept_labels`` names concepts
    in messages (default "concept <id>"); ``proper_names`` are the concepts the glossary
    marks as names of people and places; ``checks`` limits the run to some check ids;
    ``matched`` is what :func:`match_segments` returned for these segments (a caller that
    also uses the matches passes them, so no text is matched twice); ``release_date`` is what
    days written relative to the release (本22日) and weekdays are read against;
    ``date_before`` the last date the source names before these segments (同日 at the start of
    the first reads against it; the release's date when None).
    Findings come in the order of ``segments``, then by target offset; findings without a
    target offset (missing terms) come first in their unit.
    """
    if source.language == language:
        raise ValueError(f"source matcher is {source.language!r}, the target language")
    if target.language != language:
        raise ValueError(f"target matcher is {target.language!r}, expected {language!r}")
    if len({key for key, _source, _translation in segments}) != len(segments):
        raise ValueError("unit keys must be unique within a release")
    unknown = set(checks or ()) - set(CHECKS)
    if unknown:
        raise ValueError(f"unknown checks: {', '.join(sorted(unknown))}")
    selected = [CHECKS[c] for c in checks] if checks is not None else list(CHECKS.values())
    context = ReleaseContext(
        language=language,
        segments=(
            tuple(matched) if matched is not None else match_segments(segments, source, target)
        ),
        concept_terms=(
            concept_terms
            if concept_terms is not None
            else _concept_terms((*source.terms, *target.terms))
        ),
        concept_labels=concept_labels or {},
        source_language=source.language,
        proper_names=frozenset(proper_names),
        release_date=release_date,
        date_before=date_before,
    )
    position = {segment.key: segment.index for segment in context.segments}
    check_order = {check.id: i for i, check in enumerate(CHECKS.values())}
    findings = [f for check in selected for f in check.check(context)]
    findings.sort(
        key=lambda f: (
            position[f.segment_key],
            -1 if f.start is None else f.start,
            -1 if f.source_start is None else f.source_start,
            check_order[f.check],
            f.concept_id or 0,
            f.term_id or 0,
            f.fingerprint,
        )
    )
    return findings
