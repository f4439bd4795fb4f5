"""The audit log: one event per unit and action, one batch per action, and no way to change it."""

import pytest
from django.db import DatabaseError, connection, transaction

from records.demo import seed_translations
from tests.helpers import approve_all
from tests.scenarios import published_release
from translations.review.actions import (
    comment_add,
    comment_resolve,
    units_approve,
    units_request_changes,
    units_submit,
)
from translations.review.models import Event, ImmutableEventError
from translations.review.selectors import keys_in_state
from translations.review.vocabulary import EventAction, UnitState

from .reviewing import segment_key, write

pytestmark = pytest.mark.django_db


def batches(**filters):
    return set(Event.objects.filter(**filters).values_list("batch", flat=True))


def test_one_revisions_state_changes_share_one_batch(seed_release, users):
    def translate(content):
        for segment in content["segments"][:3]:
            segment["text"]["ja"] = "訳"

    write(seed_release, users["translator-ja"], translate, context={"submit": {"ja": True}})
    events = Event.objects.filter(revision_number=2)
    assert events.count() == 3 and len(batches(revision_number=2)) == 1
    assert {(e.action, e.from_state, e.to_state, e.actor_id) for e in events} == {
        (
            EventAction.SUBMITTED,
            UnitState.UNTRANSLATED,
            UnitState.NEEDS_REVIEW,
            users["translator-ja"].pk,
        )
    }


def test_a_bulk_approval_is_one_batch_with_states_actor_and_revision(seed_release, users):
    russian = [segment["ru"] for segment in seed_translations()["segments"]]

    def translate(content):
        for segment, text in zip(content["segments"], russian, strict=True):
            segment["text"]["ru"] = "Перевод: " + text

    write(seed_release, users["translator-ru"], translate)
    keys = keys_in_state(seed_release, "ru", [UnitState.DRAFT])
    units_submit(seed_release, "ru", keys, users["translator-ru"], based_on=2)
    units_approve(seed_release, "ru", keys, users["reviewer-ru"], based_on=2)
    approved = Event.objects.filter(action=EventAction.APPROVED)
    assert approved.count() == 20
    assert len(batches(action=EventAction.APPROVED)) == 1
    assert batches(action=EventAction.APPROVED).isdisjoint(batches(action=EventAction.SUBMITTED))
    assert {(e.from_state, e.to_state, e.revision_number, e.actor_id) for e in approved} == {
        (UnitState.NEEDS_REVIEW, UnitState.APPROVED, 2, users["reviewer-ru"].pk)
    }
    assert {e.key for e in approved} == set(keys) and {e.language for e in approved} == {"ru"}


def test_every_action_is_logged_with_its_reason(users):
    release = published_release(units=2)
    key = segment_key(release, 1)
    units_request_changes(
        release, "ja", [key], users["reviewer-ja"], comment="用語を確認", based_on=2
    )
    thread = comment_add(release, key, "ja", "確認しました", users["translator-ja"])
    comment_resolve(thread, users["translator-ja"])
    logged = list(
        Event.objects.filter(revision_number=2, key=key)
        .exclude(action__in=[EventAction.SUBMITTED, EventAction.APPROVED])
        .order_by("id")
        .values_list("action", "from_state", "to_state", "actor__username", "reason")
    )
    assert logged == [
        (
            EventAction.CHANGES_REQUESTED,
            UnitState.APPROVED,
            UnitState.DRAFT,
            "reviewer-ja",
            "用語を確認",
        ),
        (EventAction.COMMENTED, None, None, "translator-ja", "確認しました"),
        (EventAction.RESOLVED, None, None, "translator-ja", "確認しました"),
    ]
    approve_all(release, "ja", users["reviewer-ja"], submitter=users["translator-ja"])
    approvals = Event.objects.filter(action=EventAction.APPROVED, key=key, language="ja")
    assert approvals.count() == 2


# --- immutability -------------------------------------------------------------------------


@pytest.fixture
def event(users):
    """The first event of a release translated, approved and published in every language."""
    release = published_release(units=1)
    return Event.objects.filter(release=release).order_by("id").first()


@pytest.mark.parametrize(
    "change",
    [
        lambda e: Event.objects.filter(pk=e.pk).update(reason="rewritten"),
        lambda e: Event.objects.filter(pk=e.pk).delete(),
        lambda e: Event.objects.all().delete(),
        lambda e: e.release.events.all().update(actor=None),
        lambda e: e.delete(),
        lambda e: Event.objects.bulk_update([e], ["reason"]),
    ],
    ids=["update", "delete", "delete all", "related update", "instance delete", "bulk update"],
)
def test_the_orm_refuses_to_change_events(event, change):
    # In a block of its own: Django's bulk update marks its transaction as failed.
    with (
        pytest.raises(ImmutableEventError, match="Audit events are immutable"),
        transaction.atomic(),
    ):
        change(event)
    assert Event.objects.get(pk=event.pk).reason == event.reason


def test_saving_an_existing_event_is_refused(event):
    event.reason = "rewritten"
    with pytest.raises(ImmutableEventError):
        event.save()
    assert Event.objects.get(pk=event.pk).reason == ""


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE translations_event SET reason = 'rewritten' WHERE id = %s",
        "UPDATE translations_event SET to_state = 40 WHERE id = %s",
        "DELETE FROM translations_event WHERE id = %s",
    ],
)
def test_the_database_refuses_to_change_events(event, sql):
    """On SQLite a trigger, on PostgreSQL a trigger function: whatever the vendor, refused."""
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [event.pk])
    row = Event.objects.get(pk=event.pk)
    assert (row.reason, row.to_state) == (event.reason, event.to_state)


def test_the_database_refuses_to_change_events_through_the_base_manager(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        Event._base_manager.filter(pk=event.pk).update(reason="rewritten")
    assert Event.objects.get(pk=event.pk).reason == ""


def test_new_events_can_still_be_written(event):
    count = Event.objects.count()
    comment_add(event.release, event.key, "ja", "新しいコメント", event.actor)
    assert Event.objects.count() == count + 1
    assert Event.objects.order_by("-id").first().action == EventAction.COMMENTED


def test_changing_an_event_is_refused_on_postgresql_too(postgres, event):
    with pytest.raises(DatabaseError, match="immutable"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE translations_event SET reason = 'x' WHERE id = %s", [event.pk])
