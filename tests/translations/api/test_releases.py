"""Releases through the API: each language's state (as the editor's dashboard reads it),
filters, one release with what blocks publishing, its revisions and the diff of two."""

import pytest

from records.models import Topic
from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import api_client, dashboard_archive
from tests.scenarios import paragraph, release_with, work_in_progress

from .support import database, ok, refused, release_url

pytestmark = pytest.mark.django_db


def listed(client, **params):
    return ok(client.get("/api/v1/releases/", params))


def test_each_language_shows_its_unit_states_and_the_revision_readers_see(users):
    release = work_in_progress(units=3)["release"]
    [item] = listed(api_client(users["translator-ja"]))["results"]
    assert (item["id"], item["slug"], item["revision"]) == (release.pk, release.slug, 4)
    assert item["title"]["ja"] == "首脳会談" and item["topic"]["slug"] == "japan-russia-relations"
    english, japanese, russian = (item["languages"][code] for code in ("en", "ja", "ru"))
    assert english["source"] and english["units"] is None
    assert (english["state"], english["published_revision"]) == ("ready", 2)
    assert japanese["state"] == "blocked" and japanese["published_revision"] == 2
    assert japanese["units"] == {
        "total": 4,
        "untranslated": 0,
        "outdated": 1,
        "draft": 0,
        "needs_review": 0,
        "approved": 3,
        "with_errors": 0,
    }
    assert (russian["units"]["needs_review"], russian["units"]["approved"]) == (1, 3)


def test_releases_are_filtered_by_topic_unit_state_and_publication(users):
    waiting = work_in_progress(units=2, slug="waiting")["release"]
    done = release_with(
        units=2, languages=("en", "ja", "ru"), published=("en", "ja", "ru"), slug="done"
    )
    Topic.objects.create(slug="economy", name="Economy")
    other = release_with(units=2, slug="elsewhere", topic="economy")
    client = api_client(users["editor"])

    def slugs(**params):
        return [item["slug"] for item in listed(client, **params)["results"]]

    assert slugs() == ["elsewhere", "done", "waiting"]
    assert slugs(topic="economy") == [other.slug]
    assert slugs(state="needs_review") == [waiting.slug]
    assert slugs(state="needs_review", language="ja") == []
    assert slugs(state="outdated", language="ja") == [waiting.slug]
    assert slugs(state="approved", language="ru") == ["done", "waiting"]
    assert slugs(publication="current") == [done.slug]
    assert slugs(publication="waiting") == ["elsewhere", "waiting"]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"topic": "nowhere"}, "There is no topic “nowhere”."),
        ({"state": "lost"}, "There is no unit state “lost” (states: untranslated, outdated,"),
        ({"language": "xx"}, "unknown language “xx” (expected one of en, ja, ru)"),
        (
            {"publication": "soon"},
            "There is no publication filter “soon” (choose waiting, current)",
        ),
    ],
)
def test_a_filter_that_names_nothing_is_refused_clearly(users, params, words):
    release_with(units=1)
    before = database()
    problem = refused(api_client(users["editor"]).get("/api/v1/releases/", params), 400, "invalid")
    assert problem["detail"] == words or problem["detail"].startswith(words)
    assert list(problem["errors"]) == list(params)
    assert database() == before


# The token, the user's permissions, a page of releases, and what the dashboard reads for it
# (with a topic filter, one more: whether the topic exists).
QUERIES = 8


@pytest.mark.parametrize("count", [20, 2000])
def test_the_list_costs_the_same_queries_at_20_and_2000_releases(
    users, count, django_assert_num_queries
):
    topic = Topic.objects.create(slug="archive", name="Archive")
    dashboard_archive(count, topic, users["reviewer-ja"])
    client = api_client(users["editor"])
    client.get("/api/v1/releases/", {"page_size": 1})  # the token's first use is written once
    with django_assert_num_queries(QUERIES):
        page = listed(client)
    assert len(page["results"]) == min(count, 50)
    assert (page["next"] is not None) == (count > 50)
    # Every fourth release is approved throughout: ready to publish; the others are blocked.
    for item in page["results"]:
        ready = int(item["slug"].removeprefix("dashboard-")) % 4 == 0
        assert item["languages"]["ja"]["state"] == ("ready" if ready else "blocked")
    with django_assert_num_queries(QUERIES + 1):
        listed(client, state="needs_review", language="ja", topic="archive")


def test_one_release_says_what_blocks_each_language_and_where_its_resources_are(users):
    release = work_in_progress(units=3)["release"]
    detail = ok(api_client(users["editor"]).get(release_url(release)))
    assert detail["readiness"] == {
        "en": [],
        "ja": ["1 of 4 units is not approved for this revision: segment 2"],
        "ru": ["1 of 4 units is not approved for this revision: segment 2"],
    }
    links = detail["links"]
    assert links["units"] == {
        code: f"http://testserver/api/v1/releases/{release.pk}/languages/{code}/units/"
        for code in ("ja", "ru")
    }
    assert ok(api_client(users["editor"]).get(links["units"]["ja"]))["revision"] == 4
    problem = refused(api_client(users["editor"]).get("/api/v1/releases/999999/"), 404)
    assert problem["detail"] == "There is no release 999999."


def test_revisions_come_newest_first_with_where_they_are_published(users):
    release = work_in_progress(units=3)["release"]
    client = api_client(users["editor"])
    page = ok(client.get(release_url(release, "revisions"), {"page_size": 3}))
    assert [item["number"] for item in page["results"]] == [4, 3, 2]
    newest, _revised, published = page["results"]
    assert newest["author"] == "translator-ru" and newest["published"] == []
    assert published["published"] == ["en", "ja", "ru"] == published["current"]
    rest = ok(client.get(page["next"]))
    assert [item["number"] for item in rest["results"]] == [1] and rest["next"] is None


def test_a_diff_names_each_changed_unit_per_language(users):
    release = work_in_progress(units=3, photos=1)["release"]
    content = release_snapshot(release)
    content["title"]["ja"] = "首脳会談(改訂)"
    content["photos"][0]["caption"]["en"] = "The two leaders"
    release_write(content, author=users["editor"], based_on=release.head_number)
    release.refresh_from_db()
    client = api_client(users["editor"])
    diff = ok(client.get(release_url(release, "diff"), {"from": 2}))
    assert (diff["from_revision"], diff["to_revision"]) == (2, 5)
    english = diff["languages"]["en"]
    changed = {unit["key"]: unit for unit in english["units"]}
    photo = release.photos.get().key
    segment = str(release.segments.order_by("position")[1].key)
    assert set(changed) == {f"{photo}:caption", segment}
    caption = changed[f"{photo}:caption"]
    assert (caption["kind"], caption["old_text"], caption["new_text"]) == (
        "caption",
        "The leaders",
        "The two leaders",
    )
    assert {"op": "insert", "text": "two "} in caption["ops"]
    assert changed[segment]["new_text"] == paragraph(2) + " Revised."
    assert changed[segment]["structure"]["kind"] == "paragraph"
    [title] = diff["languages"]["ja"]["units"]
    assert (title["key"], title["kind"], title["new_text"]) == ("title", "title", "首脳会談(改訂)")
    # One language; by default the newest revision against the one before.
    only = ok(client.get(release_url(release, "diff"), {"language": "ru"}))
    assert list(only["languages"]) == ["ru"] and (only["from_revision"], only["to_revision"]) == (
        4,
        5,
    )
    assert only["languages"]["ru"] == {"changed": False, "metadata": [], "units": []}


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"from": 9}, 404, "has no revision 9."),
        ({"to": "last"}, 400, "“last” is not a revision number"),
        ({"from": 0}, 400, "“0” is not a revision number"),
        ({"language": "de"}, 400, "unknown language “de”"),
    ],
)
def test_a_diff_asked_wrongly_is_refused_clearly(users, params, status, words):
    release = work_in_progress(units=2)["release"]
    response = api_client(users["editor"]).get(release_url(release, "diff"), params)
    assert words in refused(response, status)["detail"]
