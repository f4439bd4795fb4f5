"""The editor's dashboard and the release list: per release and language, what readers see,
what is ready to publish and what blocks it, in a constant number of queries."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from records.models import Release, Topic
from tests.helpers import approve_all, dashboard_archive
from tests.scenarios import glossary_with, release_with, user_with_role, work_in_progress

pytestmark = pytest.mark.django_db

URL = "admin:records_release_dashboard"


def dashboard(client, **params):
    return client.get(reverse(URL), params)


def row_cells(page, release):
    """Return ``{language: (state, cell html)}`` of ``release``'s row of the dashboard."""
    match = re.search(
        rf'<tr class="release-row" data-release="{release.pk}">(.*?)</tr>', page, re.S
    )
    assert match, f"no row for release {release.pk}"
    cells = re.findall(
        r'<div class="lang-cell [^"]*" data-language="(\w+)" data-state="(\w+)">(.*?)</div>',
        match.group(1),
        re.S,
    )
    return {code: (state, html) for code, state, html in cells}


def released_order(page):
    return [int(pk) for pk in re.findall(r'<tr class="release-row" data-release="(\d+)">', page)]


def test_each_language_says_published_ready_or_what_blocks_it(client, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    client.force_login(users["editor"])
    page = dashboard(client).content.decode()
    cells = row_cells(page, release)
    # English (the source) needs no review: revision 4 can go out; readers see revision 2.
    assert cells["en"][0] == "ready"
    assert "ready to publish revision 4" in cells["en"][1]
    assert "readers see revision 2" in cells["en"][1]
    # Japanese: paragraph 7 is outdated; Russian: paragraph 7 waits for its reviewer.
    assert cells["ja"][0] == cells["ru"][0] == "blocked"
    workbench = reverse("translations:workbench", args=[release.pk, "ja"])
    assert f'<a href="{workbench}?filter=outdated"' in cells["ja"][1]
    assert "1 outdated" in cells["ja"][1] and "in review" not in cells["ja"][1]
    workbench = reverse("translations:workbench", args=[release.pk, "ru"])
    assert f'<a href="{workbench}?filter=review"' in cells["ru"][1]
    assert "1 in review" in cells["ru"][1]
    # Each cell that is not what readers see can be chosen, to publish or to schedule.
    for code in ("en", "ja", "ru"):
        assert f'value="{release.pk}:{code}:4"' in cells[code][1]

    approve_all(release, "ja", users["reviewer-ja"])
    cells = row_cells(dashboard(client).content.decode(), release)
    assert cells["ja"][0] == "ready" and "ready to publish revision 4" in cells["ja"][1]


def test_a_published_language_shows_its_revision_and_offers_nothing(client, published):
    release = published["release"]
    client.force_login(published["users"]["editor"])
    cells = row_cells(dashboard(client).content.decode(), release)
    for code in ("en", "ja", "ru"):
        state, html = cells[code]
        assert state == "published" and "published at revision 2" in html
        assert 'type="checkbox"' not in html


def test_error_findings_without_override_block_an_approved_language(client, users, no_term_checks):
    release = release_with(languages=("en", "ja", "ru"), units=2)
    client.force_login(users["editor"])
    assert row_cells(dashboard(client).content.decode(), release)["ru"][0] == "ready"
    # The glossary now forbids the word the approved Russian of paragraph 1 uses.
    glossary_with(("trade", {"en": "trade", "ru": [("торговля", "forbidden")]}))
    from translations.checks.services import release_terms_check

    release_terms_check(release)
    cells = row_cells(dashboard(client).content.decode(), release)
    assert cells["ja"][0] == "ready"
    assert cells["ru"][0] == "blocked" and "1 with errors" in cells["ru"][1]
    workbench = reverse("translations:workbench", args=[release.pk, "ru"])
    assert f'{workbench}?filter=errors"' in cells["ru"][1]


def test_untranslated_and_draft_units_are_counted(client, users):
    release = release_with(languages=("en", "ja"), states={"ja": "draft"}, units=3)
    client.force_login(users["editor"])
    cells = row_cells(dashboard(client).content.decode(), release)
    assert "4 drafts" in cells["ja"][1]  # the title and three paragraphs
    assert "?filter=todo" in cells["ja"][1]
    assert "4 untranslated" in cells["ru"][1] and "?filter=untranslated" in cells["ru"][1]


def test_releases_waiting_longest_come_first(client, users):
    editor = user_with_role("editor")
    client.force_login(editor)
    start = datetime.datetime(2024, 3, 1, 9, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        older = work_in_progress(slug="older", units=2)["release"]
    with time_machine.travel(start + datetime.timedelta(days=3), tick=False):
        newer = work_in_progress(slug="newer", units=2)["release"]
        done = release_with(
            languages=("en", "ja", "ru"), published=("en", "ja", "ru"), slug="done", units=2
        )
    page = dashboard(client).content.decode()
    assert released_order(page) == [older.pk, newer.pk, done.pk]
    assert "—" in page  # nothing of "done" waits
    page = dashboard(client, o="newest", waiting="1").content.decode()
    assert released_order(page) == [newer.pk, older.pk]


@pytest.mark.parametrize("count", [20, 2000])
def test_the_dashboard_costs_the_same_queries_at_any_size(
    client, users, count, django_assert_max_num_queries
):
    topic = Topic.objects.create(slug="archive", name="Archive")
    dashboard_archive(count, topic, users["reviewer-ja"])
    client.force_login(users["editor"])
    with django_assert_max_num_queries(14):
        response = dashboard(client)
    page = response.content.decode()
    assert response.status_code == 200
    shown = released_order(page)
    assert len(shown) == min(count, 25)
    assert f"{count} releases" in page
    # Every fourth release is approved throughout: its targets are ready to publish.
    ready = Release.objects.get(slug="dashboard-0")
    if ready.pk in shown:
        assert row_cells(page, ready)["ja"][0] == "ready"
    blocked = Release.objects.get(slug="dashboard-1")
    cells = row_cells(page, blocked) if blocked.pk in shown else None
    if cells:
        assert "1 outdated" in cells["ja"][1] and "1 untranslated" in cells["ja"][1]
        assert "1 in review" in cells["ja"][1]
    last = dashboard(client, p=(count + 24) // 25).content.decode()
    assert len(released_order(last)) == count - 25 * ((count - 1) // 25)

    # The release list shows the same states, at the same cost whatever the archive's size.
    with django_assert_max_num_queries(14):
        response = client.get(reverse("admin:records_release_changelist"))
    assert response.content.decode().count('class="lang-cell ') == 3 * min(count, 100)


def test_the_release_list_shows_each_languages_state(client, in_progress):
    client.force_login(in_progress["users"]["editor"])
    page = client.get(reverse("admin:records_release_changelist")).content.decode()
    assert "ready to publish revision 4" in page and "1 outdated" in page
    assert "1 in review" in page
    assert reverse(URL) in page  # the list links the dashboard


def test_the_admin_index_links_the_dashboard(client, editor):
    client.force_login(editor)
    assert reverse(URL) in client.get(reverse("admin:index")).content.decode()


def test_the_dashboard_is_staff_only(client, users):
    response = client.get(reverse(URL))
    assert response.status_code == 302 and "login" in response["Location"]
    # A translator sees the states (they may open the workbench) but no publishing form.
    client.force_login(users["translator-ja"])
    page = client.get(reverse(URL)).content.decode()
    assert 'name="action" value="publish"' not in page
