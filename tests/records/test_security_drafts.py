"""Drafts never reach readers: not a release never published, not a language never published,
not a newer revision, whatever slug, revision number, language prefix, feed, sitemap, search,
topic page or photo file name a reader tries."""

import io
import uuid

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from records.photos import photo_image_store, photo_renditions
from records.services import release_publish, release_write
from records.snapshots import release_snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]

DRAFT = "Unpublishedmarker"
CODES = ("en", "ja", "ru")


def _url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def _reader_urls(slug, topic_slug):
    """Every reader address a curious reader might try for ``slug`` and ``topic_slug``."""
    urls = ["/", "/sitemap.xml"]
    for code in CODES:
        detail = _url("records:release_detail", code, slug)
        urls += [
            _url("records:release_list", code),
            _url("records:feed", code),
            detail,
            f"{detail}?revision=3",
            f"{detail}?revision=3&preview=1&draft=1",
            _url("records:release_compare", code, slug),
            _url("records:topic", code, topic_slug),
            _url("records:topic_feed", code, topic_slug),
            _url("records:search", code) + "?q=summit",
            _url("records:search", code) + f"?q=summit&topic={topic_slug}",
        ]
    urls += [f"/releases/{slug}/", f"/xx/releases/{slug}/", f"/en-us/releases/{slug}/"]
    urls += [f"/en/releases/{slug}/3/", f"/en/releases/{slug}/r3/", f"/en/releases/{slug}-r3/"]
    return urls


def _assert_hidden(client, urls, *markers):
    for code in CODES:
        for topic in ("", "secret-topic"):
            search = _url("records:search", code) + f"?q={DRAFT}&topic={topic}"
            assert not client.get(search).context["results"], search
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), (url, response.status_code)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        for marker in markers:
            assert marker not in content.decode(), (url, marker)


def _draft(release, editor, **changes):
    content = release_snapshot(release)
    for code in CODES:
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


def test_a_newer_revision_is_not_reachable_before_it_is_published(client, demo):
    release = demo["release"]
    published_topic = release.topic.slug
    _draft(release, demo["users"]["editor"])
    _assert_hidden(client, _reader_urls(release.slug, published_topic), DRAFT)
    # The published revision is still what readers see.
    page = client.get(_url("records:release_detail", "en", release.slug))
    assert page.status_code == 200
    assert "<h1>Japan-Russia Summit Meeting</h1>" in page.content.decode()


def test_a_topic_only_a_draft_uses_is_not_shown_even_by_name(client, published):
    release = _draft(published["release"], published["users"]["editor"], topic="secret-topic")
    for code in CODES:
        assert client.get(_url("records:topic", code, "secret-topic")).status_code == 404
        assert client.get(_url("records:topic_feed", code, "secret-topic")).status_code == 404
    _assert_hidden(client, _reader_urls(release.slug, "secret-topic"), DRAFT)


def test_a_release_never_published_is_404_in_every_language_and_listing(client, published):
    content = release_snapshot(published["release"])
    content.update(slug="secret-release", topic="secret-topic")
    for code in CODES:
        content["title"][code] = f"{DRAFT} {code}"
    for unit in content["segments"] + content["photos"]:
        unit["key"] = str(uuid.uuid4())
    release_write(content, author=published["users"]["editor"], topic_names={"en": DRAFT})
    for code in CODES:
        assert client.get(_url("records:release_detail", code, "secret-release")).status_code == 404
        assert (
            client.get(_url("records:release_compare", code, "secret-release")).status_code == 404
        )
    _assert_hidden(client, _reader_urls("secret-release", "secret-topic"), DRAFT, "secret-release")


def test_a_language_never_published_is_not_reachable(client, seed_release, editor):
    content = release_snapshot(seed_release)
    content["title"]["ja"] = f"{DRAFT} ja"
    content["segments"][1]["text"]["ja"] = f"{DRAFT} ja text"
    release_write(content, author=editor, based_on=seed_release.head_number)
    release_publish(seed_release, "en", author=editor)
    seed_release.refresh_from_db()
    response = client.get(_url("records:release_detail", "ja", seed_release.slug))
    assert response.status_code == 404
    # The "published in other languages" page links English only, with its English title.
    assert [link["code"] for link in response.context["links"]] == ["en"]
    compare = client.get(_url("records:release_compare", "en", seed_release.slug))
    assert [page.language for page in compare.context["pages"]] == ["en"]
    _assert_hidden(client, _reader_urls(seed_release.slug, seed_release.topic.slug), DRAFT)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/ja/releases/{seed_release.slug}/" not in sitemap


def test_a_new_slug_is_not_reachable_before_it_is_published(client, published):
    release = published["release"]
    old = release.slug
    _draft(release, published["users"]["editor"], slug="renamed-in-a-draft")
    for code in CODES:
        assert (
            client.get(_url("records:release_detail", code, "renamed-in-a-draft")).status_code
            == 404
        )
        assert client.get(_url("records:release_detail", code, old)).status_code == 200
    _assert_hidden(client, _reader_urls("renamed-in-a-draft", release.topic.slug), DRAFT)


def _png():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1000, 600), (10, 200, 30)).save(out, "PNG")
    return SimpleUploadedFile("draft.png", out.getvalue(), content_type="image/png")


def test_photo_files_of_an_unpublished_revision_are_not_served(client, published):
    release = published["release"]
    name = photo_image_store(_png())
    content = release_snapshot(release)
    content["photos"][0]["image"] = name
    release_write(content, author=published["users"]["editor"], based_on=release.head_number)
    renditions = [file for _width, file in photo_renditions(name)["renditions"]]
    assert renditions and all(default_storage.exists(f"photos/renditions/{f}") for f in renditions)
    for file in renditions:
        assert client.get(reverse("photo_file", args=[file])).status_code == 404
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(f"/media/photos/renditions/{renditions[0]}").status_code == 404
    release_publish(release, "en", author=published["users"]["editor"])
    assert client.get(reverse("photo_file", args=[renditions[0]])).status_code == 200
