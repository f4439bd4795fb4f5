"""Check translated segments against the term glossary (missing, forbidden, inconsistent terms).

Checks are small classes in a registry, in the style of Weblate's ``weblate/checks/``, and
work on plain data: the caller matches nothing and stores nothing. :func:`run_checks` matches
every segment once with the source and target matchers and runs every registered check.

Modules: :mod:`.base` (the data checks work on, the base classes), :mod:`.registry`, one module
per check (:mod:`.missing`, :mod:`.forbidden`, :mod:`.inconsistent`) and :mod:`.run`.
"""

from .base import (
    CONCEPT_LABEL,
    FindingData,
    ReleaseContext,
    SegmentMatches,
    SegmentTermCheck,
    TermCheck,
)
from .forbidden import (
    DEPRECATED_TERM_MESSAGE,
    DEPRECATED_TERM_NO_ALTERNATIVE_MESSAGE,
    FORBIDDEN_TERM_MESSAGE,
    FORBIDDEN_TERM_NO_ALTERNATIVE_MESSAGE,
    ForbiddenTermCheck,
)
from .inconsistent import INCONSISTENT_TERM_MESSAGE, InconsistentTermCheck
from .missing import MISSING_TERM_MESSAGE, MissingTermCheck
from .registry import CHECK_CLASSES, CHECKS
from .run import run_checks

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
    "FindingData",
    "ForbiddenTermCheck",
    "InconsistentTermCheck",
    "MissingTermCheck",
    "ReleaseContext",
    "SegmentMatches",
    "SegmentTermCheck",
    "TermCheck",
    "run_checks",
]
