"""Review's vocabulary: the ordered unit states and the actions the audit log records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitState(models.IntegerChoices):
    """Where a unit's translation stands; ordered, so "at least draft" is ``>= DRAFT``."""

    UNTRANSLATED = 0, _("untranslated")
    OUTDATED = 10, _("outdated")
    DRAFT = 20, _("draft")
    NEEDS_REVIEW = 30, _("needs review")
    APPROVED = 40, _("approved")


class EventAction(models.TextChoices):
    """What an audit event records."""

    EDITED = "edited", _("edited")
    CLEARED = "cleared", _("cleared")
    OUTDATED = "outdated", _("source changed")
    SUBMITTED = "submitted", _("submitted for review")
    APPROVED = "approved", _("approved")
    CHANGES_REQUESTED = "changes_requested", _("changes requested")
    OVERRIDDEN = "overridden", _("finding overridden")
    COMMENTED = "commented", _("commented")
    RESOLVED = "resolved", _("comment resolved")
