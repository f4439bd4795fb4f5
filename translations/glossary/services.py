"""Glossary services: one validation for every write path, export, and batched import."""

from dataclasses import asdict
from itertools import islice

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.languages import CODES
from config.limits import MAX_GLOSSARY_CONCEPTS as GLOSSARY_MAX_CONCEPTS
from records import bulk
from records.bulk import rows_update
from translations.glossary.changes import glossary_changed
from translations.glossary.files import ConceptData, TermData, validate_concept
from translations.glossary.files.data import check_length
from translations.glossary.forms import match_forms_version, term_match_forms
from translations.glossary.models import Concept, Term

# Concepts read, checked and written together; also the size of every IN (...) lookup.
IMPORT_BATCH = 500


class GlossaryImportError(ValueError):
    """A glossary file cannot be imported; nothing was written."""


def _max_length(model, field):
    return model._meta.get_field(field).max_length


def glossary_concept_validate(concept):
    """Return ``concept`` if it can be stored, exported and imported back; else raise.

    Raises :class:`~translations.exchange.GlossaryFormatError`, whose ``field`` (and ``term``,
    the index of a term) names what is wrong. The admin, the importers and the commands all
    call this before writing.
    """
    validate_concept(concept, languages=CODES)
    where = f"in concept {concept.identifier!r}"
    for what, field, value in (
        ("identifier", "identifier", concept.identifier),
        ("subject field", "subject_field", concept.subject_field),
    ):
        check_length(what, field, value, _max_length(Concept, field), where)
    for index, term in enumerate(concept.terms):
        for what, field, value in (
            ("term", "text", term.text),
            ("part of speech", "part_of_speech", term.part_of_speech),
        ):
            check_length(what, field, value, _max_length(Term, field), where, term=index)
    return concept


def concept_data(concept, terms):
    """Return a concept and its terms (in order) as plain glossary data."""
    return ConceptData(
        identifier=concept.identifier,
        subject_field=concept.subject_field,
        definition={
            code: getattr(concept, f"definition_{code}") or ""
            for code in CODES
            if getattr(concept, f"definition_{code}")
        },
        note={
            code: getattr(concept, f"note_{code}") or ""
            for code in CODES
            if getattr(concept, f"note_{code}")
        },
        terms=tuple(
            TermData(
                language=term.language,
                text=term.text,
                status=term.status,
                case_sensitive=term.case_sensitive,
                part_of_speech=term.part_of_speech,
                note=term.note,
            )
            for term in terms
        ),
    )


def _ordered_terms(concept):
    return sorted(concept.terms.all(), key=lambda t: (t.position, t.id))


def glossary_export():
    """Return the whole glossary as plain concept data, in identifier order."""
    concepts = Concept.objects.prefetch_related("terms").order_by("identifier")
    return [concept_data(concept, _ordered_terms(concept)) for concept in concepts]


@transaction.atomic
def concept_save(concept, terms):
    """Write ``concept`` and exactly ``terms``, as one glossary change; return the concept.

    ``concept`` is a Concept carrying the values to store (new when it has no pk); ``terms``
    its Term objects in order, stored or new: the concept's other terms are deleted. The whole
    is checked by :func:`glossary_concept_validate` first (refused with nothing written). A
    save that changes nothing is no glossary change; one that adds or respells a term tells
    the checks to scan releases for it.
    """
    glossary_concept_validate(concept_data(concept, terms))
    stored = None
    if concept.pk is not None:
        before = Concept.objects.prefetch_related("terms").get(pk=concept.pk)
        stored = concept_data(before, _ordered_terms(before))
        same_concept = concept_data(before, []) == concept_data(concept, [])
        if same_concept and _term_rows(before.terms.all()) == _term_rows(terms):
            return concept
    concept.save()
    for term in terms:
        term.concept = concept
        term.save()
    concept.terms.exclude(pk__in=[term.pk for term in terms]).delete()
    respelled = stored is None or bool(_match_sources(terms) - _match_sources(stored.terms))
    glossary_changed([concept.pk], new_terms=[concept.pk] if respelled else [])
    return concept


def _term_rows(terms):
    return sorted(
        (term.pk or 0, term.position, *asdict(concept_data(Concept(), [term]).terms[0]).values())
        for term in terms
    )


@transaction.atomic
def concepts_delete(concepts):
    """Delete ``concepts`` (a queryset) with their terms, as one glossary change."""
    ids = list(concepts.values_list("pk", flat=True))
    Concept.objects.filter(pk__in=ids).delete()
    glossary_changed(ids, new_terms=[])
    return ids


def _fill(concept, data):
    concept.subject_field = data.subject_field
    for code in CODES:
        setattr(concept, f"definition_{code}", data.definition.get(code, ""))
        setattr(concept, f"note_{code}", data.note.get(code, ""))


# Concept fields an import writes, as Concept.save() would (the translated columns too).
_CONCEPT_FIELDS = (
    "subject_field",
    "definition",
    "note",
    *(f"{name}_{code}" for name in ("definition", "note") for code in CODES),
    "updated_at",
)


def _match_source(term):
    return term.language, term.text, term.case_sensitive


def _match_sources(terms):
    return {_match_source(term) for term in terms}


def _current_forms(concepts):
    """Return the stored match forms of the (prefetched) terms of ``concepts`` that are current,
    by what they are derived from: a re-imported term is not lemmatised again."""
    return {
        _match_source(term): term.match_forms
        for concept in concepts
        for term in concept.terms.all()
        if (term.match_forms or {}).get("version") == match_forms_version(term.language)
    }


def _term(concept, position, data, known):
    term = Term(concept=concept, position=position, **asdict(data))
    forms = known.get(_match_source(term))
    if forms is None:
        return term.fill_match_forms()
    term.match_forms = forms
    return term


def _write_batch(batch, counts, changed, respelled):
    """Create or update one batch of checked concepts and replace their terms.

    A constant number of queries per batch: one read (and one of the existing concepts'
    terms), one delete of the updated concepts' terms, one update of their rows, one insert
    of new concepts and one of terms (inserts split only by the database's limit on query
    variables).
    """
    existing = {
        concept.identifier: concept
        for concept in Concept.objects.filter(
            identifier__in=[data.identifier for data in batch]
        ).prefetch_related("terms")
    }
    new, updated = [], []
    for data in batch:
        concept = existing.get(data.identifier)
        if concept is None:
            concept = Concept(identifier=data.identifier)
            new.append(concept)
        elif (stored := concept_data(concept, _ordered_terms(concept))) == data:
            counts["unchanged"] += 1
            continue
        else:
            updated.append(concept)
            if _match_sources(data.terms) - _match_sources(stored.terms):
                respelled.append(concept.pk)
        _fill(concept, data)
    known = _current_forms(updated)
    if updated:
        Term.objects.filter(concept__in=[concept.pk for concept in updated]).delete()
        now = timezone.now()  # a bulk write does not apply auto_now
        for concept in updated:
            concept.updated_at = now
        # One statement run per row: Django's bulk_update builds a CASE per row and field,
        # which costs seconds of Python for a batch.
        rows_update(Concept, updated, _CONCEPT_FIELDS)
    Concept.objects.bulk_create(new, batch_size=IMPORT_BATCH)
    if any(concept.pk is None for concept in new):  # databases that return no ids
        ids = dict(
            Concept.objects.filter(identifier__in=[c.identifier for c in new]).values_list(
                "identifier", "pk"
            )
        )
        for concept in new:
            concept.pk = ids[concept.identifier]
    by_identifier = {data.identifier: data for data in batch}
    Term.objects.bulk_create(
        [
            _term(concept, position, term, known)
            for concept in (*updated, *new)
            for position, term in enumerate(by_identifier[concept.identifier].terms)
        ],
        batch_size=IMPORT_BATCH,
    )
    counts["created"] += len(new)
    counts["updated"] += len(updated)
    changed.extend(concept.pk for concept in (*updated, *new))
    respelled.extend(concept.pk for concept in new)


# Concepts written by one import from which PostgreSQL analyses the glossary tables at once.
ANALYSE_AFTER = 5000


@transaction.atomic
def glossary_import(concepts, *, limit=None):
    """Create or update concepts (by identifier) and replace their terms; return counts.

    ``concepts`` may be a generator (``tbx_iter``): it is read and written in batches, so
    memory stays bounded. Every concept is checked with :func:`glossary_concept_validate`;
    a duplicate identifier, an invalid concept or more than ``limit`` (default
    :data:`GLOSSARY_MAX_CONCEPTS`) concepts refuses the whole file and writes nothing.
    """
    limit = GLOSSARY_MAX_CONCEPTS if limit is None else limit
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    changed, respelled = [], []
    seen = set()
    concepts = iter(concepts)
    while batch := list(islice(concepts, IMPORT_BATCH)):
        for concept in batch:
            if concept.identifier in seen:
                raise GlossaryImportError(
                    _("concept “%(id)s” appears twice") % {"id": concept.identifier}
                )
            seen.add(concept.identifier)
            if len(seen) > limit:
                raise GlossaryImportError(
                    _("the glossary has more than %(limit)s concepts; split it into several files")
                    % {"limit": limit}
                )
            glossary_concept_validate(concept)
        _write_batch(batch, counts, changed, respelled)
    if counts["created"] + counts["updated"] >= ANALYSE_AFTER:
        # The re-check that follows plans its queries on the glossary's new size.
        bulk.statistics_refresh(Concept, Term)
    if changed:
        glossary_changed(changed, new_terms=respelled)
    return counts


def term_match_forms_refresh(model=Term, *, everything=False, batch=IMPORT_BATCH):
    """Store current match forms for the terms whose stored ones are stale; return how many.

    Stale: made by other matching rules (see ``translations.glossary.forms``), or missing.
    ``everything`` recomputes every term's forms. Reads and writes ``batch`` terms at a time.
    ``model`` lets the data migration pass its historical Term model.
    """
    versions = {}
    refreshed = 0
    last = 0
    while True:
        terms = list(model.objects.filter(pk__gt=last).order_by("pk")[:batch])
        if not terms:
            return refreshed
        last = terms[-1].pk
        stale = []
        for term in terms:
            if term.language not in versions:
                versions[term.language] = match_forms_version(term.language)
            if everything or (term.match_forms or {}).get("version") != versions[term.language]:
                term.match_forms = term_match_forms(term.language, term.text, term.case_sensitive)
                stale.append(term)
        model.objects.bulk_update(stale, ["match_forms"])
        refreshed += len(stale)
