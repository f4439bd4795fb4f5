"""Drafts never reach the readers' API: not a release never published, not a language never
published, not a newer revision, not a draft's slug or topic, whatever address, revision
number, query or cursor a client tries — the same 404 rules as the reader site."""

import base64
import json
import uuid

import pytest

from config import languages
from records.services import release_publish, release_write
from records.snapshots import release_snapshot
from tests.helpers import api_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]

DRAFT = "Unpublishedmarker"
PROBLEM = "application/problem+json"


def _api_urls(slug, topic_slug):
    """Every readers' API address a curious client might try for ``slug`` and ``topic_slug``."""
    urls = []
    for code in languages.CODES:
        base = f"/api/v1/published/{code}"
        detail = f"{base}/releases/{slug}/"
        urls += [
            f"{base}/releases/",
            f"{base}/releases/?page_size=200",
            detail,
            f"{detail}?revision=3",
            f"{detail}?revision=3&preview=1&draft=1",
            f"{base}/topics/",
            f"{base}/topics/{topic_slug}/releases/",
            f"{base}/search/?q=summit",
            f"{base}/search/?q={DRAFT}",
            f"{base}/search/?q={DRAFT}&topic={topic_slug}",
            f"{base}/releases/?cursor=" + base64.b64encode(b"p=2100-01-01&r=1").decode(),
        ]
    urls += [
        f"/api/v1/published/releases/{slug}/",
        f"/api/v1/published/xx/releases/{slug}/",
        f"/api/v1/published/en-us/releases/{slug}/",
        f"/api/v1/published/en/releases/{slug}/3/",
        f"/api/v1/published/en/releases/{slug}-r3/",
    ]
    return urls


def _assert_hidden(urls, *markers):
    client = api_client()
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 301, 404), (url, response.status_code)
        text = response.content.decode()
        if response.status_code == 404:
            assert response["Content-Type"] == PROBLEM, url
            # A problem names the address asked for (its ``instance``): the client's own words.
            problem = response.json()
            problem.pop("instance")
            text = json.dumps(problem, ensure_ascii=False)
        for marker in markers:
            assert marker not in text, (url, marker)


def _draft(release, editor, **changes):
    content = release_snapshot(release)
    for code in languages.CODES:
        content["title"][code] = f"{DRAFT} title {code}"
        content["segments"][0]["text"][code] = f"{DRAFT} text {code}"
        if content["photos"]:
            content["photos"][0]["caption"][code] = f"{DRAFT} caption {code}"
    content.update(changes)
    release_write(
        content,
        author=editor,
        based_on=release.head_number,
        topic_names={"en": f"{DRAFT} topic"} if "topic" in changes else None,
    )
    release.refresh_from_db()
    return release


def _status(path):
    response = api_client().get(path)
    if response.status_code == 404:
        assert response["Content-Type"] == PROBLEM
    return response


def test_a_newer_revision_is_not_reachable_before_it_is_published(published):
    release = published["release"]
    topic = release.topic.slug
    _draft(release, published["users"]["editor"])
    _assert_hidden(_api_urls(release.slug, topic), DRAFT)
    body = _status(f"/api/v1/published/en/releases/{release.slug}/").json()
    assert body["revision"] == 2 and body["title"] == "Summit Meeting"


def test_a_topic_only_a_draft_uses_is_not_shown_even_by_name(published):
    release = _draft(published["release"], published["users"]["editor"], topic="secret-topic")
    for code in languages.CODES:
        response = _status(f"/api/v1/published/{code}/topics/secret-topic/releases/")
        assert response.status_code == 404
        assert "topic" in response.json()["detail"]
        topics = _status(f"/api/v1/published/{code}/topics/").json()["results"]
        assert [topic["slug"] for topic in topics] == ["japan-russia-relations"]
    _assert_hidden(_api_urls(release.slug, "secret-topic"), DRAFT)


def test_a_release_never_published_is_404_in_every_language_and_listing(published):
    content = release_snapshot(published["release"])
    content.update(slug="secret-release", topic="secret-topic")
    for code in languages.CODES:
        content["title"][code] = f"{DRAFT} {code}"
    for unit in content["segments"] + content["photos"]:
        unit["key"] = str(uuid.uuid4())
    release_write(content, author=published["users"]["editor"], topic_names={"en": DRAFT})
    for code in languages.CODES:
        response = _status(f"/api/v1/published/{code}/releases/secret-release/")
        assert response.status_code == 404
        body = response.json()
        assert body["detail"] == "No release is published at this address."
        assert "published_in" not in body
    _assert_hidden(_api_urls("secret-release", "secret-topic"), DRAFT, "secret-release")


def test_a_language_never_published_is_404_naming_where_it_is(seed_release, editor):
    content = release_snapshot(seed_release)
    content["title"]["ja"] = f"{DRAFT} ja"
    content["segments"][1]["text"]["ja"] = f"{DRAFT} ja text"
    release_write(content, author=editor, based_on=seed_release.head_number)
    release_publish(seed_release, "en", author=editor)
    seed_release.refresh_from_db()
    response = _status(f"/api/v1/published/ja/releases/{seed_release.slug}/")
    assert response.status_code == 404
    body = response.json()
    assert body["detail"] == "This release is not published in this language."
    # Where it is published: English only, with its English title.
    [english] = body["published_in"]
    assert english["language"] == "en" and english["title"] == seed_release.title_en
    assert english["url"].endswith(f"/api/v1/published/en/releases/{seed_release.slug}/")
    assert _status(english["url"]).status_code == 200
    en = _status(f"/api/v1/published/en/releases/{seed_release.slug}/").json()
    assert en["languages"] == []
    assert _status("/api/v1/published/ja/releases/").json()["results"] == []
    _assert_hidden(_api_urls(seed_release.slug, seed_release.topic.slug), DRAFT)


def test_a_new_slug_is_not_reachable_before_it_is_published(published):
    release = published["release"]
    old = release.slug
    _draft(release, published["users"]["editor"], slug="renamed-in-a-draft")
    for code in languages.CODES:
        assert _status(f"/api/v1/published/{code}/releases/renamed-in-a-draft/").status_code == 404
        assert _status(f"/api/v1/published/{code}/releases/{old}/").status_code == 200
    _assert_hidden(_api_urls("renamed-in-a-draft", release.topic.slug), DRAFT)


@pytest.mark.parametrize("code", ["xx", "EN", "en-us", "jp", "1"])
def test_a_language_concord_does_not_have_is_404(published, code):
    for path in ("releases/", f"releases/{published['release'].slug}/", "topics/", "search/?q=a"):
        response = _status(f"/api/v1/published/{code}/{path}")
        assert response.status_code == 404
        assert f"no language “{code}”" in response.json()["detail"]


def test_only_reading_is_allowed(published):
    client = api_client()
    slug = published["release"].slug
    for path in (f"/api/v1/published/en/releases/{slug}/", "/api/v1/published/en/releases/"):
        for method in (client.post, client.put, client.patch, client.delete):
            response = method(path, {"title": DRAFT}, format="json")
            assert response.status_code == 405 and response["Content-Type"] == PROBLEM
    assert DRAFT not in str(_status(f"/api/v1/published/en/releases/{slug}/").json())
