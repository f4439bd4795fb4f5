"""How serious a finding is, defined once for models and the pure check classes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Severity(models.TextChoices):
    """How serious a finding is."""

    ERROR = "error", _("error")
    WARNING = "warning", _("warning")
    INFO = "info", _("info")
