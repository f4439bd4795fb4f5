"""The glossary's and the checks' vocabularies, defined once for models and pure modules.

``django.db.models`` can be imported without settings, so the pure matching, checking and
exchange code uses these very classes (their members are plain ``str`` values).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    """How serious a finding is."""

    ERROR = "error", _("error")
    WARNING = "warning", _("warning")
    INFO = "info", _("info")
