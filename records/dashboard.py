"""The editor's view of many releases at once (read-only queries).

Per release and language, one :class:`Cell`: the revision readers see, whether the newest
revision can be published now or what blocks it (other apps' ``language_work``), and the
pending schedule that covers it. A page of releases costs a constant number of queries,
whatever the number of releases: the release list and the editor's dashboard both read it.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from config import languages

from .extensions import registry
from .models import Publication, Release, Revision, ScheduledPublication

# How the dashboard sorts releases: name → label.
SORTS = {
    "waiting": _("waiting longest"),
    "newest": _("newest release"),
}
# Finished schedules stay on the dashboard this long (a late or failed one is seen there).
RECENT = datetime.timedelta(days=1)

PUBLISHED, READY, BLOCKED, EMPTY = "published", "ready", "blocked", "empty"


def blocker_label(name, count):
    """Return how a cell names one kind of blocking work: "2 outdated", "1 in review"."""
    labels = {
        "outdated": ngettext("%(count)s outdated", "%(count)s outdated", count),
        "review": ngettext("%(count)s in review", "%(count)s in review", count),
        "errors": ngettext("%(count)s with errors", "%(count)s with errors", count),
        "untranslated": ngettext("%(count)s untranslated", "%(count)s untranslated", count),
        "draft": ngettext("%(count)s draft", "%(count)s drafts", count),
        "other": ngettext("%(count)s not approved", "%(count)s not approved", count),
    }
    return labels[name] % {"count": count}


def blocker_help(name):
    """Return what a kind of blocking work means, for a tooltip."""
    return {
        "outdated": _("the source text changed since these units were translated"),
        "review": _("submitted, waiting for a reviewer"),
        "errors": _("units with an error finding that has no override"),
        "untranslated": _("units with no translation yet"),
        "draft": _("translated but not submitted for review"),
        "other": _("units not approved for this revision"),
    }[name]


@dataclass
class Blocker:
    name: str
    count: int
    url: str

    @property
    def label(self):
        return blocker_label(self.name, self.count)

    @property
    def help(self):
        return blocker_help(self.name)


@dataclass
class Cell:
    """One language of one release, as the editor needs to see it."""

    release: Release
    language: str
    is_source: bool
    head: int
    published: int | None
    work: object = None
    schedule: ScheduledPublication | None = None

    @property
    def state(self):
        if not self.head:
            return EMPTY
        if self.published == self.head:
            return PUBLISHED
        if self.is_source or self.work is None or not self.work.blocking:
            return READY
        return BLOCKED

    @property
    def blockers(self):
        if self.state != BLOCKED:
            return []
        return [
            Blocker(name, count, self.work.links.get(name, ""))
            for name, count in self.work.blocking
        ]

    @property
    def checked(self):
        """Whether the term findings counted are those of the newest revision."""
        return self.work is None or self.work.checked

    @property
    def selectable(self):
        """Whether the newest revision is not yet what readers see (publish or schedule it)."""
        return self.state in (READY, BLOCKED)

    @property
    def value(self):
        """The form value naming this cell and the revision the page showed."""
        return f"{self.release.pk}:{self.language}:{self.head}"

    @property
    def name(self):
        return languages.name(self.language)


@dataclass
class DashboardRow:
    release: Release
    cells: list
    schedules: list = field(default_factory=list)

    @property
    def waiting_since(self):
        return getattr(self.release, "waiting_since", None)

    @property
    def selectable(self):
        return any(cell.selectable for cell in self.cells)


def with_publication_state(releases):
    """Annotate ``releases`` with ``published_<code>`` (the revision readers of each language
    see) and ``waiting_since`` (when the oldest revision some language's readers do not see
    was made; None when every language shows the newest)."""
    published = {
        f"published_{code}": Subquery(
            Publication.objects.filter(release=OuterRef("pk"), language=code)
            .order_by("-id")
            .values("revision__number")[:1]
        )
        for code in languages.CODES
    }
    floors = [Coalesce(F(name), Value(0)) for name in published]
    lowest = Least(*floors) if len(floors) > 1 else floors[0]
    first_unseen = Revision.objects.filter(
        release=OuterRef("pk"), number=OuterRef("published_lowest") + 1
    ).values("created_at")[:1]
    return (
        releases.annotate(**published)
        .annotate(published_lowest=lowest)
        .annotate(waiting_since=Subquery(first_unseen))
    )


def dashboard_releases(sort="waiting", waiting_only=False):
    """Return the releases the dashboard lists, annotated and sorted (``SORTS``)."""
    releases = with_publication_state(Release.objects.select_related("topic"))
    if waiting_only:
        releases = releases.filter(waiting_since__isnull=False)
    if sort == "newest":
        return releases.order_by("-date", "slug")
    return releases.order_by(F("waiting_since").asc(nulls_last=True), "-date", "slug")


def _schedules(releases, now):
    """Return ``{release_id: [schedule, …]}``: the pending ones and those finished lately."""
    found = {}
    recent = Q(state=ScheduledPublication.State.PENDING) | Q(attempted_at__gte=now - RECENT)
    for schedule in ScheduledPublication.objects.filter(recent, release__in=releases).order_by(
        "publish_at", "id"
    ):
        found.setdefault(schedule.release_id, []).append(schedule)
    return found


def release_cells(releases, *, schedules=True):
    """Return a :class:`DashboardRow` per release of ``releases`` (annotated by
    :func:`with_publication_state`), in order, in a constant number of queries."""
    releases = list(releases)
    work = registry.work_for(releases)
    planned = _schedules(releases, timezone.now()) if schedules and releases else {}
    rows = []
    for release in releases:
        pending = [schedule for schedule in planned.get(release.pk, []) if schedule.is_pending]
        cells = []
        for code in languages.CODES:
            cell = Cell(
                release=release,
                language=code,
                is_source=code == release.source_language,
                head=release.head_number,
                published=getattr(release, f"published_{code}", None),
                work=work.get(release.pk, {}).get(code),
                schedule=next((s for s in pending if code in s.languages), None),
            )
            cells.append(cell)
        for schedule in planned.get(release.pk, []):
            schedule.language_names = [languages.name(code) for code in schedule.languages]
        rows.append(DashboardRow(release, cells, planned.get(release.pk, [])))
    return rows


def schedules_pending(limit=50):
    """Return the pending schedules of every release, soonest first (at most ``limit``)."""
    schedules = list(
        ScheduledPublication.objects.filter(state=ScheduledPublication.State.PENDING)
        .select_related("release", "created_by")
        .order_by("publish_at", "id")[:limit]
    )
    for schedule in schedules:
        schedule.language_names = [languages.name(code) for code in schedule.languages]
    return schedules


def release_schedules(release):
    """Return every schedule of ``release``, newest first, for its history page."""
    schedules = list(
        ScheduledPublication.objects.filter(release=release)
        .select_related("created_by", "cancelled_by")
        .order_by("-publish_at", "-id")
    )
    for schedule in schedules:
        schedule.language_names = [languages.name(code) for code in schedule.languages]
    return schedules
