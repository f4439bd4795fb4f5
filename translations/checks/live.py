"""One unit at a time, before anything is stored: the glossary terms a source text uses, and
the findings of a translation as it is being typed.

Both use the matchers the release-wide check uses (:func:`.services.glossary_matcher`, one
per language and glossary version, cached in the process), so a term shown before typing is
the term the check will ask for, with the same forms, lemmas and unspaced Japanese matching.
Nothing here writes; the check of the saved revision still runs after commit.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from translations.checks.base import FindingData
from translations.checks.run import match_segments, run_checks
from translations.checks.services import _concept_labels, glossary_matcher, proper_name_concepts
from translations.glossary.models import GlossaryState
from translations.glossary.vocabulary import ACCEPTED_STATUSES, REJECTED_STATUSES, TermStatus

# Accepted terms first (preferred before admitted), then the ones a translation avoids.
STATUS_ORDER = {
    TermStatus.PREFERRED: 0,
    TermStatus.ADMITTED: 1,
    TermStatus.DEPRECATED: 2,
    TermStatus.FORBIDDEN: 3,
}


@dataclass(frozen=True)
class TargetTerm:
    """A term of the target language for a concept the source uses."""

    id: int
    text: str
    status: str

    @property
    def accepted(self) -> bool:
        return self.status in ACCEPTED_STATUSES

    @property
    def status_label(self) -> str:
        return str(TermStatus(self.status).label)


@dataclass(frozen=True)
class UnitTerm:
    """A concept a source text uses: where (``spans``), as which words (``source``, the
    first occurrence as written), and its terms in the target language."""

    concept_id: int
    source: str
    spans: tuple[tuple[int, int], ...]
    accepted: tuple[TargetTerm, ...]
    rejected: tuple[TargetTerm, ...]


# Terms by concept, derived once per matcher (a glossary change builds new matchers).
_by_concept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_by_concept_lock = threading.Lock()


def terms_by_concept(matcher):
    """Return ``{concept id: [TermSpec, …]}`` of ``matcher``'s terms, in status order."""
    with _by_concept_lock:
        found = _by_concept.get(matcher)
    if found is not None:
        return found
    grouped = defaultdict(list)
    for term in sorted(matcher.terms, key=lambda t: (STATUS_ORDER.get(t.status, 9), t.id)):
        grouped[term.concept_id].append(term)
    found = dict(grouped)
    with _by_concept_lock:
        return _by_concept.setdefault(matcher, found)


def unit_terms(
    source_language: str, language: str, texts: Mapping[str, str]
) -> dict[str, list[UnitTerm]]:
    """Return ``{key: [UnitTerm, …]}``: the concepts each source text in ``texts`` (``{key:
    text}``) uses, in the order they first occur, with their ``language`` terms.

    One query (the glossary version) for any number of texts once the two matchers are
    cached; building a matcher reads its language's terms (one query).
    """
    version = GlossaryState.current()
    source = glossary_matcher(source_language, version)
    targets = terms_by_concept(glossary_matcher(language, version))
    found = {}
    for key, text in texts.items():
        by_concept: dict[int, list] = {}
        for match in source.find(text or ""):
            by_concept.setdefault(match.term.concept_id, []).append(match)
        terms = []
        for concept_id, matches in by_concept.items():
            spans = tuple(dict.fromkeys((m.start, m.end) for m in matches))
            target = [
                TargetTerm(term.id, term.text, term.status) for term in targets.get(concept_id, ())
            ]
            terms.append(
                UnitTerm(
                    concept_id=concept_id,
                    source=text[spans[0][0] : spans[0][1]],
                    spans=spans,
                    accepted=tuple(t for t in target if t.status in ACCEPTED_STATUSES),
                    rejected=tuple(t for t in target if t.status in REJECTED_STATUSES),
                )
            )
        if terms:
            found[key] = terms
    return found


def unit_check(
    source_language: str,
    language: str,
    key: str,
    source_text: str,
    target_text: str,
    release_date=None,
    date_before=None,
) -> list[FindingData]:
    """Run every registered check on one unit's ``source_text`` and ``target_text``.

    The findings are those the release-wide check would store for this unit, except the
    ones that compare units with each other (an inconsistent rendering elsewhere in the
    release). At most three queries: the glossary version, and the labels and proper names
    of the concepts the texts use. ``date_before`` is the last date the source's earlier
    units name (同日 at the unit's start reads against it; the release's date when None).
    """
    version = GlossaryState.current()
    source = glossary_matcher(source_language, version)
    target = glossary_matcher(language, version)
    segment = (key, source_text, target_text)
    matched = match_segments([segment], source, target)
    concepts = {m.term.concept_id for unit in matched for m in (*unit.source, *unit.target)}
    if not concepts:
        labels, proper_names, concept_terms = {}, set(), {}
    else:
        labels = _concept_labels(source_language, concepts)
        proper_names = proper_name_concepts(concepts)
        by_source, by_target = terms_by_concept(source), terms_by_concept(target)
        concept_terms = {
            concept_id: [*by_source.get(concept_id, ()), *by_target.get(concept_id, ())]
            for concept_id in concepts
        }
    return run_checks(
        [segment],
        language,
        source,
        target,
        concept_terms,
        concept_labels=labels,
        proper_names=proper_names,
        matched=matched,
        release_date=release_date,
        date_before=date_before,
    )
