"""The release admin: rendering, per-language permissions, revisions, conflicts, history."""

import re
import uuid

import pytest
from django.urls import reverse

from records.models import Publication, Release, Revision
from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import change_url, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def test_change_page_renders_three_languages(client, demo):
    client.force_login(demo["users"]["editor"])
    response = client.get(change_url(demo["release"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "北方領土問題" in page
    assert "Проблема северных территорий" in page
    assert "Northern Territories issue" in page
    assert 'name="title_ja"' in page and 'name="segments-0-text_ru"' in page
    assert "vendor/jquery-ui/jquery-ui.min.js" in page


def test_editor_save_creates_one_revision_with_message(client, published):
    release = published["release"]
    client.force_login(published["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    data["title_ja"] = "日露首脳会談（ハンブルク）"
    data["revision_message"] = "Clarify the Japanese title"
    response = client.post(change_url(release), data)
    assert response.status_code == 302, (
        response.context and response.context["adminform"].form.errors
    )
    revision = Revision.objects.get(release=release, number=3)
    assert revision.message == "Clarify the Japanese title"
    assert revision.author == published["users"]["editor"]
    assert revision.snapshot["title"]["ja"] == "日露首脳会談（ハンブルク）"
    # Saving again without changes adds nothing.
    data = form_data(client.get(change_url(release)))
    client.post(change_url(release), data)
    assert Revision.objects.filter(release=release).count() == 3


def post_after_someone_else_saved(client, scenario, ja_title="私の編集", their_ja=None):
    """Open the change form at revision 2, let translator-ja save revision 3 (a Japanese
    segment, or the Japanese title if ``their_ja``), then post the editor's form."""
    release = scenario["release"]
    client.force_login(scenario["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    content = release_snapshot(release)
    content["segments"][1]["text"]["ja"] = "翻訳者の新しい訳"
    if their_ja:
        content["title"]["ja"] = their_ja
    release_write(content, author=scenario["users"]["translator-ja"], based_on=2)
    data["title_en"] = "Japan-Russia Summit Meeting in Hamburg"
    if ja_title:
        data["title_ja"] = ja_title
    return release, data, client.post(change_url(release), data)


def test_stale_admin_save_merges_and_saving_again_never_reverts(client, published):
    release, data, response = post_after_someone_else_saved(client, published, ja_title=None)
    assert response.status_code == 302
    fresh = Release.objects.get()
    second = fresh.segments.order_by("position")[1]
    assert fresh.head_number == 4 and fresh.title_en == "Japan-Russia Summit Meeting in Hamburg"
    assert second.text_ja == "翻訳者の新しい訳"
    # The same stale form sent again: nothing new, and the Japanese is not put back.
    client.post(change_url(release), data)
    assert Release.objects.get().head_number == 4
    assert fresh.segments.order_by("position")[1].text_ja == "翻訳者の新しい訳"


def test_colliding_admin_save_shows_base_theirs_yours_and_saves_nothing(client, demo):
    release, data, response = post_after_someone_else_saved(client, demo, their_ja="彼らの題")
    assert response.status_code == 409
    page = response.content.decode()
    assert "collide" in page
    [row] = response.context["rows"]
    assert (row["base"], row["theirs"], row["mine"]) == ("日露首脳会談", "彼らの題", "私の編集")
    assert row["label"] == "Release · title · Japanese"
    assert reverse("admin:records_release_compare", args=[release.pk]) + "?a=2&amp;b=3" in page
    fresh = Release.objects.get()
    assert (fresh.title_ja, fresh.title_en, fresh.head_number) == (
        "彼らの題",
        "Japan-Russia Summit Meeting",
        3,
    )
    resolve = reverse("admin:records_release_resolve", args=[release.pk])
    pending = response.context["pending"]
    # Without a choice nothing is saved and the conflict is shown again.
    assert client.post(resolve, {"pending": pending}).status_code == 409
    assert Release.objects.get().head_number == 3
    # A damaged form saves nothing.
    client.post(resolve, {"pending": pending[:-3] + "abc", f"choice:{row['id']}": "mine"})
    assert Release.objects.get().head_number == 3
    done = client.post(resolve, {"pending": pending, f"choice:{row['id']}": "mine"})
    assert done.status_code == 302
    fresh = Release.objects.get()
    assert (fresh.title_ja, fresh.title_en, fresh.head_number) == (
        "私の編集",
        "Japan-Russia Summit Meeting in Hamburg",
        4,
    )
    assert fresh.segments.order_by("position")[1].text_ja == "翻訳者の新しい訳"


def test_editing_a_segment_someone_deleted_is_a_conflict(client, published):
    release = published["release"]
    client.force_login(published["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    content = release_snapshot(release)
    removed = content["segments"].pop(3)
    release_write(content, author=published["users"]["editor"], based_on=2)
    data["segments-3-text_ja"] = "削除された段落の編集"
    response = client.post(change_url(release), data)
    assert response.status_code == 409
    [row] = response.context["rows"]
    assert row["id"] == f"segments:{removed['key']}:presence" and row["theirs"] == "(deleted)"
    assert Release.objects.get().head_number == 3
    # Untouched, the row someone deleted stays deleted.
    data = form_data(client.get(change_url(release)))
    assert client.post(change_url(release), data).status_code == 302


def test_translator_edits_only_their_language(client, demo):
    release = demo["release"]
    translator = demo["users"]["translator-ja"]
    client.force_login(translator)
    response = client.get(change_url(release))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "title_ja" in form.fields
    assert "title_en" not in form.fields and "title_ru" not in form.fields
    data = form_data(response)
    data["title_ja"] = "日露首脳会談（翻訳者）"
    data["title_en"] = "Hijacked"
    data["segments-0-text_en"] = "Hijacked"
    data["segments-0-text_ja"] = "新しい訳文"
    response = client.post(change_url(release), data)
    assert response.status_code == 302
    fresh = Release.objects.get()
    assert fresh.title_ja == "日露首脳会談（翻訳者）"
    assert fresh.title_en == "Japan-Russia Summit Meeting"
    first = fresh.segments.order_by("position").first()
    assert first.text_ja == "新しい訳文" and first.text_en.startswith("On the occasion")


def test_terminologist_cannot_change_a_release(client, published):
    client.force_login(published["users"]["editor"])
    release = published["release"]
    data = form_data(client.get(change_url(release)))
    client.force_login(published["users"]["terminologist"])
    data["title_ru"] = "Нельзя"
    response = client.post(change_url(release), data)
    assert response.status_code == 403
    assert Release.objects.get().title_ru != "Нельзя"


def test_history_page_uses_constant_queries(client, published, django_assert_max_num_queries):
    release = published["release"]
    editor = published["users"]["editor"]
    client.force_login(editor)
    url = reverse("admin:records_release_history", args=[release.pk])
    # Twelve for the page (three for every revision's summary: the revisions, what they
    # changed, which texts of photos; one for the units of the runs it shows), two for the
    # newest revision's text (its changes, its texts), three for the publish gate of its
    # target languages (whatever their number), and five for the publish-together form (the
    # languages as the editor's dashboard sees them: the release, its unit states, findings
    # and check runs) and the release's schedules, and one for the header's unread count.
    with django_assert_max_num_queries(23):
        small = client.get(url)
    assert small.status_code == 200
    for index in range(60):
        content = release_snapshot(release)
        content["title"]["ru"] = f"Вариант {index}"
        release_write(content, author=editor, based_on=release.head_number)
        release.refresh_from_db()
    with django_assert_max_num_queries(23):
        response = client.get(url)
    page = response.content.decode()
    assert "62 revisions" in page
    assert page.count('class="revision"') == 50
    assert client.get(url + "?p=2").content.decode().count('class="revision"') == 12


def test_compare_view_shows_changes_per_language(client, demo):
    release = demo["release"]
    client.force_login(demo["users"]["editor"])
    url = reverse("admin:records_release_compare", args=[release.pk])
    response = client.get(url, {"a": 1, "b": 2, "lang": "ja"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<ins>北方領土問題</ins>" in page
    missing = client.get(url, {"a": 1, "b": 9})
    assert missing.status_code == 302


def test_restore_and_publish_from_history(client, published):
    release = published["release"]
    client.force_login(published["users"]["editor"])
    response = client.post(
        reverse("admin:records_release_restore", args=[release.pk]), {"number": 1, "based_on": 2}
    )
    assert response.status_code == 302
    restored = Revision.objects.get(release=release, number=3)
    assert restored.snapshot["title"]["ja"] == ""
    response = client.post(
        reverse("admin:records_release_publish", args=[release.pk]),
        {"number": 3, "language": "en"},
    )
    assert Publication.objects.filter(language="en").order_by("-id").first().revision == restored
    # Revision 3 has no Japanese: publishing it in Japanese is refused, nothing changes.
    client.post(
        reverse("admin:records_release_publish", args=[release.pk]), {"number": 3, "language": "ja"}
    )
    assert Publication.objects.filter(language="ja").order_by("-id").first().revision.number == 2


@pytest.mark.parametrize("username", ["translator-ja", "reviewer-ja"])
def test_restore_and_publish_need_permission(client, published, username):
    release = published["release"]
    client.force_login(published["users"][username])
    restore = client.post(
        reverse("admin:records_release_restore", args=[release.pk]), {"number": 1, "based_on": 2}
    )
    publish = client.post(
        reverse("admin:records_release_publish", args=[release.pk]), {"number": 1, "language": "en"}
    )
    assert restore.status_code == publish.status_code == 403
    assert Revision.objects.count() == 2 and Publication.objects.count() == 3


def test_changelist_and_publish_action(client, published, django_assert_max_num_queries):
    editor = published["users"]["editor"]
    client.force_login(editor)
    url = reverse("admin:records_release_changelist")
    # The page's own queries, and three for every language of every release on it (unit
    # states, error findings, check runs), whatever the number of releases, and one for the
    # header's unread count.
    with django_assert_max_num_queries(15):
        response = client.get(url)
    page = response.content.decode()
    for code in ("en", "ja", "ru"):
        cell = f'data-language="{code}" data-state="published">\\s*<span class="lang-code"'
        assert re.search(cell, page), code
    assert page.count("published at revision 2") == 3
    for index in range(8):
        content = release_snapshot(published["release"])
        content["slug"] = f"copy-{index}"
        content["date"] = f"2017-0{index + 1}-01"
        for item in content["segments"] + content["photos"]:
            item["key"] = str(uuid.uuid4())
        release_write(content, author=editor)
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.context["cl"].result_count == 9
    response = client.post(
        url, {"action": "publish_en", "_selected_action": [published["release"].pk]}
    )
    assert response.status_code == 302


def test_change_page_links_to_compare_and_term_findings(client, published):
    release = published["release"]
    client.force_login(published["users"]["translator-ru"])
    page = client.get(change_url(release)).content.decode()
    assert reverse("admin:records_release_compare", args=[release.pk]) in page
    terms = reverse("admin:translations_releasetermfindings_change", args=[release.pk])
    assert f"{terms}?lang=ru" in page and f"{terms}?lang=ja" in page


def test_compare_opens_on_a_language_that_changed(client, published):
    release = published["release"]
    content = release_snapshot(release)
    content["segments"][1]["text"]["ja"] = "北方領土の問題"
    release_write(content, author=published["users"]["editor"], based_on=2)
    client.force_login(published["users"]["editor"])
    url = reverse("admin:records_release_compare", args=[release.pk])
    response = client.get(url, {"a": 2, "b": 3})
    assert response.context["language"] == "ja"
    page = response.content.decode()
    assert 'lang="ja" data-changed="true"' in page and 'lang="en" data-changed="false"' in page
    assert client.get(url, {"a": 2, "b": 3, "lang": "en"}).context["language"] == "en"


def test_unchanged_save_says_only_that_nothing_changed(client, published):
    release = published["release"]
    client.force_login(published["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    response = client.post(change_url(release), data, follow=True)
    texts = [str(m) for m in response.context["messages"]]
    assert texts == ["Nothing changed: no new revision."]


def test_change_form_as_rendered_keeps_every_row_key(client, demo):
    """The page sends each row's key back: an edited sentence stays the same segment."""
    release = demo["release"]
    before = release_snapshot(release)
    client.force_login(demo["users"]["editor"])
    response = client.get(change_url(release))
    sent = re.findall(
        r'name="(segments|photos)-\d+-row_key" value="([^"]+)"', response.content.decode()
    )
    expected = [(name, item["key"]) for name in ("segments", "photos") for item in before[name]]
    assert sorted(sent) == sorted(expected)
    data = form_data(response)
    data["segments-9-text_en"] += " They will continue."
    assert client.post(change_url(release), data).status_code == 302
    after = Revision.objects.get(release=release, number=3).snapshot
    for name in ("segments", "photos"):
        assert [item["key"] for item in after[name]] == [item["key"] for item in before[name]]
    assert after["segments"][9]["text"]["en"].endswith(" They will continue.")


def test_compare_names_marker_style_and_level_in_words(client, demo_scenario):
    release = demo_scenario["release"]
    client.force_login(demo_scenario["users"]["editor"])
    url = reverse("admin:records_release_compare", args=[release.pk])
    page = client.get(url, {"a": 1, "b": release.head_number, "lang": "en"}).content.decode()
    assert '<span class="style">lower roman</span>' in page
    assert ">level 3</span>" in page
    assert "lower-roman" not in page
