"""The registry of checks, in the order they run and sort their findings.

Like Weblate's ``CHECK_LIST``: the list names the classes, so their order never depends on
the order modules happen to be imported in.
"""

from __future__ import annotations

from django.utils.module_loading import import_string

from translations.checks.base import TermCheck
from translations.checks.vocabulary import Severity

CHECK_CLASSES = (
    "translations.checks.missing.MissingTermCheck",
    "translations.checks.forbidden.ForbiddenTermCheck",
    "translations.checks.inconsistent.InconsistentTermCheck",
    "translations.checks.consistency.ProperNameCheck",
    "translations.checks.consistency.NumberCheck",
    "translations.checks.date_check.DateCheck",
    "translations.checks.form.FormCheck",
)


def _load(paths) -> dict[str, TermCheck]:
    checks: dict[str, TermCheck] = {}
    for path in paths:
        cls = import_string(path)
        if cls.severity not in Severity.values:
            raise ValueError(f"{cls.__name__}: unknown severity {cls.severity!r}")
        checks[cls.id] = cls()
    return checks


CHECKS: dict[str, TermCheck] = _load(CHECK_CLASSES)
