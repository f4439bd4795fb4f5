"""Review benchmarks: states recomputed with a revision, and a bulk approval, against the
revision save alone measured in the same run (issue 9)."""

import itertools
import time
import uuid
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config import languages
from records.extensions import registry
from records.models import Release
from records.services import release_write
from records.snapshots import release_snapshot
from translations.checks.services import release_terms_check
from translations.review.actions import units_approve
from translations.review.models import UnitStatus
from translations.review.selectors import keys_to_review
from translations.review.states import states_after_revision
from translations.review.vocabulary import UnitState

from .conftest import report, timed

pytestmark = pytest.mark.django_db
# The release of 200 segments, and the largest release the limits allow (DESIGN.md).
SIZES = {200: 10, 2000: 3}  # segments: timed repetitions
TARGETS = languages.targets(languages.DEFAULT_SOURCE)


def content(demo_translations, slug, size):
    """A release of ``size`` segments (the seed's, repeated) in the three languages."""
    items = itertools.islice(itertools.cycle(demo_translations["segments"]), size)
    return {
        "slug": slug,
        "date": "2017-07-07",
        "topic": "japan-russia-relations",
        "title": {"en": "Bench", "ja": "ベンチ", "ru": "Тест"},
        "photos": [],
        "segments": [
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                # The number keeps segments distinct; every language carries it (numbers check).
                "text": {
                    "en": f"{item['en']} ({n})",
                    "ja": f"{item['ja']}（{n}）",
                    "ru": f"{item['ru']} ({n})",
                },
            }
            for n, item in enumerate(items)
        ],
    }


def submitted_release(demo_translations, slug, editor, size):
    """Create a release whose every target unit waits for review (translated by the editor)."""
    context = {"submit": dict.fromkeys(TARGETS, True)}
    release = release_write(
        content(demo_translations, slug, size), author=editor, context=context
    ).release
    return Release.objects.get(pk=release.pk)


@contextmanager
def states_timed(durations):
    """Time the state listener itself during the saves (it stays in its place)."""
    listeners = registry.revision_listeners
    position = listeners.index(states_after_revision)

    def timed_listener(revision, context=None):
        start = time.perf_counter()
        states_after_revision(revision, context)
        durations.append(time.perf_counter() - start)

    listeners[position] = timed_listener
    try:
        yield
    finally:
        listeners[position] = states_after_revision


@contextmanager
def without_states():
    listeners = registry.revision_listeners
    position = listeners.index(states_after_revision)
    listeners.remove(states_after_revision)
    try:
        yield
    finally:
        listeners.insert(position, states_after_revision)


def measure(function, repeat=5):
    """Return (queries of one call, best time of ``repeat`` more)."""
    with CaptureQueriesContext(connection) as queries:
        function()
    seconds, _ = timed(function, repeat=repeat)
    return len(queries), seconds


@pytest.mark.parametrize("size", SIZES)
def test_bench_review_states_and_bulk_approval(demo_translations, users, size):
    editor, repeat = users["editor"], SIZES[size]

    def english_saves(release):
        steps = itertools.count(1)

        def save():
            """Save a revision that changes one English sentence (another one each time)."""
            step = next(steps)
            current = Release.objects.get(pk=release.pk)
            snapshot = release_snapshot(current)
            snapshot["segments"][step % size]["text"]["en"] += f" Revised {step}."
            return release_write(snapshot, author=editor, based_on=current.head_number)

        return save

    # Two equal releases: the baseline's saves leave its states behind, so the other is timed.
    baseline = submitted_release(demo_translations, "bench-baseline", editor, size)
    release = submitted_release(demo_translations, "bench-review", editor, size)
    with without_states():
        save_queries, save_time = measure(english_saves(baseline), repeat=repeat)
    durations = []
    with states_timed(durations):
        states_queries, states_time = measure(english_saves(release), repeat=repeat)
    outdated = UnitStatus.objects.filter(release=release, state=UnitState.OUTDATED).count()
    # Every save with states outdated one sentence in both target languages.
    assert outdated == 2 * (repeat + 1) and len(durations) == repeat + 1

    approvals = [
        submitted_release(demo_translations, f"bench-approve-{n}", editor, size)
        for n in range(repeat + 1)
    ]
    for approval in approvals:
        release_terms_check(approval)  # the worker's job after each revision
    pending = iter(approvals)

    def approve_all():
        approval = next(pending)
        for code in TARGETS:
            keys = keys_to_review(approval, code)
            units_approve(
                approval, code, keys, users[f"reviewer-{code}"], based_on=approval.head_number
            )
        return approval

    approve_queries, approve_time = measure(approve_all, repeat=repeat)
    units = UnitStatus.objects.filter(release__in=approvals)
    assert set(units.values_list("state", flat=True)) == {UnitState.APPROVED}
    per_release = units.count() // len(approvals)

    unchecked = submitted_release(demo_translations, "bench-approve-unchecked", editor, size)
    pending = iter([unchecked])
    with CaptureQueriesContext(connection) as queries:
        checked_time, _ = timed(approve_all, repeat=1)
    checked_queries = len(queries)

    print(f"\n{size}-segment release in {', '.join(languages.CODES)}")
    report(
        "revision save, one English sentence, no states (baseline)",
        save_time,
        None,
        save_queries,
    )
    report("the same save with unit states recomputed", states_time, save_time, states_queries)
    report(
        "  of which the state listener (best of its runs)",
        min(durations),
        save_time,
        states_queries - save_queries,
    )
    report(
        f"approve all {per_release} target units (ja + ru, one call each)",
        approve_time,
        save_time,
        approve_queries,
    )
    report(
        "the same, terms checked at that moment (no worker run yet)",
        checked_time,
        save_time,
        checked_queries,
    )
