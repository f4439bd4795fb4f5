"""Services for term checks: match releases against the glossary and store the findings."""

from collections import defaultdict
from dataclasses import asdict

from django.db import transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from config.languages import targets
from records.models import Release, Revision

from ..checks import run_checks
from ..matching import TermMatcher, TermSpec, matcher_for
from ..models import CheckRun, Concept, Finding, GlossaryState, Term
from ..selectors import release_source_language
from ..vocabulary import TermStatus

# Ids per ``IN (...)`` lookup: well under SQLite's default limit of 999 query variables.
LOOKUP_CHUNK = 500


def _term_spec(row):
    return TermSpec(
        id=row["id"],
        concept_id=row["concept_id"],
        language=row["language"],
        text=row["text"],
        status=row["status"],
        case_sensitive=row["case_sensitive"],
        forms=row.get("match_forms"),
    )


def glossary_terms(language):
    """Return every term of ``language`` as plain term specs."""
    rows = (
        Term.objects.filter(language=language)
        .order_by("concept_id", "position", "id")
        .values("id", "concept_id", "language", "text", "status", "case_sensitive", "match_forms")
    )
    return [_term_spec(row) for row in rows]


def glossary_matcher(language, version=None):
    """Return the cached matcher of ``language`` for the current glossary version."""
    version = GlossaryState.current() if version is None else version
    return matcher_for(language, version, lambda: glossary_terms(language))


def _concept_terms(*matchers):
    by_concept = defaultdict(list)
    for matcher in matchers:
        for term in matcher.terms:
            by_concept[term.concept_id].append(term)
    return by_concept


def _concept_labels(source):
    """Return ``{concept id: human label}`` for finding messages, in one query.

    The label is the concept's preferred term in the ``source`` language, else its first term
    there, else its identifier (never shown to readers while a concept has a source term).
    """
    terms = Term.objects.filter(concept=OuterRef("pk"), language=source).order_by("position", "id")
    return dict(
        Concept.objects.annotate(
            label=Coalesce(
                Subquery(terms.filter(status=TermStatus.PREFERRED).values("text")[:1]),
                Subquery(terms.values("text")[:1]),
                F("identifier"),
                output_field=CharField(),
            )
        ).values_list("id", "label")
    )


def release_terms_check(release, *, languages=None, force=False):
    """Check the newest revision of ``release`` against the glossary and store the findings.

    ``languages`` defaults to every target language of the release. Returns ``{language:
    number of findings}`` (None where a newer revision arrived during the check: its own check
    will store the findings); a language already checked at this revision and glossary version
    is not checked again unless ``force``.
    """
    revision = Revision.objects.filter(release=release, number=release.head_number).first()
    if revision is None:
        return {}
    source_language = release_source_language(release)
    wanted = targets(source_language)
    languages = wanted if languages is None else [code for code in languages if code in wanted]
    version = GlossaryState.current()
    done = {
        run.language: run
        for run in CheckRun.objects.filter(release=release, language__in=languages)
    }
    source = glossary_matcher(source_language, version)
    labels = _concept_labels(source_language)
    counts = {}
    for language in languages:
        run = done.get(language)
        if (
            not force
            and run is not None
            and run.revision_number == revision.number
            and run.glossary_version == version
        ):
            counts[language] = Finding.objects.filter(release=release, language=language).count()
            continue
        target = glossary_matcher(language, version)
        segments = [
            (
                segment["key"],
                segment["text"].get(source_language, ""),
                segment["text"].get(language, ""),
            )
            for segment in revision.snapshot["segments"]
        ]
        findings = run_checks(
            segments,
            language,
            source,
            target,
            _concept_terms(source, target),
            concept_labels=labels,
        )
        concepts = sorted(
            {m.term.concept_id for _k, original, _t in segments for m in source.find(original)}
            | {m.term.concept_id for _k, _e, text in segments for m in target.find(text)}
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
            CheckRun.objects.update_or_create(
                release=release,
                language=language,
                defaults={
                    "revision_number": revision.number,
                    "glossary_version": version,
                    "concepts": concepts,
                },
            )
        counts[language] = len(findings)
    return counts


def releases_affected(concept_ids):
    """Return ids of releases whose text contains (or contained) terms of ``concept_ids``."""
    wanted = set(concept_ids)
    affected = {
        release_id
        for release_id, concepts in CheckRun.objects.values_list("release_id", "concepts")
        if wanted.intersection(concepts or ())
    }
    by_language = defaultdict(list)
    ordered = sorted(wanted)
    # Chunked: a whole-glossary change must not exceed SQLite's limit on query variables.
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        terms = Term.objects.filter(concept_id__in=ordered[start : start + LOOKUP_CHUNK]).values(
            "id", "concept_id", "language", "text", "status", "case_sensitive"
        )
        for row in terms:
            by_language[row["language"]].append(_term_spec(row))
    matchers = {code: TermMatcher(specs, code) for code, specs in by_language.items()}
    if not matchers:
        return sorted(affected)
    heads = (
        Revision.objects.filter(number=F("release__head_number"))
        .exclude(release_id__in=affected)
        .values_list("release_id", "snapshot")
    )
    for release_id, snapshot in heads.iterator(chunk_size=100):
        texts = [snapshot["title"]] + [segment["text"] for segment in snapshot["segments"]]
        if any(
            matcher.find(text.get(code, "")) for code, matcher in matchers.items() for text in texts
        ):
            affected.add(release_id)
    return sorted(affected)


def glossary_changed(concept_ids):
    """Record a glossary change and re-check the affected releases after commit."""
    GlossaryState.bump()
    ids = sorted(set(concept_ids))
    if not ids:
        return
    from ..tasks import glossary_recheck

    transaction.on_commit(lambda: glossary_recheck.delay(ids))
