"""The release form's save: new releases, the save buttons, the admin log, and refusals that
keep the editor's text and write nothing."""

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.messages import get_messages
from django.urls import reverse

from records.models import Release, Revision
from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import change_url, form_data
from tests.records.test_admin_input import add_inline_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def log():
    return list(
        LogEntry.objects.order_by("id").values_list("action_flag", "object_id", "change_message")
    )


def test_add_form_creates_the_release_as_revision_one(client, demo):
    editor = demo["users"]["editor"]
    client.force_login(editor)
    url = reverse("admin:records_release_add")
    response = client.get(url)
    data = form_data(response)
    data.update(
        slug="new-release",
        topic=str(demo["release"].topic_id),
        date="2020-01-01",
        source_language="en",
        title_en="A new release",
        revision_message="First draft",
    )
    add_inline_row(response, data, "segments", {"text_en": "The only paragraph."})
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:records_release_changelist")
    assert texts(response) == ["Saved as revision 1."]
    release = Release.objects.get(slug="new-release")
    [revision] = release.revisions.all()
    assert (revision.number, revision.message, revision.author) == (1, "First draft", editor)
    assert [s["text"]["en"] for s in revision.snapshot["segments"]] == ["The only paragraph."]
    assert log() == [(ADDITION, str(release.pk), "Revision 1")]


def test_add_form_without_a_message_says_where_the_release_came_from(client, demo):
    client.force_login(demo["users"]["editor"])
    url = reverse("admin:records_release_add")
    data = form_data(client.get(url))
    data.update(slug="plain", topic=str(demo["release"].topic_id), date="2020-01-01")
    data.update(source_language="en", title_en="Plain")
    assert client.post(url, data).status_code == 302
    assert Release.objects.get(slug="plain").revisions.get().message == "Created in the admin"


@pytest.mark.parametrize(
    ("button", "page"),
    [("_save", "changelist"), ("_continue", "change"), ("_addanother", "add")],
)
def test_save_buttons_go_where_they_say_with_only_what_the_write_did(client, demo, button, page):
    release = demo["release"]
    client.force_login(demo["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    data["title_ja"] = "日露首脳会談（ハンブルク）"
    data[button] = "1"
    response = client.post(change_url(release), data)
    args = [release.pk] if page == "change" else []
    assert response["Location"] == reverse(f"admin:records_release_{page}", args=args)
    assert texts(response) == ["Saved as revision 3."]
    assert Revision.objects.get(release=release, number=3).message == "Edited in the admin"
    assert log() == [(CHANGE, str(release.pk), "Revision 3")]


def test_unchanged_save_is_logged_without_a_revision(client, demo):
    release = demo["release"]
    client.force_login(demo["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    assert client.post(change_url(release), data).status_code == 302
    assert Revision.objects.filter(release=release).count() == 2
    assert log() == [(CHANGE, str(release.pk), "[]")]


def test_form_based_on_a_missing_revision_keeps_the_text_and_writes_nothing(client, demo):
    release = demo["release"]
    client.force_login(demo["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    data["based_on"] = "99"
    data["title_ja"] = "私の編集"
    before = release_snapshot(release)
    response = client.post(change_url(release), data)
    assert response.status_code == 200
    [error] = response.context["adminform"].form.non_field_errors()
    assert "has no revision 99" in error
    assert 'value="私の編集"' in response.content.decode()
    assert release_snapshot(Release.objects.get()) == before
    assert Revision.objects.filter(release=release).count() == 2
    assert log() == [] and texts(response) == []


def test_refused_save_shows_the_form_once_with_the_reason(client, demo):
    """The refusal is shown on the form the editor sent, not on a second, rebuilt one."""
    release = demo["release"]
    client.force_login(demo["users"]["translator-ja"])
    data = form_data(client.get(change_url(release)))
    data["title_ja"] = "bell\x07"
    data["segments-2-text_ja"] = "私の訳文"
    response = client.post(change_url(release), data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [error.code for error in form.errors.as_data()["__all__"]] == ["refused"]
    assert "title_en" not in form.fields  # still the translator's form
    page = response.content.decode()
    assert "control character U+0007" in page and "私の訳文" in page
    assert Revision.objects.filter(release=release).count() == 2
    assert log() == [] and texts(response) == []


def test_colliding_save_writes_nothing_and_carries_the_editors_text(client, demo):
    release = demo["release"]
    client.force_login(demo["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    theirs = release_snapshot(release)
    theirs["segments"][0]["text"]["ru"] = "Их текст."
    release_write(theirs, author=demo["users"]["translator-ru"], based_on=2)
    data["segments-0-text_ru"] = "Мой текст."
    response = client.post(change_url(release), data)
    assert response.status_code == 409
    [row] = response.context["rows"]
    assert (row["theirs"], row["mine"]) == ("Их текст.", "Мой текст.")
    assert Release.objects.get().head_number == 3 and log() == []
    resolve = reverse("admin:records_release_resolve", args=[release.pk])
    done = client.post(
        resolve, {"pending": response.context["pending"], f"choice:{row['id']}": "mine"}
    )
    assert done.status_code == 302
    assert Release.objects.get().segments.order_by("position")[0].text_ru == "Мой текст."


def test_import_links_are_offered_only_to_users_who_edit_a_language(client, users, seed_release):
    from django.urls import reverse

    pages = [
        reverse("admin:records_release_changelist"),
        reverse("admin:records_release_change", args=[seed_release.pk]),
    ]
    for username, offered in (("terminologist", False), ("translator-ja", True), ("editor", True)):
        client.force_login(users[username])
        for url in pages:
            assert (b'class="importlink"' in client.get(url).content) is offered, (username, url)
