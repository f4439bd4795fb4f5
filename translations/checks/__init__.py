"""Check translated segments: against the term glossary (missing, forbidden, inconsistent
terms) and for consistency with the source (proper names, numbers, dates and times, form).

Checks are small classes in a registry, in the style of Weblate's ``weblate/checks/``, and
work on plain data: the caller matches nothing and stores nothing. :func:`run_checks` matches
every segment once with the source and target matchers and runs every registered check.

Modules: :mod:`.base` (the data checks work on, the base classes), :mod:`.registry`, one module
per term check (:mod:`.missing`, :mod:`.forbidden`, :mod:`.inconsistent`), the consistency
checks (:mod:`.consistency`, :mod:`.form`) with the language knowledge they read texts with
(:mod:`.numbers`, :mod:`.dates`, :mod:`.calendar`; dates are checked in :mod:`.date_check`),
:mod:`.run`, and :mod:`.live` (one unit at a time, before
anything is stored: the terms its source uses, the findings of a text being typed).
"""

from translations.checks.base import (
    CONCEPT_LABEL,
    FindingData,
    ReleaseContext,
    SegmentMatches,
    SegmentTermCheck,
    TermCheck,
)
from translations.checks.consistency import NumberCheck, ProperNameCheck
from translations.checks.date_check import DateCheck
from translations.checks.forbidden import (
    DEPRECATED_TERM_MESSAGE,
    DEPRECATED_TERM_NO_ALTERNATIVE_MESSAGE,
    FORBIDDEN_TERM_MESSAGE,
    FORBIDDEN_TERM_NO_ALTERNATIVE_MESSAGE,
    ForbiddenTermCheck,
)
from translations.checks.form import FormCheck
from translations.checks.inconsistent import INCONSISTENT_TERM_MESSAGE, InconsistentTermCheck
from translations.checks.missing import MISSING_TERM_MESSAGE, MissingTermCheck
from translations.checks.registry import CHECK_CLASSES, CHECKS
from translations.checks.run import run_checks

__all__ = [
    "CHECKS",
    "CHECK_CLASSES",
    "CONCEPT_LABEL",
    "DEPRECATED_TERM_MESSAGE",
    "DEPRECATED_TERM_NO_ALTERNATIVE_MESSAGE",
    "FORBIDDEN_TERM_MESSAGE",
    "FORBIDDEN_TERM_NO_ALTERNATIVE_MESSAGE",
    "INCONSISTENT_TERM_MESSAGE",
    "MISSING_TERM_MESSAGE",
    "DateCheck",
    "FindingData",
    "FormCheck",
    "ForbiddenTermCheck",
    "InconsistentTermCheck",
    "MissingTermCheck",
    "NumberCheck",
    "ProperNameCheck",
    "ReleaseContext",
    "SegmentMatches",
    "SegmentTermCheck",
    "TermCheck",
    "run_checks",
]
