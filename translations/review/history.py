"""The audit log as people read it: events of a release's language or of one unit."""

from dataclasses import dataclass

from django.utils.translation import gettext

from records.services import revision_snapshot
from records.units import snapshot_units
from translations.checks import CHECKS
from translations.review.common import unit_label
from translations.review.models import Event
from translations.review.vocabulary import EventAction, UnitState

PAGE_SIZE = 50


def release_events(release, language, *, key=None, batch=None):
    """Return the events of ``release`` in ``language`` (of one unit, one batch), newest first."""
    events = Event.objects.filter(release=release, language=language)
    if key is not None:
        events = events.filter(key=key)
    if batch is not None:
        events = events.filter(batch=batch)
    return events.select_related("actor").order_by("-id")


def head_units(release):
    """Return ``{key: Unit}`` of the newest revision (every unit, translatable or not)."""
    if not release.head_number:
        return {}
    snapshot = revision_snapshot(release, release.head_number)
    return {unit.key: unit for unit in snapshot_units(snapshot)}


@dataclass
class EventRow:
    event: Event
    label: str

    @property
    def from_label(self):
        return UnitState(self.event.from_state).label if self.event.from_state is not None else ""

    @property
    def to_label(self):
        return UnitState(self.event.to_state).label if self.event.to_state is not None else ""

    @property
    def reason(self):
        """Return the reason; an override's starts with the check's name, not its id."""
        reason = self.event.reason
        if self.event.action == EventAction.REAPPROVED:
            return gettext(
                "the approval by %(who)s is back: the texts are those it was given for"
            ) % {"who": reason or gettext("a former user")}
        if self.event.action == EventAction.OVERRIDDEN:
            check_id, sep, text = reason.partition(": ")
            check = CHECKS.get(check_id)
            if sep and check is not None:
                return f"{gettext(check.name)}: {text}"
        return reason

    @property
    def batch_short(self):
        return str(self.event.batch)[:8]


def event_rows(events, units):
    """Return :class:`EventRow` for ``events`` (a page), labelled from ``units``."""
    return [EventRow(event, unit_label(event.key, units) if event.key else "") for event in events]
