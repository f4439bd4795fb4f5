""" "My work", the review history pages and the links to them; query counts of every page."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from records.services import release_write
from translations.checks.services import release_terms_check
from translations.checks.vocabulary import Severity
from translations.demo import GLOSSARY_PATH
from translations.glossary.files import csv_load
from translations.glossary.services import glossary_import
from translations.models import Comment, Event, Finding
from translations.review.actions import comment_add, finding_override

pytestmark = pytest.mark.django_db


def make_release(users, slug, segments, photos=0):
    """Create a release of ``segments`` segments and ``photos`` photos: Japanese submitted,
    Russian drafts with a forbidden term in each segment and photo caption, a comment on every
    other segment, one finding overridden."""
    content = {
        "slug": slug,
        "date": "2020-01-01",
        "topic": "queries",
        # The slug in every language: its numbers are no finding of the title.
        "title": {"en": f"Release {slug}", "ja": f"リリース {slug}", "ru": f"Релиз {slug}"},
        "photos": [
            {
                "key": str(uuid.uuid4()),
                "caption": {
                    "en": f"The Northern Territories, photo {number}",
                    "ja": f"北方領土、写真{number}",
                    "ru": f"Южные Курилы, фото {number}",
                },
                "credit": {"en": "Press Office", "ja": "広報室", "ru": "Пресс-служба"},
            }
            for number in range(photos)
        ],
        "segments": [
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                "text": {
                    "en": f"The Northern Territories, sentence {number}.",
                    "ja": f"北方領土、第{number}文。",
                    "ru": f"Южные Курилы, предложение {number}.",
                },
            }
            for number in range(segments)
        ],
    }
    release = release_write(
        content,
        author=users["editor"],
        topic_names={"en": "Queries"},
        context={"submit": {"ja": True}},
    ).release
    release_terms_check(release)
    keys = [segment["key"] for segment in content["segments"]]
    for key in keys[::2]:
        comment_add(release, key, "ru", "Check this.", users["translator-ru"])
        comment_add(release, key, "en", "Source question.", users["translator-ja"])
    finding = Finding.objects.filter(
        release=release, language="ru", severity=Severity.ERROR
    ).first()
    finding_override(
        release,
        "ru",
        str(finding.segment_key),
        check_id=finding.check_id,
        concept_id=finding.concept_id,
        fingerprint=finding.fingerprint,
        reason="Quoted.",
        user=users["reviewer-ru"],
    )
    release.refresh_from_db()
    return release


@pytest.fixture
def glossary(db):
    return glossary_import(csv_load(GLOSSARY_PATH.read_bytes()))


def workbench(release, language):
    return reverse("translations:workbench", args=[release.pk, language])


def count_queries(client, url, params=None):
    """Return how many queries a GET of ``url`` takes (with a few units or releases)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


def get_within(max_queries, limit, client, url, params=None):
    """GET ``url`` (with many units or releases) in at most ``limit`` queries."""
    with max_queries(limit):
        response = client.get(url, params or {})
    assert response.status_code == 200
    return response


def test_workbench_queries_do_not_grow_with_units(
    client, users, glossary, django_assert_max_num_queries
):
    small = make_release(users, "small", 3, photos=1)
    large = make_release(users, "large", 60, photos=20)
    # The photo captions' forbidden terms are findings of their own units.
    captions = Finding.objects.filter(release=large, language="ru", segment_key__endswith="caption")
    assert captions.filter(severity=Severity.ERROR).count() == 20
    client.force_login(users["reviewer-ru"])
    for language in ("ja", "ru"):
        for name in ("all", "errors", "comments"):
            params = {"filter": name}
            few = count_queries(client, workbench(small, language), params)
            response = get_within(
                django_assert_max_num_queries, few, client, workbench(large, language), params
            )
            assert len(response.context["rows"]) > 3 or name != "all"


def test_terms_page_queries_do_not_grow_with_units(
    client, users, glossary, django_assert_max_num_queries
):
    small = make_release(users, "small", 3, photos=1)
    large = make_release(users, "large", 60, photos=20)
    client.force_login(users["reviewer-ru"])
    for language in ("ja", "ru"):
        params = {"lang": language}
        url = "admin:translations_releasetermfindings_change"
        few = count_queries(client, reverse(url, args=[small.pk]), params)
        response = get_within(
            django_assert_max_num_queries, few, client, reverse(url, args=[large.pk]), params
        )
        labels = [row["label"] for row in response.context["rows"]]
        assert labels[:3] == ["title", "photo 1 caption", "photo 1 credit"]
        assert len(labels) == 1 + 2 * 20 + 60


def test_history_queries_do_not_grow_with_events(
    client, users, glossary, django_assert_max_num_queries
):
    small = make_release(users, "small", 3)
    large = make_release(users, "large", 60)
    client.force_login(users["translator-ru"])
    few = count_queries(client, reverse("translations:history", args=[small.pk, "ru"]))
    response = get_within(
        django_assert_max_num_queries,
        few,
        client,
        reverse("translations:history", args=[large.pk, "ru"]),
    )
    assert len(response.context["rows"]) == 50
    key = Comment.objects.filter(release=large).first().key
    few = count_queries(
        client, reverse("translations:unit_history", args=[small.pk, "ru", "title"])
    )
    response = get_within(
        django_assert_max_num_queries,
        few,
        client,
        reverse("translations:unit_history", args=[large.pk, "ru", key]),
    )
    assert len(response.context["threads"]) == 2


@pytest.mark.parametrize("user", ["admin", "editor", "reviewer-ru", "translator-ja"])
def test_my_work_queries_do_not_grow_with_releases(
    client, users, glossary, user, django_assert_max_num_queries
):
    make_release(users, "first", 3, photos=1)
    client.force_login(users[user])
    few = count_queries(client, reverse("translations:my_work"))
    for number in range(12):
        make_release(users, f"more-{number}", 3 + number, photos=1 + number % 3)
    for params in ({}, {"all": "1"}):
        response = get_within(
            django_assert_max_num_queries, few, client, reverse("translations:my_work"), params
        )
        assert len({row.release.pk for row in response.context["rows"]}) == 13


def test_my_work_counts_per_release_and_language(client, users, glossary):
    release = make_release(users, "counts", 4)
    client.force_login(users["reviewer-ru"])
    [row] = client.get(reverse("translations:my_work")).context["rows"]
    assert (row.release, row.language) == (release, "ru")
    # Title and four segments: all Russian drafts; two segments commented in Russian and in
    # English; four forbidden terms, one overridden.
    assert (row.total, row.todo, row.review, row.outdated, row.approved) == (5, 5, 0, 0, 0)
    assert (row.errors, row.comments) == (3, 4)
    client.force_login(users["translator-ja"])
    [row] = client.get(reverse("translations:my_work")).context["rows"]
    # translator-ja does not review: no count of units to review.
    assert (row.language, row.todo, row.review, row.errors, row.comments) == ("ja", 0, None, 0, 2)
    client.force_login(users["editor"])
    rows = client.get(reverse("translations:my_work")).context["rows"]
    assert [row.language for row in rows] == ["ja", "ru"]


def test_my_work_of_the_demo_accounts(client, demo_scenario):
    users, release = demo_scenario["users"], demo_scenario["release"]
    workbench = reverse("translations:workbench", args=[release.pk, "ja"])
    client.force_login(users["translator-ja"])
    page = client.get(reverse("translations:my_work")).content.decode()
    assert f'href="{workbench}?filter=outdated">1</a>' in page
    client.force_login(users["reviewer-ru"])
    response = client.get(reverse("translations:my_work"))
    [row] = response.context["rows"]
    assert (row.review, row.comments, row.approved, row.total) == (1, 1, 24, 25)
    client.force_login(users["terminologist"])
    response = client.get(reverse("translations:my_work"))
    assert "rows" not in response.context
    page = response.content.decode()
    assert "neither translate nor review" in page
    # Nothing waits, but every release's workbenches are a click away.
    for code, name in (("ja", "Japanese"), ("ru", "Russian")):
        url = reverse("translations:workbench", args=[release.pk, code])
        assert f'href="{url}">{name}</a>' in page
    assert reverse("translations:workbench", args=[release.pk, "en"]) not in page


def test_my_work_of_a_reader_lists_every_release_in_constant_queries(
    client, users, glossary, django_assert_max_num_queries
):
    make_release(users, "first", 3)
    client.force_login(users["terminologist"])
    few = count_queries(client, reverse("translations:my_work"))
    for number in range(5):
        make_release(users, f"more-{number}", 3)
    response = get_within(
        django_assert_max_num_queries, few, client, reverse("translations:my_work")
    )
    assert len(response.context["releases"]) == 6


def test_my_work_lists_only_releases_with_work_unless_asked(client, demo):
    client.force_login(demo["users"]["translator-ja"])
    assert client.get(reverse("translations:my_work")).context["rows"] == []
    rows = client.get(reverse("translations:my_work"), {"all": "1"}).context["rows"]
    assert [(row.language, row.approved, row.total) for row in rows] == [("ja", 25, 25)]


def test_release_history_lists_events_newest_first(client, demo_scenario):
    release = demo_scenario["release"]
    client.force_login(demo_scenario["users"]["reviewer-ja"])
    response = client.get(reverse("translations:history", args=[release.pk, "ru"]))
    rows = response.context["rows"]
    assert [row.event.pk for row in rows] == sorted((row.event.pk for row in rows), reverse=True)
    assert (rows[0].event.action, rows[0].label) == ("commented", "segment 7")
    assert (rows[1].from_label, rows[1].to_label) == ("outdated", "needs review")
    assert (rows[2].from_label, rows[2].to_label) == ("approved", "outdated")
    page = response.content.decode()
    assert "translator-ru" in page and "Добавил год" in page
    batch = rows[1].event.batch
    response = client.get(
        reverse("translations:history", args=[release.pk, "ru"]), {"batch": str(batch)}
    )
    assert {row.event.batch for row in response.context["rows"]} == {batch}
    assert len(response.context["rows"]) == Event.objects.filter(batch=batch).count()


def test_unit_history_shows_its_events_and_comments(client, demo_scenario):
    release = demo_scenario["release"]
    key = Comment.objects.get(release=release).key
    client.force_login(demo_scenario["users"]["translator-ja"])
    response = client.get(reverse("translations:unit_history", args=[release.pk, "ru", key]))
    assert response.status_code == 200
    assert {row.event.key for row in response.context["rows"]} == {key}
    assert [thread.comment.text[:10] for thread in response.context["threads"]] == ["Добавил го"]
    assert response.context["label"] == "segment 7"
    response = client.get(reverse("translations:unit_history", args=[release.pk, "ru", "nope"]))
    assert response.status_code == 404
    assert "has no unit nope" in response.content.decode()


def test_links_to_the_workbench_and_my_work(client, published):
    release = published["release"]
    client.force_login(published["users"]["translator-ja"])
    page = client.get(reverse("admin:records_release_change", args=[release.pk])).content.decode()
    for code in ("ja", "ru"):
        assert f'href="{reverse("translations:workbench", args=[release.pk, code])}"' in page
        assert f"Workbench ({code})" in page
    index = client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("translations:my_work")}"' in index
