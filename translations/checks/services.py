"""Services for term checks: match releases against the glossary and store the findings."""

import threading
import weakref
from collections import defaultdict
from dataclasses import asdict

from django.db import transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from config.languages import targets
from records.models import Release, Revision
from records.revisions import snapshots_read
from records.units import snapshot_units
from translations.checks import run_checks
from translations.checks.matching.cache import matcher_for
from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.checks.models import CheckRun, Finding, ReleaseConcept
from translations.checks.run import match_segments
from translations.glossary.models import Concept, GlossaryState, Term
from translations.glossary.vocabulary import PROPER_NOUN, TermStatus

# Ids per ``IN (...)`` lookup: well under SQLite's default limit of 999 query variables.
LOOKUP_CHUNK = 500
# Head revisions read at a time when scanning releases for a new term.
HEADS_CHUNK = 100


def _term_spec(row):
    return TermSpec(
        id=row["id"],
        concept_id=row["concept_id"],
        language=row["language"],
        text=row["text"],
        status=row["status"],
        case_sensitive=row["case_sensitive"],
        forms=row.get("match_forms"),
        variants=row.get("variants", ""),
    )


# What a term spec is built from (``_term_spec``).
_SPEC_FIELDS = (
    "id",
    "concept_id",
    "language",
    "text",
    "status",
    "case_sensitive",
    "match_forms",
    "variants",
)


def glossary_terms(language):
    """Return every term of ``language`` as plain term specs."""
    rows = (
        Term.objects.filter(language=language)
        .order_by("concept_id", "position", "id")
        .values(*_SPEC_FIELDS)
    )
    return [_term_spec(row) for row in rows]


def glossary_matcher(language, version=None):
    """Return the cached matcher of ``language`` for the current glossary version."""
    version = GlossaryState.current() if version is None else version
    return matcher_for(language, version, lambda: glossary_terms(language))


# What the checks derive from the whole glossary (labels, proper names, terms by concept),
# kept with the matcher it was derived for: a glossary change builds a new matcher, so the
# derived data is recomputed exactly when the matchers are, not once per release checked.
_derived = weakref.WeakKeyDictionary()
_derived_lock = threading.Lock()


def _derived_from(matcher, key, compute):
    with _derived_lock:
        memo = _derived.setdefault(matcher, {})
        if key in memo:
            return memo[key]
    value = compute()
    with _derived_lock:
        return _derived[matcher].setdefault(key, value)


def _concept_terms(source, target):
    def compute():
        by_concept = defaultdict(list)
        for matcher in (source, target):
            for term in matcher.terms:
                by_concept[term.concept_id].append(term)
        return target, dict(by_concept)

    derived_for, by_concept = _derived_from(source, ("concept_terms", target.language), compute)
    if derived_for is not target:  # another target matcher: derive afresh, keep nothing
        return compute()[1]
    return by_concept


def _concept_labels(source, concept_ids=None):
    """Return ``{concept id: human label}`` for finding messages, in one query.

    The label is the concept's preferred term in the ``source`` language, else its first term
    there, else its identifier (never shown to readers while a concept has a source term).
    ``concept_ids`` limits the answer to those concepts (default: every concept).
    """
    terms = Term.objects.filter(concept=OuterRef("pk"), language=source).order_by("position", "id")
    concepts = Concept.objects.all()
    if concept_ids is not None:
        concepts = concepts.filter(pk__in=list(concept_ids))
    return dict(
        concepts.annotate(
            label=Coalesce(
                Subquery(terms.filter(status=TermStatus.PREFERRED).values("text")[:1]),
                Subquery(terms.values("text")[:1]),
                F("identifier"),
                output_field=CharField(),
            )
        ).values_list("id", "label")
    )


def proper_name_concepts(concept_ids=None):
    """Return the ids of concepts the glossary marks as proper names (a proper-noun term),
    among ``concept_ids`` when given."""
    terms = Term.objects.filter(part_of_speech=PROPER_NOUN).order_by()
    if concept_ids is not None:
        terms = terms.filter(concept_id__in=list(concept_ids))
    return set(terms.values_list("concept_id", flat=True))


def release_terms_check(release, *, languages=None, force=False):
    """Check the newest revision of ``release`` against the glossary and store the findings.

    Every unit is checked (the title, photo captions and credits, the segments); findings and
    the concepts index name units by their keys (``records.units``).

    ``languages`` defaults to every target language of the release. Returns ``{language:
    number of findings}`` (None where a newer revision arrived during the check: its own check
    will store the findings); a language already checked at this revision and glossary version
    is not checked again unless ``force``.
    """
    revision = Revision.objects.filter(release=release, number=release.head_number).first()
    if revision is None:
        return {}
    source_language = release.source_language
    wanted = targets(source_language)
    languages = wanted if languages is None else [code for code in languages if code in wanted]
    version = GlossaryState.current()
    done = {
        run.language: run
        for run in CheckRun.objects.filter(release=release, language__in=languages)
    }
    source = glossary_matcher(source_language, version)
    labels = _derived_from(source, "labels", lambda: _concept_labels(source_language))
    proper_names = _derived_from(source, "proper_names", proper_name_concepts)
    # Every unit: the title, each photo's caption and credit, each segment.
    units = snapshot_units(revision.snapshot)
    source_found = {}  # unit key -> source matches, shared by every target language
    counts = {}
    for language in languages:
        run = done.get(language)
        if not force and run is not None and run.is_current(revision.number, version):
            counts[language] = Finding.objects.filter(release=release, language=language).count()
            continue
        target = glossary_matcher(language, version)
        texts = [(unit.key, unit.text(source_language), unit.text(language)) for unit in units]
        # One match pass per text: the checks and the concepts index use the same matches.
        matched = match_segments(texts, source, target, source_found)
        source_found.update((unit.key, unit.source) for unit in matched)
        findings = run_checks(
            texts,
            language,
            source,
            target,
            _concept_terms(source, target),
            concept_labels=labels,
            proper_names=proper_names,
            matched=matched,
            release_date=release.date,
        )
        concepts = sorted(
            {m.term.concept_id for unit in matched for m in (*unit.source, *unit.target)}
        )
        with transaction.atomic():
            # A check that finishes late must not replace the findings of a newer revision.
            head = Release.objects.select_for_update().values_list("head_number", flat=True)
            if head.get(pk=release.pk) != revision.number:
                counts[language] = None
                continue
            Finding.objects.filter(release=release, language=language).delete()
            Finding.objects.bulk_create(
                [
                    Finding(
                        release=release,
                        revision_number=revision.number,
                        check_id=finding.check,
                        **{k: v for k, v in asdict(finding).items() if k != "check"},
                    )
                    for finding in findings
                ]
            )
            _concepts_used_write(release, language, concepts)
            CheckRun.objects.update_or_create(
                release=release,
                language=language,
                defaults={"revision_number": revision.number, "glossary_version": version},
            )
        counts[language] = len(findings)
    return counts


def _concepts_used_write(release, language, concept_ids):
    """Replace the index rows of the concepts ``release`` uses in ``language`` (and its source)."""
    ReleaseConcept.objects.filter(release=release, language=language).delete()
    ReleaseConcept.objects.bulk_create(
        [
            ReleaseConcept(release=release, language=language, concept_id=concept_id)
            for concept_id in concept_ids
        ],
        batch_size=LOOKUP_CHUNK,
    )


def _chunks(ids):
    # Chunked: a whole-glossary change must not exceed SQLite's limit on query variables.
    ordered = sorted(set(ids))
    return [ordered[start : start + LOOKUP_CHUNK] for start in range(0, len(ordered), LOOKUP_CHUNK)]


def releases_using(concept_ids):
    """Return ids of releases whose last checked text uses terms of ``concept_ids``.

    Read from the index the term checks write: one indexed query per 500 concepts.
    """
    found = set()
    for chunk in _chunks(concept_ids):
        found.update(
            ReleaseConcept.objects.filter(concept_id__in=chunk)
            .values_list("release_id", flat=True)
            .distinct()
        )
    return sorted(found)


def releases_affected(concept_ids, new_terms=None):
    """Return ids of releases whose text contains (or contained) terms of ``concept_ids``.

    The releases that used those concepts come from the index (:func:`releases_using`). A
    term that is new, or newly spelled, can also occur in text that no check has linked to its
    concept yet: for the concepts in ``new_terms`` the head text of the other releases is
    scanned too. ``new_terms`` defaults to every concept of ``concept_ids`` (the safe choice
    for a caller that cannot tell); an empty one (status, note or removed terms only) scans
    nothing.
    """
    affected = set(releases_using(concept_ids))
    scan = set(concept_ids) if new_terms is None else set(new_terms) & set(concept_ids)
    matchers = _term_matchers(scan)
    if not matchers:
        return sorted(affected)
    heads = list(
        Revision.objects.filter(number=F("release__head_number"))
        .exclude(release_id__in=affected)
        .order_by("pk")
        .values_list("pk", "release_id")
    )
    for start in range(0, len(heads), HEADS_CHUNK):
        chunk = heads[start : start + HEADS_CHUNK]
        snapshots = snapshots_read([pk for pk, _release in chunk])
        for pk, release_id in chunk:
            if _snapshot_uses(snapshots[pk], matchers):
                affected.add(release_id)
    return sorted(affected)


def _term_matchers(concept_ids, codes=None):
    """Return ``{language: matcher}`` of the terms of ``concept_ids`` (in ``codes`` only)."""
    by_language = defaultdict(list)
    for chunk in _chunks(concept_ids):
        terms = Term.objects.filter(concept_id__in=chunk)
        if codes is not None:
            terms = terms.filter(language__in=codes)
        for row in terms.values(*_SPEC_FIELDS):
            by_language[row["language"]].append(_term_spec(row))
    return {code: TermMatcher(specs, code) for code, specs in by_language.items()}


def _snapshot_uses(snapshot, matchers):
    units = snapshot_units(snapshot)
    return any(
        matcher.find(unit.text(code) or "") for code, matcher in matchers.items() for unit in units
    )


def head_uses_terms(snapshot, concept_ids, codes):
    """Return whether a unit of ``snapshot`` (title, photo text, segment) holds, in one of the
    languages ``codes``, a term of ``concept_ids`` (what :func:`releases_affected` scans
    for)."""
    matchers = _term_matchers(concept_ids, codes)
    return bool(matchers) and _snapshot_uses(snapshot, matchers)
