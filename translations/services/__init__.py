"""Services for the glossary and term checks; admin, commands and tasks only call these.

Modules: :mod:`.terms` (term checks of releases, the matcher cache, re-checks after a
glossary change), :mod:`.glossary` (validation, export and import of the glossary), and the
release exchange files: :mod:`.exchange` (PO/XLIFF export), :mod:`.exchange_import` (import
as one revision) and :mod:`.exchange_bulk` (a topic's releases as one zip, built by Celery).
"""

from .glossary import (
    GLOSSARY_MAX_CONCEPTS,
    GlossaryImportError,
    concept_data,
    glossary_concept_validate,
    glossary_export,
    glossary_import,
    term_match_forms_refresh,
)
from .pending import (
    pending_check_done,
    pending_check_record,
    pending_checks_due,
    pending_recheck_expand,
    pending_recheck_record,
    pending_rechecks_due,
)
from .terms import (
    glossary_changed,
    glossary_matcher,
    glossary_terms,
    release_terms_check,
    releases_affected,
    releases_using,
)

__all__ = [
    "GLOSSARY_MAX_CONCEPTS",
    "GlossaryImportError",
    "concept_data",
    "glossary_changed",
    "glossary_concept_validate",
    "glossary_export",
    "glossary_import",
    "glossary_matcher",
    "glossary_terms",
    "pending_check_done",
    "pending_check_record",
    "pending_checks_due",
    "pending_recheck_expand",
    "pending_recheck_record",
    "pending_rechecks_due",
    "release_terms_check",
    "releases_affected",
    "releases_using",
    "term_match_forms_refresh",
]
