"""The release list's translation progress and the read-only admin of review records."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import approve_all
from translations.review.actions import comment_add
from translations.review.models import Comment, Event, UnitStatus
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db


def copies(scenario, count, start=0):
    """Write ``count`` new releases with the scenario release's text (translations as drafts)."""
    editor = scenario["users"]["editor"]
    releases = []
    for index in range(start, start + count):
        content = release_snapshot(scenario["release"])
        content["slug"] = f"copy-{index}"
        content["date"] = f"2016-{index % 12 + 1:02d}-{index % 28 + 1:02d}"
        for item in content["segments"] + content["photos"]:
            item["key"] = str(uuid.uuid4())
        releases.append(release_write(content, author=editor).release)
    return releases


def test_release_list_shows_translation_progress(client, published):
    release = published["release"]
    total = UnitStatus.objects.filter(release=release, language="ja").count()
    (copy,) = copies(published, 1)
    approve_all(copy, "ru", published["users"]["reviewer-ru"])
    client.force_login(published["users"]["editor"])
    page = client.get(reverse("admin:records_release_changelist")).content.decode()
    assert f'title="Japanese: {total} of {total} units approved"' in page
    assert f'<progress max="{total}" value="{total}"' in page
    # The copy: Russian approved, Japanese still drafts.
    assert f'title="Japanese: 0 of {total} units approved"' in page
    assert f'title="Russian: {total} of {total} units approved"' in page
    assert f"0/{total}" in page


def test_release_list_progress_in_constant_queries(client, published):
    client.force_login(published["users"]["editor"])
    url = reverse("admin:records_release_changelist")
    copies(published, 2)
    with CaptureQueriesContext(connection) as three:
        response = client.get(url)
    assert response.context["cl"].result_count == 3
    copies(published, 17, start=2)
    with CaptureQueriesContext(connection) as twenty:
        response = client.get(url)
    assert response.context["cl"].result_count == 20
    assert response.content.decode().count('class="release-progress"') == 40
    assert len(twenty) == len(three)


REVIEW_ADMINS = ["event", "comment", "unitstatus"]


@pytest.mark.parametrize("model", REVIEW_ADMINS)
def test_review_records_are_read_only_even_for_superusers(client, in_progress, model):
    client.force_login(in_progress["users"]["admin"])
    changelist = reverse(f"admin:translations_{model}_changelist")
    response = client.get(changelist)
    assert response.status_code == 200
    assert "delete_selected" not in response.content.decode()
    assert client.get(reverse(f"admin:translations_{model}_add")).status_code == 403
    obj = response.context["cl"].result_list[0]
    change = reverse(f"admin:translations_{model}_change", args=[obj.pk])
    page = client.get(change)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(change, {}).status_code == 403
    delete = reverse(f"admin:translations_{model}_delete", args=[obj.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    model_class = {"event": Event, "comment": Comment, "unitstatus": UnitStatus}[model]
    assert model_class.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("model", REVIEW_ADMINS)
def test_review_lists_use_constant_queries(client, in_progress, model):
    users = in_progress["users"]
    client.force_login(users["admin"])
    url = reverse(f"admin:translations_{model}_changelist")
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    release = in_progress["release"]
    for copy in copies(in_progress, 2):
        approve_all(copy, "ja", users["reviewer-ja"])
        comment_add(copy, "title", "ja", "Please check the title.", users["translator-ja"])
    comment_add(release, "title", "ru", "Another reviewer, please.", users["reviewer-ru"])
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert len(response.context["cl"].result_list) > 2
    assert len(after) == len(before) <= 8, [q["sql"][:60] for q in after.captured_queries]


def test_event_list_filters_and_search(client, in_progress):
    client.force_login(in_progress["users"]["admin"])
    url = reverse("admin:translations_event_changelist")
    response = client.get(url, {"action__exact": "approved", "language": "ja"})
    events = list(response.context["cl"].result_list)
    assert events and all(e.action == "approved" and e.language == "ja" for e in events)
    key = Comment.objects.get().key
    found = list(client.get(url, {"q": key}).context["cl"].result_list)
    assert found and all(event.key == key for event in found)


def test_unit_state_list_filters_by_release_language_and_state(client, in_progress):
    client.force_login(in_progress["users"]["admin"])
    release = in_progress["release"]
    (other,) = copies(in_progress, 1)
    url = reverse("admin:translations_unitstatus_changelist")
    response = client.get(
        url,
        {
            "release__id__exact": release.pk,
            "language": "ru",
            "state__exact": UnitState.NEEDS_REVIEW,
        },
    )
    rows = list(response.context["cl"].result_list)
    assert len(rows) == 1 and rows[0].release_id == release.pk and rows[0].language == "ru"
    everything = client.get(url, {"release__id__exact": other.pk}).context["cl"]
    assert everything.result_count == UnitStatus.objects.filter(release=other).count()


def test_comment_list_filters_open_threads(client, in_progress):
    client.force_login(in_progress["users"]["admin"])
    url = reverse("admin:translations_comment_changelist")
    assert len(client.get(url, {"open": "1"}).context["cl"].result_list) == 1
    assert len(client.get(url, {"open": "0"}).context["cl"].result_list) == 0
