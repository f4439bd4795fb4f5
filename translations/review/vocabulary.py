"""Review's vocabulary: the ordered unit states and the actions the audit log records."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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
    """What an audit event records: the action taken (its labels say what was done, apart
    from the states of the same name: "approved" the action, not "approved" the state)."""

    EDITED = "edited", pgettext_lazy("review action", "edited")
    CLEARED = "cleared", pgettext_lazy("review action", "cleared")
    OUTDATED = "outdated", pgettext_lazy("review action", "source changed")
    SUBMITTED = "submitted", pgettext_lazy("review action", "submitted for review")
    APPROVED = "approved", pgettext_lazy("review action", "approved")
    # A reviewer's correction of someone else's translation under review (ISO 17100).
    REVISED = "revised", pgettext_lazy("review action", "revised by reviewer")
    # Both texts are back to those an approval was given for: approved again, by its reviewer.
    REAPPROVED = "reapproved", pgettext_lazy("review action", "approved again (texts restored)")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("review action", "changes requested")
    OVERRIDDEN = "overridden", pgettext_lazy("review action", "finding overridden")
    COMMENTED = "commented", pgettext_lazy("review action", "commented")
    RESOLVED = "resolved", pgettext_lazy("review action", "comment resolved")
