"""The notification pages: "My notifications" (unread count in the header, marking read,
opening one), the settings of how often mail comes, and ``users_notify``."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.scenarios import user_with_role
from translations.notifications.models import Notification, NotificationProfile
from translations.notifications.services import NotificationError, users_notify

pytestmark = pytest.mark.django_db

LIST = "translations:notifications"
SETTINGS = "translations:notification_settings"


@pytest.fixture
def people(roles):
    return {
        "editor": user_with_role("editor"),
        "reviewer": user_with_role("reviewer", "ja"),
    }


def told(user, count, *, start=0, path="/admin/"):
    for n in range(start, start + count):
        users_notify([user], event=f"test:{user.pk}:{n}", subject=f"Thing {n} happened", path=path)
    return list(Notification.objects.filter(recipient=user).order_by("pk"))


def rows():
    return sorted(Notification.objects.values_list("pk", "recipient", "read_at", "sent_at"))


def test_the_header_shows_the_unread_count(client, people):
    told(people["reviewer"], 3)
    told(people["editor"], 1)
    client.force_login(people["reviewer"])
    page = client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse(LIST)}"' in page
    assert '<span class="count">3</span>' in page


def test_the_list_shows_only_mine_in_constant_queries(
    client, people, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    reviewer = people["reviewer"]
    told(people["editor"], 2)
    told(reviewer, 2)
    client.force_login(reviewer)
    with CaptureQueriesContext(connection) as few:
        page = client.get(reverse(LIST)).content.decode()
    assert "Thing 1 happened" in page and page.count('class="unread"') == 2
    told(reviewer, 60, start=2)
    with django_assert_max_num_queries(len(few)):
        page = client.get(reverse(LIST)).content.decode()
    # A page of fifty, newest first; the editor's never.
    assert page.count('class="unread"') == 50 and "Thing 61 happened" in page
    assert "Thing 1 happened" not in page


def test_marking_read(client, people):
    reviewer = people["reviewer"]
    mine = told(reviewer, 3)
    client.force_login(reviewer)
    response = client.post(reverse(LIST), {"id": [mine[0].pk, mine[1].pk]})
    assert response.status_code == 302
    unread = Notification.objects.filter(recipient=reviewer, read_at__isnull=True)
    assert list(unread.values_list("pk", flat=True)) == [mine[2].pk]
    client.post(reverse(LIST), {"all": "1"})
    assert not unread.exists()


@pytest.mark.parametrize("ids", [["other"], ["mine", "other"], ["12x"], []])
def test_marking_someone_elses_or_nothing_is_refused_and_changes_nothing(client, people, ids):
    mine = told(people["reviewer"], 1)[0]
    other = told(people["editor"], 1)[0]
    named = {"mine": mine.pk, "other": other.pk}
    before = rows()
    client.force_login(people["reviewer"])
    response = client.post(reverse(LIST), {"id": [named.get(i, i) for i in ids]}, follow=True)
    assert rows() == before
    text = response.content.decode()
    assert "nothing was changed" in text


def test_opening_one_marks_it_read_and_goes_there(client, people):
    reviewer = people["reviewer"]
    mine = told(reviewer, 1, path=reverse("translations:my_work"))[0]
    client.force_login(reviewer)
    response = client.get(reverse("translations:notification_open", args=[mine.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("translations:my_work")
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_opening_someone_elses_is_refused_and_changes_nothing(client, people):
    other = told(people["editor"], 1)[0]
    before = rows()
    client.force_login(people["reviewer"])
    response = client.get(reverse("translations:notification_open", args=[other.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(LIST)
    assert rows() == before


def test_a_link_off_the_site_is_not_followed(client, people):
    reviewer = people["reviewer"]
    mine = told(reviewer, 1, path="//evil.example/")[0]
    client.force_login(reviewer)
    response = client.get(reverse("translations:notification_open", args=[mine.pk]))
    assert response["Location"] == reverse(LIST)


def chosen(client):
    page = client.get(reverse(SETTINGS)).content.decode()
    return re.search(r'name="digest" value="(\w+)"[^>]*checked', page).group(1)


def test_settings_show_and_change_my_own_digest(client, people):
    reviewer, editor = people["reviewer"], people["editor"]
    NotificationProfile.objects.create(user=editor, digest="daily")
    client.force_login(reviewer)
    assert chosen(client) == "immediately"
    # A user field in the form changes nothing: the page edits the user's own profile.
    response = client.post(reverse(SETTINGS), {"digest": "hourly", "user": editor.pk})
    assert response.status_code == 302
    assert NotificationProfile.objects.get(user=reviewer).digest == "hourly"
    assert NotificationProfile.objects.get(user=editor).digest == "daily"
    assert chosen(client) == "hourly"


def test_an_unknown_digest_is_refused_and_changes_nothing(client, people):
    reviewer = people["reviewer"]
    NotificationProfile.objects.create(user=reviewer, digest="daily")
    client.force_login(reviewer)
    response = client.post(reverse(SETTINGS), {"digest": "weekly"})
    assert response.status_code == 400
    assert "weekly is not one of the available choices" in response.content.decode()
    assert list(NotificationProfile.objects.values_list("user", "digest")) == [
        (reviewer.pk, "daily")
    ]


@pytest.mark.parametrize("who", ["anonymous", "not staff"])
def test_the_pages_need_a_staff_login(client, people, who):
    if who == "not staff":
        client.force_login(User.objects.create_user("reader", password="x-password-123"))
    for name in (LIST, SETTINGS):
        response = client.post(reverse(name), {"digest": "daily", "all": "1"})
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not NotificationProfile.objects.exists()


def test_users_notify_tells_each_user_once_per_event(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    reviewer, editor = people["reviewer"], people["editor"]
    inactive = User.objects.create_user("gone", email="gone@example.org", is_active=False)
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            users_notify(
                [reviewer, editor, inactive],
                event="publication-failed:7",
                subject="The scheduled publication failed",
                body="Japanese: 2 units are not approved.",
                path="/admin/",
            )
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([reviewer.email, editor.email])
    assert "Japanese: 2 units are not approved." in mailoutbox[0].body
    assert Notification.objects.filter(event="publication-failed:7").count() == 2


@pytest.mark.parametrize("event, subject", [("", "Something"), ("x:1", "  ")])
def test_users_notify_refuses_a_notification_without_event_or_subject(people, event, subject):
    with pytest.raises(NotificationError):
        users_notify([people["editor"]], event=event, subject=subject)
    assert not Notification.objects.exists()


def test_settings_choose_the_language_of_my_mail(client, people):
    reviewer = people["reviewer"]
    client.force_login(reviewer)
    page = client.get(reverse(SETTINGS)).content.decode()
    assert '<option value="" selected>the site’s language: English</option>' in page
    assert '<option value="ja">日本語</option>' in page
    response = client.post(reverse(SETTINGS), {"digest": "daily", "language": "ja"})
    assert response.status_code == 302
    profile = NotificationProfile.objects.get(user=reviewer)
    assert (profile.digest, profile.language) == ("daily", "ja")
    assert (
        '<option value="ja" selected>日本語</option>'
        in client.get(reverse(SETTINGS)).content.decode()
    )
    # An unknown language is refused; nothing changes.
    response = client.post(reverse(SETTINGS), {"digest": "hourly", "language": "xx"})
    assert response.status_code == 400
    assert "xx is not one of the available choices" in response.content.decode()
    profile.refresh_from_db()
    assert (profile.digest, profile.language) == ("daily", "ja")
