"""The memory in the workbench: matches shown, one used as a draft, pre-translation."""

import re
import uuid

import pytest
from django.urls import reverse

from records.models import Revision
from records.services import ActionNotAllowed, release_write
from records.snapshots import release_snapshot
from translations.demo import series_ensure
from translations.memory import MemoryEntry
from translations.memory.services import memory_use, release_pretranslate
from translations.models import Event, UnitStatus
from translations.review.common import ReviewError
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db

# In the demo, the series' next release has 9 units identical to the seed's and 4 close ones.
EXACT, FUZZY = 9, 4


@pytest.fixture
def users(demo):
    """The demo's accounts as the demo left them (its loader sets their passwords)."""
    return demo["users"]


@pytest.fixture
def series(demo):
    return series_ensure(demo["users"]["editor"])


def states(release, language):
    return dict(
        UnitStatus.objects.filter(release=release, language=language).values_list("key", "state")
    )


def unchanged(release):
    release.refresh_from_db()
    return (
        release.head_number,
        sorted(UnitStatus.objects.filter(release=release).values_list("key", "language", "state")),
        Event.objects.count(),
        MemoryEntry.objects.count(),
    )


def action(client, release, language, name, **data):
    url = reverse("translations:workbench_action", args=[release.pk, language, name])
    return client.post(url, data, HTTP_ACCEPT="application/json")


# --- the page --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_the_workbench_shows_exact_and_fuzzy_matches(client, users, series, language):
    client.force_login(users[f"translator-{language}"])
    page = client.get(reverse("translations:workbench", args=[series.pk, language]))
    assert page.status_code == 200, page.get("Location")
    html = page.content.decode()
    assert html.count('class="match exact"') == EXACT
    assert html.count('class="match fuzzy"') == FUZZY
    assert html.count('data-action="use-match"') == EXACT + FUZZY
    assert 'data-action="pretranslate"' in html
    # The difference between a fuzzy match's source and the unit's source, marked.
    assert "<ins>further </ins>" in html
    assert re.search(r"<del>[^<]*non-proliferation regime", html)
    percents = sorted(int(n) for n in re.findall(r'badge percent">(\d+)%', html))
    assert percents.count(100) == EXACT and all(75 <= n < 100 for n in percents[:FUZZY])


def test_reviewers_of_another_language_see_no_use_buttons(client, users, series):
    client.force_login(users["reviewer-ru"])
    html = client.get(reverse("translations:workbench", args=[series.pk, "ja"])).content.decode()
    assert 'class="match exact"' in html
    assert 'data-action="use-match"' not in html and 'data-action="pretranslate"' not in html


def test_approved_units_show_no_matches(client, users, demo):
    client.force_login(users["translator-ja"])
    release = demo["release"]
    html = client.get(reverse("translations:workbench", args=[release.pk, "ja"])).content.decode()
    assert 'class="match' not in html


def memory_release(users, slug, size):
    """Write a release of ``size`` sentences, each remembered exactly and nearly."""
    from django.utils import timezone

    from translations.memory import EntryData, entries_merge

    sentences = [f"The delegation {slug} visited plant number {n} on Monday" for n in range(size)]
    now = timezone.now()
    entries_merge(
        [
            EntryData("en", "ja", text, f"訳{n}", created_at=now, changed_at=now)
            for n, text in enumerate(sentences)
        ]
        + [
            EntryData("en", "ja", text + " morning", f"近い訳{n}", created_at=now, changed_at=now)
            for n, text in enumerate(sentences)
        ]
    )
    content = {
        "slug": slug,
        "date": "2021-01-01",
        "topic": "memory",
        "title": {"en": f"Release {slug}"},
        "photos": [],
        "segments": [
            {"key": str(uuid.uuid4()), "kind": "paragraph", "level": 0, "text": {"en": text}}
            for text in sentences
        ],
    }
    return release_write(content, author=users["editor"], topic_names={"en": "Memory"}).release


def test_workbench_queries_do_not_grow_with_matches(client, users, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small, large = memory_release(users, "small", 3), memory_release(users, "large", 60)
    client.force_login(users["translator-ja"])
    with CaptureQueriesContext(connection) as captured:
        html = client.get(reverse("translations:workbench", args=[small.pk, "ja"])).content
    assert html.decode().count('class="match exact"') == 3
    with django_assert_max_num_queries(len(captured)):
        html = client.get(reverse("translations:workbench", args=[large.pk, "ja"])).content
    # Each unit: its exact match, then two fuzzy ones (its longer copy, a neighbour's).
    assert html.decode().count('class="match exact"') == 60
    assert html.decode().count('class="match fuzzy"') == 120


# --- using a match ---------------------------------------------------------------------------


def a_fuzzy_match(series, language):
    from records.units import translatable_units
    from translations.memory import memory_lookup

    units = translatable_units(release_snapshot(series), "en")
    found = memory_lookup("en", language, {unit.key: unit.text("en") for unit in units})
    return next((key, matches[0]) for key, matches in found.items() if not matches[0].exact)


def test_using_a_match_saves_it_as_a_draft(client, users, series):
    key, match = a_fuzzy_match(series, "ja")
    client.force_login(users["translator-ja"])
    response = action(client, series, "ja", "use-match", key=key, entry=match.entry.pk, based_on=1)
    assert response.status_code == 200, response.content
    assert "draft" in response.json()["message"]
    series.refresh_from_db()
    assert series.head_number == 2
    snapshot = release_snapshot(series)
    texts = {s["key"]: s["text"]["ja"] for s in snapshot["segments"]}
    assert texts[key] == match.entry.target_text
    status = UnitStatus.objects.get(release=series, language="ja", key=key)
    assert status.state == UnitState.DRAFT and status.approved_by is None
    assert status.translated_by == users["translator-ja"]


@pytest.mark.parametrize(
    ("user", "entry", "status"),
    [
        ("translator-ru", "ja", 403),  # may not edit Japanese
        ("terminologist", "ja", 403),
        ("translator-ja", "ru", 400),  # an entry of another language pair
        ("translator-ja", "none", 400),
    ],
)
def test_using_a_match_is_refused(client, users, series, user, entry, status):
    key, match = a_fuzzy_match(series, "ja")
    entry_id = {
        "ja": match.entry.pk,
        "ru": MemoryEntry.objects.filter(target_language="ru").first().pk,
        "none": 999999,
    }[entry]
    before = unchanged(series)
    client.force_login(users[user])
    response = action(client, series, "ja", "use-match", key=key, entry=entry_id, based_on=1)
    assert response.status_code == status
    assert "nothing was saved" in response.json()["error"]
    assert unchanged(series) == before


def test_using_a_match_merges_with_a_newer_save(users, series):
    key, match = a_fuzzy_match(series, "ja")
    content = release_snapshot(series)
    content["title"]["ja"] = "タイトル"
    release_write(content, author=users["translator-ja"], based_on=1)
    series.refresh_from_db()
    result = memory_use(series, "ja", key, match.entry.pk, users["translator-ja"], based_on=1)
    assert result.revision.number == 3
    series.refresh_from_db()
    snapshot = release_snapshot(series)
    assert {s["key"]: s["text"]["ja"] for s in snapshot["segments"]}[key] == match.entry.target_text
    assert snapshot["title"]["ja"] == "タイトル"


# --- pre-translating -------------------------------------------------------------------------


def test_pretranslate_fills_exact_matches_as_drafts_in_one_revision(client, users, series):
    revisions = Revision.objects.filter(release=series).count()
    client.force_login(users["translator-ja"])
    response = action(client, series, "ja", "pretranslate")
    assert response.status_code == 200, response.content
    assert response.json()["message"].startswith(f"{EXACT} units pre-translated")
    assert Revision.objects.filter(release=series).count() == revisions + 1
    after = states(series, "ja")
    assert sorted(after.values()).count(UnitState.DRAFT) == EXACT
    assert UnitState.APPROVED not in after.values()
    # Fuzzy matches are left for a person; Russian is untouched.
    assert sorted(after.values()).count(UnitState.UNTRANSLATED) == len(after) - EXACT
    assert set(states(series, "ru").values()) == {UnitState.UNTRANSLATED}
    series.refresh_from_db()
    snapshot = release_snapshot(series)
    assert snapshot["title"]["ja"] == "日露首脳会談"
    # Again: nothing left to fill, no revision.
    response = action(client, series, "ja", "pretranslate")
    assert "No untranslated unit" in response.json()["message"]
    assert Revision.objects.filter(release=series).count() == revisions + 1


def test_pretranslate_keeps_what_someone_translated_meanwhile(users, series):
    content = release_snapshot(series)
    content["title"]["ja"] = "翻訳者の題名"
    release_write(content, author=users["translator-ja"], based_on=1)
    series.refresh_from_db()
    done = release_pretranslate(series, "ja", users["reviewer-ja"])
    assert len(done.keys) == EXACT - 1 and done.result.revision.number == 3
    series.refresh_from_db()
    snapshot = release_snapshot(series)
    assert snapshot["title"]["ja"] == "翻訳者の題名"
    drafts = UnitStatus.objects.filter(release=series, language="ja", state=UnitState.DRAFT)
    assert {row.translated_by.username for row in drafts if row.key != "title"} == {"reviewer-ja"}


@pytest.mark.parametrize("user", ["translator-ru", "terminologist"])
def test_pretranslate_needs_the_right_to_edit_the_language(users, series, user):
    before = unchanged(series)
    with pytest.raises(ActionNotAllowed, match="may not edit the Japanese text"):
        release_pretranslate(series, "ja", users[user])
    assert unchanged(series) == before


def test_pretranslate_refuses_the_source_language(users, series):
    before = unchanged(series)
    with pytest.raises(ReviewError):
        release_pretranslate(series, "en", users["editor"])
    assert unchanged(series) == before
