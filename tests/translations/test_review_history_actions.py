"""The review history's Action column names the action taken, in every language — never the
state of the same name ("approved" the action is not "approved" the state)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from translations.review.vocabulary import EventAction, UnitState

pytestmark = pytest.mark.django_db

# Actions whose English word is also a state's.
SAME_WORD = [(EventAction.APPROVED, UnitState.APPROVED)]


@pytest.mark.parametrize("code", ["en", "ja", "ru"])
def test_action_labels_are_their_own_messages(code):
    with translation.override(code):
        for action, state in SAME_WORD:
            # The same English word, read as an action: its own message (context "review
            # action"), translated apart from the state.
            assert str(action.label) == translation.pgettext("review action", "approved")
            if code != "en":
                assert str(action.label) != str(state.label)


@pytest.mark.parametrize("code", ["ja", "ru"])
def test_the_history_action_column_shows_the_action(client, in_progress, code):
    release, users = in_progress["release"], in_progress["users"]
    client.force_login(users["reviewer-ru"])
    page = client.get(
        reverse("translations:history", args=[release.pk, "ru"]), HTTP_ACCEPT_LANGUAGE=code
    ).content.decode()
    rows = re.findall(r'<tr class="event-approved">(.*?)</tr>', page, re.S)
    assert rows, "the history lists the approvals"
    with translation.override(code):
        action, state = str(EventAction.APPROVED.label), str(UnitState.APPROVED.label)
    for row in rows:
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        # When, who, unit, action, state (needs review → approved), revision, reason, batch.
        assert cells[3] == action
        assert cells[4].endswith(f"→ {state}")
