"""The history as people read it: what each revision changed, runs of one author's saves in
one language, and the units changed between two revisions (read-only queries).

A *run* is a sequence of revisions by one author, each changing the text of the same single
language, with no one else's revision between them and less than ``RUN_GAP`` between one and
the next: a translator's session of saves reads as one line. Any other revision is a run of
its own.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Max, OuterRef, Q, Subquery, When

from config import languages

from ..snapshots import LISTS
from ..units import CAPTION, CREDIT, TITLE
from .content import RELEASE

RUN_GAP = datetime.timedelta(minutes=30)
PHOTO = "photos:"
# A photo is two units (``records.units``): its caption and its credit.
PHOTO_TEXTS = (CAPTION, CREDIT)
# The kinds of change the history filters by: a change row's flag of the same name.
KINDS = ("structure", "source", "translation")


@dataclass
class RevisionSummary:
    """What one revision changed, as the history shows it."""

    pk: int
    number: int
    author_id: int | None
    author: str
    created_at: datetime.datetime
    languages: tuple = ()
    kinds: tuple = ()
    units: int = 0

    def matches(self, *, language=None, author=None, kind=None):
        """Return whether the revision passes the history's filters (None: any)."""
        return (
            (language is None or language in self.languages)
            and (author is None or self.author == author)
            and (kind is None or kind in self.kinds)
        )


@dataclass
class Run:
    """Consecutive revisions of one author in one language (or a single revision)."""

    revisions: list = field(default_factory=list)
    # Distinct units the run changed; filled for the runs a page shows (``runs_count_units``).
    units: int = 0

    @property
    def first(self):
        return self.revisions[0]

    @property
    def last(self):
        return self.revisions[-1]

    @property
    def language(self):
        return self.first.languages[0] if len(self.first.languages) == 1 else None

    def joins(self, summary):
        """Return whether ``summary`` (the next revision) continues this run."""
        last = self.last
        return (
            self.language is not None
            and summary.author_id == last.author_id
            and summary.languages == last.languages
            and summary.created_at - last.created_at < RUN_GAP
        )


def previous_value():
    """An annotation: the value a change row's slot held before it (None: the slot is new)."""
    from ..models import RevisionChange

    return Subquery(
        RevisionChange.objects.filter(slot_id=OuterRef("slot_id"), number__lt=OuterRef("number"))
        .order_by("-number")
        .values("value")[:1]
    )


def photo_texts_changed(value, previous):
    """Return which of a photo's units (``CAPTION``, ``CREDIT``) a change row changed the
    text of, from its stored value and the one before (None: a new photo, both units)."""
    new = json.loads(value)
    old = json.loads(previous) if previous is not None else None
    if not isinstance(new, dict) or not isinstance(old, dict):
        return PHOTO_TEXTS
    return tuple(name for name in PHOTO_TEXTS if new["t"].get(name) != old["t"].get(name))


def photo_units_changed(value, previous):
    """Return the photo's units a change row counts as changed in the history: those whose
    text changed, or both when only the photo's other fields did."""
    return photo_texts_changed(value, previous) or PHOTO_TEXTS


def revision_summaries(release):
    """Return a :class:`RevisionSummary` of every revision of ``release``, oldest first, in
    three queries: the revisions, what their change rows changed, which texts of photos."""
    from ..models import Revision, RevisionChange

    flags = {
        **{
            kind: Max(Case(When(**{kind: True}, then=1), default=0), output_field=IntegerField())
            for kind in KINDS
        },
        **{
            f"language_{code}": Max(
                Case(When(languages__contains=f",{code},", then=1), default=0),
                output_field=IntegerField(),
            )
            for code in languages.CODES
        },
        # Photos count apart: one change row may change one unit of the photo, or both.
        "units": Count("pk", filter=~Q(slot__name__in=LISTS) & ~Q(slot__name__startswith=PHOTO)),
    }
    changed = {
        row.pop("revision_id"): row
        for row in RevisionChange.objects.filter(revision__release=release)
        .values("revision_id")
        .annotate(**flags)
        .order_by()
    }
    photo_units = {}
    for revision_id, value, previous in (
        RevisionChange.objects.filter(revision__release=release, slot__name__startswith=PHOTO)
        .annotate(previous=previous_value())
        .values_list("revision_id", "value", "previous")
    ):
        photo_units[revision_id] = photo_units.get(revision_id, 0) + len(
            photo_units_changed(value, previous)
        )
    summaries = []
    for pk, number, author_id, author, created_at in (
        Revision.objects.filter(release=release)
        .order_by("number")
        .values_list("pk", "number", "author_id", "author__username", "created_at")
    ):
        row = changed.get(pk, {})
        summaries.append(
            RevisionSummary(
                pk=pk,
                number=number,
                author_id=author_id,
                author=author or "",
                created_at=created_at,
                languages=tuple(code for code in languages.CODES if row.get(f"language_{code}")),
                kinds=tuple(kind for kind in KINDS if row.get(kind)),
                units=row.get("units", 0) + photo_units.get(pk, 0),
            )
        )
    return summaries


def revision_runs(summaries):
    """Return the runs of ``summaries`` (oldest first), each revision in exactly one."""
    runs = []
    for summary in summaries:
        if runs and runs[-1].joins(summary):
            runs[-1].revisions.append(summary)
        else:
            runs.append(Run([summary]))
    return runs


def runs_count_units(release, runs):
    """Fill in how many distinct units each of ``runs`` changed (one query for them all)."""
    from ..models import RevisionChange

    several = [run for run in runs if len(run.revisions) > 1]
    for run in runs:
        run.units = run.first.units
    if not several:
        return runs
    owner = {summary.pk: run for run in several for summary in run.revisions}
    units = {id(run): set() for run in several}
    rows = (
        RevisionChange.objects.filter(revision_id__in=list(owner))
        .exclude(slot__name__in=LISTS)
        .annotate(
            photo=Case(When(slot__name__startswith=PHOTO, then=1), default=0),
            previous=Case(When(slot__name__startswith=PHOTO, then=previous_value())),
        )
        .values_list("revision_id", "slot_id", "photo", "value", "previous")
    )
    for revision_id, slot_id, photo, value, previous in rows:
        if photo:
            keys = [(slot_id, name) for name in photo_units_changed(value, previous)]
        else:
            keys = [slot_id]
        units[id(owner[revision_id])].update(keys)
    for run in several:
        run.units = len(units[id(run)])
    return runs


def units_changed(release, after, upto):
    """Return the keys of the translatable units (``records.units``) whose text changed in
    the revisions numbered after ``after`` up to ``upto``, and the authors of those revisions
    as ``(keys, {author id: username})``."""
    from ..models import RevisionChange

    keys, authors = set(), {}
    rows = (
        RevisionChange.objects.filter(revision__release=release, number__gt=after, number__lte=upto)
        .annotate(previous=Case(When(slot__name__startswith=PHOTO, then=previous_value())))
        .values_list(
            "slot__name",
            "languages",
            "revision__author_id",
            "revision__author__username",
            "value",
            "previous",
        )
    )
    for name, changed, author_id, username, value, previous in rows:
        if author_id is not None:
            authors[author_id] = username
        if not changed or name in LISTS:
            continue
        if name == RELEASE:
            keys.add(TITLE)
            continue
        list_name, key = name.split(":", 1)
        if list_name == "photos":
            keys.update(f"{key}:{text}" for text in photo_texts_changed(value, previous))
        else:
            keys.add(key)
    return keys, authors
