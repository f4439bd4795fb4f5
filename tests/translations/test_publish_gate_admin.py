"""Publishing from the admin: only approved target languages, the history page offers only what
can succeed, and refusals say why and publish nothing."""

import re

import pytest
from django.urls import reverse

from records.models import Publication
from tests.helpers import approve_all
from tests.scenarios import published_release

pytestmark = pytest.mark.django_db


def history(client, release):
    return client.get(reverse("admin:records_release_history", args=[release.pk]))


def row_html(page, number):
    """Return the HTML of revision ``number``'s row of the history table."""
    match = re.search(rf'<tr class="revision" data-number="{number}">(.*?)</tr>', page, re.S)
    assert match, f"no row for revision {number}"
    return match.group(1)


def publish_buttons(row):
    return set(re.findall(r'<button type="submit" name="language" value="(\w+)"', row))


def test_history_offers_only_what_can_be_published(client, in_progress):
    release = in_progress["release"]
    client.force_login(in_progress["users"]["editor"])
    page = history(client, release).content.decode()
    head = row_html(page, 4)
    # English needs no review; Japanese is outdated and Russian waits for review.
    assert publish_buttons(head) == {"en"}
    assert 'data-language="ja"' in head and 'data-language="ru"' in head
    assert "Japanese cannot be published yet: 1 of" in head
    assert "units is not approved for this revision: segment 7" in head
    # Each refusal links to where the missing work is done.
    for code in ("ja", "ru"):
        workbench = reverse("translations:workbench", args=[release.pk, code])
        blocked = re.search(rf'data-language="{code}">(.*?)</p>', head, re.S).group(1)
        assert f'<a href="{workbench}" lang="{code}">' in blocked
    # Older revisions offer their source language only (revision 2 is what readers see).
    assert publish_buttons(row_html(page, 3)) == {"en"}
    assert publish_buttons(row_html(page, 2)) == set()
    assert "publish-blocked" not in row_html(page, 3)


def test_history_offers_a_target_once_it_is_approved(client, in_progress):
    release = in_progress["release"]
    users = in_progress["users"]
    approve_all(release, "ja", users["reviewer-ja"])
    client.force_login(users["editor"])
    head = row_html(history(client, release).content.decode(), 4)
    assert publish_buttons(head) == {"en", "ja"}
    assert 'data-language="ja"' not in head and 'data-language="ru"' in head


def test_history_shows_problems_but_no_buttons_to_those_who_may_not_publish(client, in_progress):
    client.force_login(in_progress["users"]["translator-ru"])
    page = history(client, in_progress["release"]).content.decode()
    assert publish_buttons(page) == set()
    assert "Russian cannot be published yet" in page


def test_publish_view_refuses_an_unapproved_language_then_publishes_it(client, in_progress):
    release = in_progress["release"]
    users = in_progress["users"]
    client.force_login(users["editor"])
    url = reverse("admin:records_release_publish", args=[release.pk])
    before = Publication.objects.count()
    response = client.post(url, {"number": 4, "language": "ja"}, follow=True)
    page = response.content.decode()
    assert "Japanese of revision 4 cannot be published yet" in page
    assert "1 of" in page and "segment 7" in page
    assert Publication.objects.count() == before
    assert Publication.objects.filter(language="ja").latest("id").revision.number == 2

    approve_all(release, "ja", users["reviewer-ja"])
    response = client.post(url, {"number": 4, "language": "ja"}, follow=True)
    assert "Published revision 4" in response.content.decode()
    assert Publication.objects.count() == before + 1
    assert Publication.objects.filter(language="ja").latest("id").revision.number == 4


def test_publish_action_refuses_an_unapproved_language(client, in_progress):
    release = in_progress["release"]
    users = in_progress["users"]
    client.force_login(users["editor"])
    url = reverse("admin:records_release_changelist")
    before = Publication.objects.count()
    response = client.post(
        url, {"action": "publish_ru", "_selected_action": [release.pk]}, follow=True
    )
    page = response.content.decode()
    assert "Russian of revision 4 cannot be published yet" in page
    assert Publication.objects.count() == before

    approve_all(release, "ru", users["reviewer-ru"])
    response = client.post(
        url, {"action": "publish_ru", "_selected_action": [release.pk]}, follow=True
    )
    assert "Published revision 4" in response.content.decode()
    assert Publication.objects.filter(language="ru").latest("id").revision.number == 4


def test_source_language_publishes_without_review(client, in_progress):
    release = in_progress["release"]
    client.force_login(in_progress["users"]["editor"])
    url = reverse("admin:records_release_publish", args=[release.pk])
    client.post(url, {"number": 4, "language": "en"})
    assert Publication.objects.filter(language="en").latest("id").revision.number == 4


def test_history_says_when_a_language_has_no_text(client, editor):
    release = published_release(units=2)
    client.force_login(editor)
    restore = reverse("admin:records_release_restore", args=[release.pk])
    client.post(restore, {"number": 1, "based_on": 2})
    head = row_html(history(client, release).content.decode(), 3)
    assert publish_buttons(head) == {"en"}
    assert "the title or a segment has no Japanese text" in head
    assert "the title or a segment has no Russian text" in head
