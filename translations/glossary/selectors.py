"""Read the glossary for the admin and the API: concept search, term filters, a concept's
label."""

import re

from django.db import connections
from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal

from config import languages
from translations.glossary.models import Term
from translations.glossary.vocabulary import TermStatus

# What a concept search looks in: the identifier, the terms, every language's definition and
# note (the admin's search box and the API's ``q``).
CONCEPT_SEARCH_FIELDS = (
    "identifier",
    "terms__text",
    *(f"{field}_{code}" for field in ("definition", "note") for code in languages.CODES),
)


def concepts_with_term(queryset, **term_fields):
    """Return the concepts of ``queryset`` that have one term matching all of ``term_fields``
    (``status="forbidden", language="en"``: a forbidden English term, not some forbidden term
    and some English term)."""
    if not term_fields:
        return queryset
    return queryset.filter(pk__in=Term.objects.filter(**term_fields).values("concept_id"))


def concept_label(concept):
    """Return what names ``concept`` for people: its preferred term in the default source
    language, else its first preferred term, else its first term, else its identifier."""
    terms = sorted(
        concept.terms.all(),
        key=lambda term: (
            term.language != languages.DEFAULT_SOURCE,
            term.status != TermStatus.PREFERRED,
            languages.CODES.index(term.language) if term.language in languages.CODES else 99,
            term.position,
            term.pk or 0,
        ),
    )
    return terms[0].text if terms else concept.identifier


def concepts_search(queryset, search_term, fields):
    """Filter concepts like the admin's search (every word in some field), ignoring case in any
    script.

    SQLite's LIKE folds ASCII letters only ("курилы" would miss "Южные Курилы"), but its
    REGEXP is Django's Python function, so "(?i)" matching there folds every script.
    Elsewhere icontains compares UPPER() of both sides, which folds every script only if
    the database's character type does (PostgreSQL with LC_CTYPE "C" does not), so the
    usual spellings of each word are looked for as well.
    """
    sqlite = connections[queryset.db].vendor == "sqlite"
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        if sqlite:
            lookups = [(f"{field}__iregex", re.escape(bit)) for field in fields]
        else:
            spellings = dict.fromkeys(
                [bit, bit.lower(), bit.upper(), bit.capitalize(), bit.title()]
            )
            lookups = [
                (f"{field}__icontains", spelling) for field in fields for spelling in spellings
            ]
        queryset = queryset.filter(Q.create(lookups, connector=Q.OR))
    return queryset
