"""Every model of the app, defined in its package: one app label, so no table ever moved."""

from translations.checks.models import (
    CheckRun,
    Finding,
    PendingCheck,
    PendingRecheck,
    ReleaseConcept,
    ReleaseTermFindings,
)
from translations.glossary.models import Concept, GlossaryState, Term
from translations.memory.models import MemoryEntry, MemoryPosting, MemoryToken
from translations.notifications.models import Notification, NotificationProfile
from translations.review.models import (
    Comment,
    Event,
    FindingOverride,
    ImmutableEventError,
    UnitStatus,
)
from translations.webhooks.models import Webhook, WebhookDelivery

__all__ = [
    "CheckRun",
    "Comment",
    "Concept",
    "Event",
    "Finding",
    "FindingOverride",
    "GlossaryState",
    "ImmutableEventError",
    "MemoryEntry",
    "MemoryPosting",
    "MemoryToken",
    "Notification",
    "NotificationProfile",
    "PendingCheck",
    "PendingRecheck",
    "ReleaseConcept",
    "ReleaseTermFindings",
    "Term",
    "UnitStatus",
    "Webhook",
    "WebhookDelivery",
]
