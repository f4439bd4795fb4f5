"""One batch of a glossary import: find each file concept's stored concept, merge, write.

Which stored concept a file's concept updates:

* **Concord's files** (a TBX export carrying Concord's header note, any CSV, plain data from
  the code): the concept with the same identifier — the identifier is Concord's own.
* **Other tools' files**: their ids belong to another tool, so an id alone never selects a
  concept (a termbase's ``tor`` may be anything). The concept is the one that holds one of
  the entry's terms, exactly as written, in its first language Concord keeps (English first,
  in ``config.languages`` order). Exactly one such concept: the entry updates it, whatever its
  identifier. None: a new concept, under the file's id — or, when that identifier is taken by
  another concept, the id plus a short hash of it, reported. Several (a homonym the glossary
  splits) or one an earlier entry of the file already updated: the entry is not imported,
  and the report says why. So an unrelated concept is never merged into silently.

A constant number of queries per batch: the reads of the batch's stored concepts (with their
terms; for other tools' files, one per language for the terms and one for taken
identifiers), one delete of the updated concepts' terms, one update of their rows, one insert
of new concepts and one of terms (inserts split only by the database's limit on query
variables).
"""

import hashlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field, replace

from django.utils import timezone
from django.utils.translation import gettext as _

from config.languages import CODES
from records.bulk import rows_update
from translations.glossary.forms import match_forms_version
from translations.glossary.merge import concept_merge, concept_new
from translations.glossary.models import Concept, Term
from translations.glossary.rows import concept_data, glossary_concept_validate, ordered_terms

# Concept fields an import writes, as Concept.save() would (the translated columns too).
_CONCEPT_FIELDS = (
    "subject_field",
    "definition",
    "note",
    *(f"{name}_{code}" for name in ("definition", "note") for code in CODES),
    "updated_at",
)
# The size of every IN (...) lookup.
LOOKUP_CHUNK = 500


@dataclass
class ImportState:
    """What the batches of one import share."""

    concord: bool
    replace_terms: bool
    # The file states every term's variants (an empty value removes the stored ones).
    variants: bool = False
    # Stored concepts an entry of the file already updated (other tools' files).
    matched: set = field(default_factory=set)
    changed: list = field(default_factory=list)
    respelled: list = field(default_factory=list)


def _match_source(term):
    return term.language, term.text, term.case_sensitive, getattr(term, "variants", "")


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


def _fill(concept, data):
    concept.subject_field = data.subject_field
    for code in CODES:
        setattr(concept, f"definition_{code}", data.definition.get(code, ""))
        setattr(concept, f"note_{code}", data.note.get(code, ""))


def _chunks(items):
    items = list(items)
    for start in range(0, len(items), LOOKUP_CHUNK):
        yield items[start : start + LOOKUP_CHUNK]


def _key_terms(data):
    """Return the entry's first language Concord keeps and its terms in it."""
    for language in CODES:
        texts = [term.text for term in data.terms if term.language == language]
        if texts:
            return language, texts
    return None, []


def _renamed(identifier):
    digest = hashlib.sha1(identifier.encode(), usedforsecurity=False).hexdigest()[:6]
    return f"{identifier[:90]}-{digest}"


def _by_identifier(batch):
    existing = {
        concept.identifier: concept
        for concept in Concept.objects.filter(
            identifier__in=[data.identifier for data in batch]
        ).prefetch_related("terms")
    }
    return [(data, existing.get(data.identifier)) for data in batch]


def _by_terms(batch, report, state):
    """Pair other tools' entries with the stored concepts that hold their terms."""
    wanted = defaultdict(set)
    for data in batch:
        language, texts = _key_terms(data)
        wanted[language].update(texts)
    holders = defaultdict(set)
    for language, texts in wanted.items():
        for chunk in _chunks(texts):
            for concept_id, text in Term.objects.filter(
                language=language, text__in=chunk
            ).values_list("concept_id", "text"):
                holders[(language, text)].add(concept_id)
    ids = set().union(*holders.values()) if holders else set()
    concepts = {}
    for chunk in _chunks(ids):
        concepts.update(
            (concept.pk, concept)
            for concept in Concept.objects.filter(pk__in=chunk).prefetch_related("terms")
        )
    taken = set()
    for chunk in _chunks(data.identifier for data in batch):
        taken.update(
            Concept.objects.filter(identifier__in=chunk).values_list("identifier", flat=True)
        )
    pairs = []
    for data in batch:
        language, texts = _key_terms(data)
        found = sorted(set().union(*(holders[(language, text)] for text in texts)))
        if len(found) > 1:
            names = ", ".join(sorted(concepts[pk].identifier for pk in found))
            report.not_imported.append(
                (
                    data.identifier,
                    _("its %(language)s terms belong to several concepts: %(concepts)s")
                    % {"language": language, "concepts": names},
                )
            )
        elif found and found[0] in state.matched:
            report.not_imported.append(
                (
                    data.identifier,
                    _("an earlier entry of the file already updated concept %(concept)s")
                    % {"concept": concepts[found[0]].identifier},
                )
            )
        elif found:
            concept = concepts[found[0]]
            state.matched.add(concept.pk)
            if concept.identifier != data.identifier:
                report.renamed.append((data.identifier, concept.identifier))
            pairs.append((data, concept))
        else:
            identifier = data.identifier
            if identifier in taken:
                identifier = _renamed(identifier)
                report.renamed.append((data.identifier, identifier))
            taken.add(identifier)
            pairs.append((replace(data, identifier=identifier), None))
    return pairs


def batch_write(batch, report, state):
    """Create or update one batch of checked file concepts (see the module's rules)."""
    pairs = _by_identifier(batch) if state.concord else _by_terms(batch, report, state)
    new, updated, results = [], [], {}
    for data, concept in pairs:
        if concept is None:
            concept = Concept(identifier=data.identifier)
            result, changes = concept_new(data, data.identifier)
            report.terms.extend(changes)
            new.append(concept)
        else:
            stored = concept_data(concept, ordered_terms(concept))
            result, changes = concept_merge(
                stored,
                data,
                replace_terms=state.replace_terms,
                foreign=not state.concord,
                variants_stated=state.variants,
            )
            report.terms.extend(changes)
            if result == stored:
                report.unchanged += 1
                continue
            glossary_concept_validate(result)
            updated.append(concept)
            if _match_sources(result.terms) - _match_sources(stored.terms):
                state.respelled.append(concept.pk)
        _fill(concept, result)
        results[concept.identifier] = result
    known = _current_forms(updated)
    if updated:
        Term.objects.filter(concept__in=[concept.pk for concept in updated]).delete()
        now = timezone.now()  # a bulk write does not apply auto_now
        for concept in updated:
            concept.updated_at = now
        # One statement run per row: Django's bulk_update builds a CASE per row and field,
        # which costs seconds of Python for a batch.
        rows_update(Concept, updated, _CONCEPT_FIELDS)
    Concept.objects.bulk_create(new, batch_size=LOOKUP_CHUNK)
    if any(concept.pk is None for concept in new):  # databases that return no ids
        ids = dict(
            Concept.objects.filter(identifier__in=[c.identifier for c in new]).values_list(
                "identifier", "pk"
            )
        )
        for concept in new:
            concept.pk = ids[concept.identifier]
    Term.objects.bulk_create(
        [
            _term(concept, position, term, known)
            for concept in (*updated, *new)
            for position, term in enumerate(results[concept.identifier].terms)
        ],
        batch_size=LOOKUP_CHUNK,
    )
    report.created.extend(concept.identifier for concept in new)
    report.updated.extend(concept.identifier for concept in updated)
    state.changed.extend(concept.pk for concept in (*updated, *new))
    state.respelled.extend(concept.pk for concept in new)
