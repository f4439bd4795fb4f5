"""Review work takes the same number of queries for a release of 20 or 200 segments."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from records.services import release_import_document, release_write
from records.snapshots import release_snapshot
from translations.checks.services import release_terms_check
from translations.review.actions import units_approve, units_request_changes, units_submit
from translations.review.models import Event, UnitStatus
from translations.review.selectors import keys_in_state
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db


def document(size, slug):
    """A release of ``size`` segments, translated into every language."""
    return {
        "slug": slug,
        "date": "2017-07-07",
        "topic": {"slug": "japan-russia-relations", "name": {"en": "Japan-Russia Relations"}},
        "title": {"en": "Summit Meeting", "ja": "首脳会談", "ru": "Встреча на высшем уровне"},
        "photos": [],
        "segments": [
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                "text": {
                    "en": f"The leaders discussed item {n} of the plan.",
                    "ja": f"両首脳は計画の第{n}項目について議論した。",
                    "ru": f"Лидеры обсудили пункт {n} плана.",
                },
            }
            for n in range(1, size + 1)
        ],
    }


def fresh(username):
    """Return the user as a new request would (no permissions cached on the object)."""
    return get_user_model().objects.get(username=username)


def count(action):
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def create(size, slug):
    return release_import_document(document(size, slug), author=fresh("editor")).release


def english_edit(release):
    """Return the queries of one revision that changes one English sentence."""
    content = release_snapshot(release)
    content["segments"][0]["text"]["en"] = "The leaders discussed the first item again."
    queries = count(
        lambda: release_write(content, author=fresh("editor"), based_on=release.head_number)
    )
    assert UnitStatus.objects.filter(release=release, state=UnitState.OUTDATED).count() == 2
    return queries


def test_states_after_a_revision_take_constant_queries(users):
    small, large = create(20, "small"), create(200, "large")
    assert UnitStatus.objects.filter(release=large).count() == 2 * 201
    assert english_edit(small) == english_edit(large)


def test_creating_a_release_writes_its_states_in_constant_queries(users):
    create(1, "first")  # the topic is created with the first release
    queries = [count(lambda size=size: create(size, f"release-{size}")) for size in (20, 200)]
    assert queries[0] == queries[1]
    assert Event.objects.count() == 2 * (2 + 21 + 201)


def _submit(release, keys):
    units_submit(release, "ja", keys, fresh("translator-ja"))


def _approve(release, keys):
    units_approve(release, "ja", keys, fresh("reviewer-ja"), based_on=release.head_number)


def _request_changes(release, keys):
    reviewer = fresh("reviewer-ja")
    units_request_changes(
        release, "ja", keys, reviewer, comment="Check", based_on=release.head_number
    )


ACTIONS = {
    "submit": (_submit, UnitState.NEEDS_REVIEW),
    "approve": (_approve, UnitState.APPROVED),
    "request changes": (_request_changes, UnitState.DRAFT),
}


@pytest.mark.parametrize("name", ACTIONS)
def test_bulk_actions_take_constant_queries(users, name):
    action, result = ACTIONS[name]
    measured = []
    for size in (10, 200):
        release = create(size, f"release-{size}")
        keys = keys_in_state(release, "ja", [UnitState.DRAFT])
        if action is not _submit:
            _submit(release, keys)
        # The term check is the worker's; measured is the action itself.
        release_terms_check(release)
        measured.append(count(lambda release=release, keys=keys: action(release, keys)))
        assert set(keys_in_state(release, "ja", [result])) == set(keys)
    assert measured[0] == measured[1], measured


def test_submitting_outdated_units_takes_constant_queries(users):
    measured = []
    for size in (10, 200):
        release = create(size, f"outdated-{size}")
        content = release_snapshot(release)
        for segment in content["segments"]:
            segment["text"]["en"] += " (revised)"
        release_write(content, author=fresh("editor"), based_on=release.head_number)
        release.refresh_from_db()
        keys = keys_in_state(release, "ja", [UnitState.OUTDATED])
        assert len(keys) == size
        measured.append(count(lambda release=release, keys=keys: _submit(release, keys)))
    assert measured[0] == measured[1], measured
