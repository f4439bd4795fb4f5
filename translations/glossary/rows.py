"""Stored concepts as glossary data, and the one check before any glossary write."""

from config.languages import CODES
from translations.glossary.files import ConceptData, TermData, validate_concept
from translations.glossary.files.data import check_length
from translations.glossary.models import Concept, Term


def _max_length(model, field):
    return model._meta.get_field(field).max_length


def glossary_concept_validate(concept):
    """Return ``concept`` if it can be stored, exported and imported back; else raise.

    Raises :class:`~translations.glossary.files.GlossaryFormatError`, whose ``field`` (and
    ``term``, the index of a term) names what is wrong. The admin, the importers and the
    commands all call this before writing.
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
                variants=term.variants,
            )
            for term in terms
        ),
    )


def ordered_terms(concept):
    """Return the (prefetched) terms of ``concept`` in their stored order."""
    return sorted(concept.terms.all(), key=lambda t: (t.position, t.id))
