"""Glossary services: one validation for every write path, export, and batched import
(which merges: :mod:`.merge`, :mod:`.batches`)."""

from dataclasses import asdict
from itertools import islice

from django.db import transaction
from django.utils.translation import gettext as _

from config import languages
from config.limits import MAX_GLOSSARY_CONCEPTS as GLOSSARY_MAX_CONCEPTS
from records import bulk
from translations.glossary.batches import ImportState, batch_write
from translations.glossary.changes import glossary_changed
from translations.glossary.files import csv_dump, tbx2008_dump, tbx_dump
from translations.glossary.files.po import glossary_po_dump
from translations.glossary.forms import match_forms_version, term_match_forms
from translations.glossary.merge import GlossaryReport
from translations.glossary.models import Concept, Term
from translations.glossary.rows import concept_data, glossary_concept_validate, ordered_terms

__all__ = [
    "GLOSSARY_FILES",
    "GlossaryImportError",
    "GlossaryReport",
    "concept_data",
    "concept_save",
    "concepts_delete",
    "glossary_concept_validate",
    "glossary_export",
    "glossary_file_export",
    "glossary_import",
    "term_match_forms_refresh",
    "term_match_forms_upgrade",
]

# Concepts read, checked and written together; also the size of every IN (...) lookup.
IMPORT_BATCH = 500


class GlossaryImportError(ValueError):
    """A glossary file cannot be imported; nothing was written."""


def glossary_export():
    """Return the whole glossary as plain concept data, in identifier order."""
    concepts = Concept.objects.prefetch_related("terms").order_by("identifier")
    return [concept_data(concept, ordered_terms(concept)) for concept in concepts]


# The glossary's file formats: (content type, download name; PO's names its language).
GLOSSARY_FILES = {
    "tbx": ("application/x-tbx+xml", "glossary.tbx"),
    "tbx2008": ("application/x-tbx+xml", "glossary-tbx2008.tbx"),
    "csv": ("text/csv; charset=utf-8", "glossary.csv"),
    "po": ("text/x-gettext-translation", "glossary.{language}.po"),
}


def glossary_file_export(fmt, *, language=None, excel=False):
    """Return the whole glossary as the bytes of a ``fmt`` file (a key of
    :data:`GLOSSARY_FILES`): TBX v3, TBX 2008, CSV (``excel``: with a byte order mark and CRLF
    lines), or PO into target ``language``. Raises ``GlossaryFormatError`` for a glossary that
    cannot be written."""
    concepts = glossary_export()
    if fmt == "po":
        return glossary_po_dump(
            concepts,
            source=languages.DEFAULT_SOURCE,
            language=language,
            plural_forms=languages.get(language).plural_forms,
        )
    if fmt == "tbx2008":
        return tbx2008_dump(concepts)
    if fmt == "csv":
        return csv_dump(concepts, excel=excel).encode("utf-8")
    return tbx_dump(concepts)


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
        stored = concept_data(before, ordered_terms(before))
        same_concept = concept_data(before, []) == concept_data(concept, [])
        if same_concept and _term_rows(before.terms.all()) == _term_rows(terms):
            return concept
    concept.save()
    # The terms it no longer has go first: a kept or new term may take one's spelling.
    concept.terms.exclude(pk__in=[term.pk for term in terms if term.pk is not None]).delete()
    for term in terms:
        term.concept = concept
        term.save()
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


def _match_sources(terms):
    return {(term.language, term.text, term.case_sensitive) for term in terms}


# Concepts written by one import from which PostgreSQL analyses the glossary tables at once.
ANALYSE_AFTER = 5000


@transaction.atomic
def glossary_import(concepts, *, replace_terms=False, dry_run=False, limit=None):
    """Merge a glossary file's concepts into the glossary; return a :class:`GlossaryReport`.

    ``concepts`` may be a :class:`~translations.glossary.files.GlossarySource` (what the
    readers return: it says whether the file is Concord's, and what it skipped) or any
    iterable of ``ConceptData`` (treated as Concord's). It is read and written in batches, so
    memory stays bounded. How each concept finds its stored one and what a merge changes:
    :mod:`.batches` and :mod:`.merge`; ``replace_terms`` removes a concept's terms in the
    file's languages that the file lacks. Every concept is checked with
    :func:`glossary_concept_validate`; a duplicate identifier, an invalid concept or more than
    ``limit`` (default :data:`GLOSSARY_MAX_CONCEPTS`) concepts refuses the whole file and
    writes nothing. ``dry_run`` does all of it and reports, then rolls back.
    """
    limit = GLOSSARY_MAX_CONCEPTS if limit is None else limit
    state = ImportState(concord=True, replace_terms=replace_terms)
    report = GlossaryReport(dry_run=dry_run, replace_terms=replace_terms)
    seen = set()
    source = concepts
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
        # A reader knows whose file it is once it has read the header, before any concept.
        state.concord = getattr(source, "concord", True)
        state.variants = getattr(source, "variants", False)
        batch_write(batch, report, state)
    report.skipped_languages = dict(getattr(source, "skipped", {}))
    report.empty = list(getattr(source, "empty", []))
    report.ignored = dict(getattr(source, "ignored", {}))
    if dry_run:
        # Everything was written and checked as for real; the savepoint takes it back.
        transaction.set_rollback(True)
        return report
    if len(state.changed) >= ANALYSE_AFTER:
        # The re-check that follows plans its queries on the glossary's new size.
        bulk.statistics_refresh(Concept, Term)
    if state.changed:
        glossary_changed(state.changed, new_terms=state.respelled)
    return report


def term_match_forms_upgrade(*, everything=False):
    """Store current match forms (:func:`term_match_forms_refresh`) and, when the new rules
    make some terms match differently, record a glossary change of their concepts: matchers
    are rebuilt and the releases those terms may now be found in, or no longer be, are
    re-checked (check runs of the old glossary version are no longer current). Returns how
    many terms were stored."""
    changed = set()
    with transaction.atomic():
        count = term_match_forms_refresh(everything=everything, changed=changed)
        if changed:
            glossary_changed(changed)
    return count


def _matching(forms):
    return {key: value for key, value in (forms or {}).items() if key != "version"}


def term_match_forms_refresh(model=Term, *, everything=False, batch=IMPORT_BATCH, changed=None):
    """Store current match forms for the terms whose stored ones are stale; return how many.

    Stale: made by other matching rules (see ``translations.glossary.forms``), or missing.
    ``everything`` recomputes every term's forms. Reads and writes ``batch`` terms at a time.
    ``model`` lets the data migration pass its historical Term model. ``changed``, a set,
    receives the concept ids of the terms whose forms now say something else.
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
                old = term.match_forms
                term.match_forms = term_match_forms(
                    term.language, term.text, term.case_sensitive, getattr(term, "variants", "")
                )
                stale.append(term)
                if changed is not None and _matching(old) != _matching(term.match_forms):
                    changed.add(term.concept_id)
        model.objects.bulk_update(stale, ["match_forms"])
        refreshed += len(stale)
