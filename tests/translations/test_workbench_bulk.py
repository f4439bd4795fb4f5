"""Submitting many units as one action (the drafts of a page; pre-translate and submit), and
the question before submitting units with error findings: refused without ``confirm``, naming
each finding, with nothing changed."""

import functools
import html as html_text
import re

import pytest
from django.urls import reverse

from records.models import Revision
from tests.scenarios import glossary_with, release_edit, release_with
from translations.checks.models import CheckRun, Finding
from translations.checks.services import release_terms_check
from translations.memory import MemoryEntry
from translations.notifications.services import NOTIFICATIONS_SEND
from translations.review.models import Comment, Event, UnitStatus
from translations.review.vocabulary import EventAction, UnitState

pytestmark = pytest.mark.django_db

FORBIDDEN = "漁業"  # paragraph 3's Japanese (fisheries), forbidden by the glossary below


@pytest.fixture
def notified(django_capture_on_commit_callbacks):
    """Return ``within(call)``: call it, and return its answer and the batches whose
    notifications it sends once it commits (a refused request's are dropped with it)."""

    def within(call):
        with django_capture_on_commit_callbacks() as callbacks:
            response = call()
        batches = [
            str(callback.args[1])
            for callback in callbacks
            if isinstance(callback, functools.partial)
            and callback.args[:1] == (NOTIFICATIONS_SEND,)
        ]
        return response, batches

    return within


@pytest.fixture
def drafts(users):
    """Six paragraphs drafted in Japanese and Russian by the editor."""
    return release_with(
        units=6, languages=("en", "ja", "ru"), states={"ja": "draft", "ru": "draft"}
    )


def forbid_fisheries():
    glossary_with(("fisheries", {"en": "fisheries", "ja": [(FORBIDDEN, "forbidden")]}))


def keys_in(release, language, state):
    return sorted(
        UnitStatus.objects.filter(release=release, language=language, state=state).values_list(
            "key", flat=True
        )
    )


def segment_key(release, index):
    return str(release.segments.order_by("position")[index].key)


def post(client, release, language, action, data, *, json=True):
    url = reverse("translations:workbench_action", args=[release.pk, language, action])
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    return client.post(url, data, **headers)


def database_state(release):
    """Everything a refused request must leave as it was."""
    release.refresh_from_db()
    return {
        "head": release.head_number,
        "revisions": Revision.objects.count(),
        "events": Event.objects.count(),
        "comments": Comment.objects.count(),
        "memory": MemoryEntry.objects.count(),
        "states": sorted(
            UnitStatus.objects.values_list(
                "key", "language", "state", "translated_by_id", "approved_by_id", "target_checksum"
            )
        ),
    }


# --- the drafts of a page -------------------------------------------------------------------


def test_submit_all_drafts_is_one_batch_and_one_notification(client, users, drafts, notified):
    keys = keys_in(drafts, "ja", UnitState.DRAFT)
    assert len(keys) == 7  # six paragraphs and the title
    events, revisions = Event.objects.count(), Revision.objects.count()
    client.force_login(users["translator-ja"])
    response, batches = notified(
        lambda: post(
            client, drafts, "ja", "submit-all", {"key": keys, "based_on": drafts.head_number}
        )
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["message"] == "7 drafts sent for review." and set(body["rows"]) == set(keys)
    assert keys_in(drafts, "ja", UnitState.NEEDS_REVIEW) == keys
    assert len(keys_in(drafts, "ru", UnitState.DRAFT)) == 7  # the other language untouched
    assert Revision.objects.count() == revisions  # no text written
    new = Event.objects.order_by("id")[events:]
    assert {event.action for event in new} == {EventAction.SUBMITTED}
    assert sorted(event.key for event in new) == keys
    assert len({event.batch for event in new}) == 1
    assert batches == [str(new[0].batch)]


def test_the_page_offers_its_drafts_only(client, users, drafts):
    client.force_login(users["translator-ja"])
    page = client.get(reverse("translations:workbench", args=[drafts.pk, "ja"]))
    assert sorted(page.context["draft_keys"]) == keys_in(drafts, "ja", UnitState.DRAFT)
    assert "Submit all drafts on this page" in page.content.decode()
    # A reviewer of another language edits nothing here: no bulk submission offered.
    client.force_login(users["reviewer-ru"])
    page = client.get(reverse("translations:workbench", args=[drafts.pk, "ja"]))
    assert page.context["draft_keys"] == [] and "wb-submit-all" not in page.content.decode()


@pytest.mark.parametrize(
    ("user", "language", "status"),
    [
        ("reviewer-ru", "ja", 403),
        ("terminologist", "ja", 403),
        ("translator-ja", "ru", 403),
    ],
)
def test_submit_all_refuses_who_may_not_edit(client, users, drafts, user, language, status):
    keys = keys_in(drafts, language, UnitState.DRAFT)
    before = database_state(drafts)
    client.force_login(users[user])
    response = post(
        client, drafts, language, "submit-all", {"key": keys, "based_on": drafts.head_number}
    )
    assert response.status_code == status
    assert "may not submit" in response.json()["error"]
    assert database_state(drafts) == before


def test_submit_all_refuses_a_stale_page_and_units_not_drafts(client, users, drafts):
    keys = keys_in(drafts, "ja", UnitState.DRAFT)
    seen = drafts.head_number
    # Someone else changes paragraph 2 after the page was loaded.
    release_edit(drafts, "ja", 1, "両首脳はエネルギーについて再び議論した。")
    before = database_state(drafts)
    client.force_login(users["translator-ja"])
    response = post(client, drafts, "ja", "submit-all", {"key": keys, "based_on": seen})
    assert response.status_code == 400
    assert "after the revision" in response.json()["error"] and "reload" in response.json()["error"]
    assert database_state(drafts) == before
    # A unit already in review cannot be submitted again: the whole action is refused.
    client.post(
        reverse("translations:workbench_action", args=[drafts.pk, "ja", "submit"]),
        {"key": keys[0]},
        HTTP_ACCEPT="application/json",
    )
    before = database_state(drafts)
    response = post(
        client, drafts, "ja", "submit-all", {"key": keys, "based_on": drafts.head_number}
    )
    assert response.status_code == 400 and "cannot be submitted" in response.json()["error"]
    assert database_state(drafts) == before
    response = post(client, drafts, "ja", "submit-all", {"based_on": drafts.head_number})
    assert response.status_code == 400 and response.json()["error"] == "no unit was named"
    response = post(client, drafts, "ja", "submit-all", {"key": keys[1:]})
    assert response.status_code == 400 and "based_on" in response.json()["error"]
    assert database_state(drafts) == before


# --- error findings: confirm first ----------------------------------------------------------


@pytest.mark.parametrize("checked", [True, False], ids=["checked", "not yet checked"])
def test_submitting_error_findings_needs_confirmation(client, users, notified, checked):
    forbid_fisheries()
    release = release_with(units=4, languages=("en", "ja"), states={"ja": "draft"})
    if checked:
        release_terms_check(release)
    else:
        assert not CheckRun.objects.filter(release=release).exists()
    keys = keys_in(release, "ja", UnitState.DRAFT)
    flagged = segment_key(release, 2)
    before = database_state(release)
    client.force_login(users["translator-ja"])
    data = {"key": keys, "based_on": release.head_number}
    response, batches = notified(lambda: post(client, release, "ja", "submit-all", data))
    assert response.status_code == 400
    body = response.json()
    assert body["confirm"] == [
        {"key": flagged, "unit": "segment 3", "message": body["confirm"][0]["message"]}
    ]
    assert FORBIDDEN in body["confirm"][0]["message"]
    assert "segment 3" in body["error"] and "nothing was changed" in body["error"]
    # Nothing changed: states, events, notifications, and no check stored on the way.
    assert database_state(release) == before and batches == []
    assert CheckRun.objects.filter(release=release).exists() == checked
    # Confirmed: submitted, the finding still there for the reviewer.
    response, batches = notified(
        lambda: post(client, release, "ja", "submit-all", {**data, "confirm": "1"})
    )
    assert response.status_code == 200
    assert keys_in(release, "ja", UnitState.NEEDS_REVIEW) == keys and len(batches) == 1
    if checked:
        assert Finding.objects.filter(release=release, segment_key=flagged).exists()


def test_one_unit_submitted_or_saved_and_submitted_asks_too(client, users):
    forbid_fisheries()
    release = release_with(units=4, languages=("en", "ja"), states={"ja": "draft"})
    release_terms_check(release)
    clean, flagged = segment_key(release, 0), segment_key(release, 2)
    client.force_login(users["translator-ja"])
    before = database_state(release)
    response = post(client, release, "ja", "submit", {"key": flagged})
    assert response.status_code == 400 and response.json()["confirm"][0]["key"] == flagged
    assert database_state(release) == before
    # Save and submit a text that brings the forbidden term in: the save is refused too.
    text = f"両首脳は貿易と{FORBIDDEN}について議論した。"
    save = {"key": clean, "text": text, "based_on": release.head_number, "submit": "1"}
    response = post(client, release, "ja", "save", save)
    assert response.status_code == 400
    assert response.json()["confirm"][0] == {
        "key": clean,
        "unit": "segment 1",
        "message": response.json()["confirm"][0]["message"],
    }
    assert database_state(release) == before
    # Saving without submitting asks nothing; submitting a clean unit neither.
    response = post(client, release, "ja", "save", {**save, "submit": "0"})
    assert response.status_code == 200
    response = post(client, release, "ja", "submit", {"key": segment_key(release, 1)})
    assert response.status_code == 200
    response = post(client, release, "ja", "submit", {"key": clean, "confirm": "1"})
    assert response.status_code == 200
    states = dict(
        UnitStatus.objects.filter(release=release, language="ja").values_list("key", "state")
    )
    assert states[clean] == states[segment_key(release, 1)] == UnitState.NEEDS_REVIEW
    assert states[flagged] == UnitState.DRAFT


def test_a_plain_form_gets_a_page_that_asks_and_repeats_the_request(client, users):
    forbid_fisheries()
    release = release_with(units=4, languages=("en", "ja"), states={"ja": "draft"})
    release_terms_check(release)
    keys = keys_in(release, "ja", UnitState.DRAFT)
    client.force_login(users["translator-ja"])
    before = database_state(release)
    data = {"key": keys, "based_on": release.head_number, "next": "/review/"}
    response = post(client, release, "ja", "submit-all", data, json=False)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Submit anyway" in html and "segment 3" in html and FORBIDDEN in html
    assert database_state(release) == before
    repeated = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html):
        if name != "csrfmiddlewaretoken":
            repeated.setdefault(name, []).append(html_text.unescape(value))
    assert repeated["confirm"] == ["1"] and sorted(repeated["key"]) == keys
    assert repeated["next"] == ["/review/"]
    response = post(client, release, "ja", "submit-all", repeated, json=False)
    assert response.status_code == 302
    assert keys_in(release, "ja", UnitState.NEEDS_REVIEW) == keys


# --- pre-translate and submit ---------------------------------------------------------------


@pytest.fixture
def remembered(users):
    """A release approved in Japanese (its units in the memory), and the next release in
    English only: paragraphs 1 to 4 the same sentences, 5 and 6 new."""
    release_with(units=4, languages=("en", "ja"), slug="first")
    return release_with(units=6, languages=("en",), slug="second", title="Another meeting")


def test_pretranslate_and_submit_is_one_revision_and_one_batch(client, users, remembered, notified):
    events, head = Event.objects.count(), remembered.head_number
    client.force_login(users["translator-ja"])
    response, batches = notified(
        lambda: post(client, remembered, "ja", "pretranslate", {"submit": "1"})
    )
    assert response.status_code == 200, response.content
    assert "4 units pre-translated from the memory" in response.json()["message"]
    assert "sent for review" in response.json()["message"]
    remembered.refresh_from_db()
    assert remembered.head_number == head + 1
    filled = [segment_key(remembered, index) for index in range(4)]
    assert keys_in(remembered, "ja", UnitState.NEEDS_REVIEW) == sorted(filled)
    assert len(keys_in(remembered, "ja", UnitState.UNTRANSLATED)) == 3  # 5, 6 and the title
    new = list(Event.objects.order_by("id")[events:])
    assert {event.action for event in new} == {EventAction.EDITED, EventAction.SUBMITTED}
    assert len({event.batch for event in new}) == 1
    assert batches == [str(new[0].batch)]
    statuses = UnitStatus.objects.filter(release=remembered, language="ja", key__in=filled)
    assert {status.translated_by_id for status in statuses} == {users["translator-ja"].pk}


def test_pretranslate_and_submit_of_a_forbidden_term_asks_and_changes_nothing(
    client, users, remembered, notified
):
    # The memory holds paragraph 3's approved Japanese, which the glossary now forbids.
    forbid_fisheries()
    before = database_state(remembered)
    client.force_login(users["translator-ja"])
    response, batches = notified(
        lambda: post(client, remembered, "ja", "pretranslate", {"submit": "1"})
    )
    assert response.status_code == 400
    assert [item["unit"] for item in response.json()["confirm"]] == ["segment 3"]
    assert database_state(remembered) == before and batches == []
    response = post(client, remembered, "ja", "pretranslate", {"submit": "1", "confirm": "1"})
    assert response.status_code == 200
    assert len(keys_in(remembered, "ja", UnitState.NEEDS_REVIEW)) == 4


def test_pretranslate_and_submit_refuses_who_may_not_edit(client, users, remembered):
    before = database_state(remembered)
    for name in ("terminologist", "reviewer-ru", "translator-ru"):
        client.force_login(users[name])
        response = post(client, remembered, "ja", "pretranslate", {"submit": "1"})
        assert response.status_code == 403 and "may not edit" in response.json()["error"]
    assert database_state(remembered) == before
