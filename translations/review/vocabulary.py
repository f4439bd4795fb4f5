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


# What a translator still has to work on: the "To translate" filter and the queue's count.
TODO_STATES = (UnitState.UNTRANSLATED, UnitState.OUTDATED, UnitState.DRAFT)


class EventAction(models.TextChoices):
    """What an audit event records."""

    EDITED = "edited", _("edited")
    CLEARED = "cleared", _("cleared")
    OUTDATED = "outdated", _("source changed")
    SUBMITTED = "submitted", _("submitted for review")
    APPROVED = "approved", _("approved")
    # A reviewer's correction of someone else's translation under review (ISO 17100).
    REVISED = "revised", _("revised by reviewer")
    # Both texts are back to those an approval was given for: approved again, by its reviewer.
    REAPPROVED = "reapproved", _("approved again (texts restored)")
    CHANGES_REQUESTED = "changes_requested", _("changes requested")
    OVERRIDDEN = "overridden", _("finding overridden")
    COMMENTED = "commented", _("commented")
    RESOLVED = "resolved", _("comment resolved")
