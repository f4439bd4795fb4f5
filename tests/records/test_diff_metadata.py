"""Diffs show a release's slug, date and topic; the admin compare page shows photos too."""

import copy
import datetime

import pytest
from django.urls import reverse

from records.diff import MetadataChange, diff_metadata, diff_snapshots, render_text_diff
from records.models import Photo, Revision, Topic
from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import run

pytestmark = pytest.mark.usefixtures("no_term_checks")


def snapshot(**changes):
    base = {
        "slug": "japan-russia-summit-meeting-2017-07-07",
        "date": "2017-07-07",
        "topic": "japan-russia-relations",
        "title": {"en": "Summit", "ja": "首脳会談", "ru": "Встреча"},
        "photos": [],
        "segments": [
            {"key": "a", "kind": "paragraph", "level": 0, "text": {"en": "Hi", "ja": "", "ru": ""}}
        ],
    }
    base.update(changes)
    return base


# --- records.diff ----------------------------------------------------------------------------


def test_metadata_changes_are_found_in_field_order():
    old = snapshot()
    new = snapshot(date="2017-07-08", topic="summits", slug="summit-2017-07-08")
    assert diff_metadata(old, new) == (
        MetadataChange("slug", "japan-russia-summit-meeting-2017-07-07", "summit-2017-07-08"),
        MetadataChange("date", "2017-07-07", "2017-07-08"),
        MetadataChange("topic", "japan-russia-relations", "summits"),
    )
    assert diff_metadata(old, copy.deepcopy(old)) == ()


@pytest.mark.parametrize("language", ["en", "ja", "ru"])
def test_a_date_only_change_is_a_change_in_every_language(language):
    diff = diff_snapshots(snapshot(), snapshot(date="2017-07-08"), language)
    assert diff.changed
    assert diff.metadata == (MetadataChange("date", "2017-07-07", "2017-07-08"),)
    assert not diff.title_changed
    assert all(s.status == "unchanged" and not s.moved for s in diff.segments)
    text = render_text_diff(diff)
    lines = text.splitlines()
    assert lines[0] == (
        f"[{language}] segments: 0 added, 0 removed, 0 changed, 0 moved; date changed"
    )
    assert "~ date: 2017-07-07 → 2017-07-08" in lines
    assert "no changes" not in text


def test_metadata_in_colour_and_against_an_empty_snapshot():
    diff = diff_snapshots(snapshot(), snapshot(topic="summits"), "en")
    assert "\x1b[33m~ topic: japan-russia-relations → summits\x1b[0m" in render_text_diff(
        diff, color=True
    )
    first = diff_snapshots(None, snapshot(), "en")
    assert [change.field for change in first.metadata] == ["slug", "date", "topic"]
    assert first.metadata[1] == MetadataChange("date", "", "2017-07-07")
    assert "~ date: — → 2017-07-07" in render_text_diff(first)


def test_unchanged_metadata_renders_no_changes():
    assert render_text_diff(diff_snapshots(snapshot(), snapshot(), "ru")) == "[ru] no changes\n"


# --- release_diff and the admin compare page ----------------------------------------------


@pytest.fixture
def date_changed(published):
    """Revision 3 of the published release differs from revision 2 in its date only."""
    release = published["release"]
    content = release_snapshot(release)
    content["date"] = "2017-07-08"
    release_write(content, author=published["users"]["editor"], based_on=2)
    release.refresh_from_db()
    assert release.head_number == 3 and release.date == datetime.date(2017, 7, 8)
    return release


@pytest.mark.django_db
def test_release_diff_command_shows_a_date_only_change(date_changed):
    text = run("release_diff", date_changed.slug, "2", "3")
    for code in ("en", "ja", "ru"):
        assert f"=== {code}: revision 2 → 3" in text
        assert f"[{code}] no changes" not in text
    assert text.count("~ date: 2017-07-07 → 2017-07-08") == 3


@pytest.mark.django_db
def test_compare_page_shows_a_date_only_change(client, date_changed, published):
    client.force_login(published["users"]["editor"])
    url = reverse("admin:records_release_compare", args=[date_changed.pk])
    response = client.get(url, {"a": 2, "b": 3, "lang": "ja"})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<table class="release-diff">' in page
    assert '<tr class="changed" data-field="date">' in page
    assert "<td><del>2017-07-07</del></td><td><ins>2017-07-08</ins></td>" in page
    assert 'data-field="slug"' not in page and 'data-field="topic"' not in page


@pytest.mark.django_db
def test_compare_page_shows_photo_caption_and_credit_changes(
    client, demo, django_assert_max_num_queries
):
    release = demo["release"]
    content = release_snapshot(release)
    assert content["photos"], "the demo release has photos"
    photo = content["photos"][0]
    old_caption = photo["caption"]["en"]
    photo["caption"]["en"] = old_caption + " in Hamburg"
    assert photo["credit"]["en"] == "Cabinet Public Relations Office"
    photo["credit"]["en"] = "Public Relations Office"
    release_write(content, author=demo["users"]["editor"], based_on=2)
    client.force_login(demo["users"]["editor"])
    url = reverse("admin:records_release_compare", args=[release.pk])
    with django_assert_max_num_queries(11):
        response = client.get(url, {"a": 2, "b": 3, "lang": "en"})
    page = response.content.decode()
    key = str(Photo.objects.get(release=release, position=1).key)
    assert f'<tr class="changed" data-key="{key}">' in page
    assert "<ins> in Hamburg</ins>" in page
    assert "<td><del>Cabinet </del>Public Relations Office</td>" in page
    assert "1 changed" in page.split('class="photo-summary"')[1].split("</p>")[0]
    # Japanese did not change: the photo table says so.
    ja = client.get(url, {"a": 2, "b": 3, "lang": "ja"}).content.decode()
    assert f'data-key="{key}"' not in ja
    assert '<table class="photo-diff"' in ja


@pytest.mark.django_db
def test_compare_page_shows_translated_kind_labels(client, demo):
    release = demo["release"]
    content = release_snapshot(release)
    heading = next(s for s in content["segments"] if s["kind"] == "heading")
    heading["text"]["en"] += " (revised)"
    release_write(content, author=demo["users"]["editor"], based_on=2)
    client.force_login(demo["users"]["editor"])
    url = reverse("admin:records_release_compare", args=[release.pk])
    page = client.get(url, {"a": 2, "b": 3}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    row = page.split(f'data-key="{heading["key"]}">')[1].split("</tr>")[0]
    assert "<td>заголовок" in row and "heading" not in row


@pytest.mark.django_db
def test_compare_page_shows_topic_change(client, published):
    release = published["release"]
    Topic.objects.create(slug="summits", name="Summits")
    content = release_snapshot(release)
    content["topic"] = "summits"
    release_write(content, author=published["users"]["editor"], based_on=2)
    assert Revision.objects.get(release=release, number=3).snapshot["topic"] == "summits"
    client.force_login(published["users"]["editor"])
    url = reverse("admin:records_release_compare", args=[release.pk])
    page = client.get(url, {"a": 2, "b": 3}).content.decode()
    assert '<tr class="changed" data-field="topic">' in page
    assert "<td><del>japan-russia-relations</del></td><td><ins>summits</ins></td>" in page


@pytest.mark.django_db
def test_history_publish_buttons_name_the_language_locally(client, published):
    # A new date only: every language stays approved, so each can be published.
    content = release_snapshot(published["release"])
    content["date"] = "2017-07-08"
    release_write(content, author=published["users"]["editor"], based_on=2)
    client.force_login(published["users"]["editor"])
    page = client.get(
        reverse("admin:records_release_history", args=[published["release"].pk])
    ).content.decode()
    assert 'Publish <abbr lang="ja" title="日本語">ja</abbr>' in page
    assert 'Publish <abbr lang="ru" title="Русский">ru</abbr>' in page
    assert 'Publish <abbr lang="en" title="English">en</abbr>' in page
