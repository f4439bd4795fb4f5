"""Approving a unit whose comment thread is still open: asked first (refused without
``confirm``, naming each thread, with nothing changed), as submitting error findings is."""

import html as html_text
import re

import pytest
from django.urls import reverse

from translations.review.actions import comment_add, comment_resolve
from translations.review.approving import ApproveConfirmation, units_approve_confirmed
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

from .reviewing import review_tables

pytestmark = pytest.mark.django_db


def post(client, release, action, data, *, json=True):
    url = reverse("translations:workbench_action", args=[release.pk, "ru", action])
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}
    return client.post(url, data, **headers)


def state(release, key):
    return UnitStatus.objects.get(release=release, key=key, language="ru").state


def test_approving_a_unit_with_an_open_thread_asks_first(client, in_progress):
    release, key, users = in_progress["release"], in_progress["key"], in_progress["users"]
    client.force_login(users["reviewer-ru"])
    before = review_tables()
    data = {"key": key, "based_on": release.head_number}
    response = post(client, release, "approve", data)
    assert response.status_code == 400
    body = response.json()
    assert body["confirm_kind"] == "approve"
    assert body["confirm"] == [
        {
            "key": key,
            "unit": "segment 7",
            "message": f"translator-ru: {in_progress['comment'].text}",
        }
    ]
    assert "1 open comment thread" in body["error"] and "nothing was changed" in body["error"]
    assert review_tables() == before
    response = post(client, release, "approve", {**data, "confirm": "1"})
    assert response.status_code == 200, response.content
    assert state(release, key) == UnitState.APPROVED


def test_a_resolved_thread_asks_nothing(client, in_progress):
    release, key, users = in_progress["release"], in_progress["key"], in_progress["users"]
    comment_resolve(in_progress["comment"], users["reviewer-ru"])
    client.force_login(users["reviewer-ru"])
    response = post(client, release, "approve", {"key": key, "based_on": release.head_number})
    assert response.status_code == 200, response.content
    assert state(release, key) == UnitState.APPROVED


def test_a_thread_on_the_source_counts_and_the_service_refuses_alike(in_progress):
    release, key, users = in_progress["release"], in_progress["key"], in_progress["users"]
    comment_resolve(in_progress["comment"], users["reviewer-ru"])
    comment_add(release, key, "en", "Is “late August” certain?", users["translator-ru"])
    before = review_tables()
    with pytest.raises(ApproveConfirmation) as refused:
        units_approve_confirmed(
            release, "ru", [key], users["reviewer-ru"], based_on=release.head_number, confirm=False
        )
    assert [item["message"] for item in refused.value.findings] == [
        "translator-ru: Is “late August” certain?"
    ]
    assert review_tables() == before


def test_refusals_of_approval_come_before_the_question(client, in_progress):
    """Who may not approve is told so, not asked about comments."""
    release, key, users = in_progress["release"], in_progress["key"], in_progress["users"]
    client.force_login(users["translator-ru"])
    before = review_tables()
    response = post(client, release, "approve", {"key": key, "based_on": release.head_number})
    assert response.status_code == 403
    assert "confirm" not in response.json()
    assert review_tables() == before


def test_a_plain_form_gets_a_page_that_asks_and_repeats_the_request(client, in_progress):
    release, key, users = in_progress["release"], in_progress["key"], in_progress["users"]
    client.force_login(users["reviewer-ru"])
    before = review_tables()
    data = {"key": key, "based_on": release.head_number, "next": "/review/"}
    response = post(client, release, "approve", data, json=False)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Approve anyway" in page and "Submit anyway" not in page
    assert "segment 7" in page and html_text.escape(in_progress["comment"].text) in page
    assert review_tables() == before
    repeated = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page):
        if name != "csrfmiddlewaretoken":
            repeated.setdefault(name, []).append(html_text.unescape(value))
    assert repeated["confirm"] == ["1"] and repeated["key"] == [key]
    response = post(client, release, "approve", repeated, json=False)
    assert response.status_code == 302 and response["Location"] == "/review/"
    assert state(release, key) == UnitState.APPROVED


def test_a_thread_whose_last_word_is_the_approvers_asks_nothing(in_progress):
    """A reviewer's own request for changes, met by a new text and left unanswered, is no
    question; the translator's reply to it is."""
    release, key, users = in_progress["release"], in_progress["key"], in_progress["users"]
    reviewer = users["reviewer-ru"]
    comment_resolve(in_progress["comment"], reviewer)
    request = comment_add(release, key, "ru", "Год после месяца, пожалуйста.", reviewer)
    with pytest.raises(ApproveConfirmation):
        comment_add(release, key, "ru", "Так и сделал.", users["translator-ru"], parent=request)
        units_approve_confirmed(
            release, "ru", [key], reviewer, based_on=release.head_number, confirm=False
        )
    comment_add(release, key, "ru", "Спасибо.", reviewer, parent=request)
    units_approve_confirmed(
        release, "ru", [key], reviewer, based_on=release.head_number, confirm=False
    )
    assert state(release, key) == UnitState.APPROVED
