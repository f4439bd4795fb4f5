"""The readers' resources: published releases per language, topics, search, cursors, ETags."""

import base64
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config import languages
from records.models import Publication
from records.photos import photo_image_store
from records.reader import ReaderPage
from records.reader.search import search_index_write
from records.services import release_publish, release_write
from records.snapshots import release_snapshot
from tests.helpers import api_client, reader_archive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]

PROBLEM = "application/problem+json"
TOPIC = "japan-russia-relations"


def api(language, *parts, query=""):
    path = "/".join((f"/api/v1/published/{language}", *parts))
    return f"{path}/{query}"


def get(path, **headers):
    return api_client().get(path, **headers)


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def archive(count, release, topic=None, start=0):
    """``count`` more published English releases, copies of ``release``'s page, searchable."""
    template = ReaderPage.objects.get(release=release, language="en")
    reader_archive(count, template, topic or release.topic, start=start)
    for page in ReaderPage.objects.filter(slug__startswith="archive-", language="en").iterator():
        search_index_write(page)


@pytest.fixture
def release(published):
    return published["release"]


@pytest.fixture
def editor(published):
    return published["users"]["editor"]


# --- releases ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", languages.CODES)
def test_each_language_lists_its_published_releases(release, language):
    page = ReaderPage.objects.get(release=release, language=language)
    [entry] = results(get(api(language, "releases")))
    assert entry["language"] == language
    assert (entry["slug"], entry["title"], entry["summary"]) == (
        page.slug,
        page.title,
        page.summary,
    )
    assert entry["date"] == page.date.isoformat()
    assert entry["topic"]["slug"] == TOPIC and entry["topic"]["name"] == page.topic_name
    assert entry["url"] == f"http://testserver/api/v1/published/{language}/releases/{page.slug}/"
    assert entry["page"] == f"http://testserver/{language}/releases/{page.slug}/"
    assert get(entry["topic"]["releases"]).status_code == 200


@pytest.mark.parametrize("language", languages.CODES)
def test_a_release_is_its_reader_page_as_published(release, language):
    page = ReaderPage.objects.get(release=release, language=language)
    body = get(api(language, "releases", release.slug)).json()
    assert body["title"] == page.title and body["html"] == page.body_html
    assert body["segments"] == page.units["segments"]
    assert [photo["caption"] for photo in body["photos"]] == [
        photo["caption"] for photo in page.units["photos"]
    ]
    assert body["photos"][0]["credit"] == page.units["photos"][0]["credit"]
    assert body["photos"][0]["image"] is None
    published = Publication.objects.filter(release=release, language=language).latest("id")
    assert body["revision"] == published.revision.number == 2
    assert body["source_language"] == release.source_language
    # The other languages it is published in, each with its own title and addresses.
    others = [code for code in languages.CODES if code != language]
    assert [version["language"] for version in body["languages"]] == others
    for version in body["languages"]:
        assert (
            version["title"]
            == ReaderPage.objects.get(release=release, language=version["language"]).title
        )
        assert get(version["url"]).json()["language"] == version["language"]
    assert body["lag"] is None


def test_numbered_segments_carry_their_labels_in_each_language(demo):
    slug = demo["release"].slug
    labels = {}
    for code in languages.CODES:
        segments = get(api(code, "releases", slug)).json()["segments"]
        assert segments == ReaderPage.objects.get(slug=slug, language=code).units["segments"]
        labels[code] = [segment["label"] for segment in segments if segment["label"]]
    assert labels["en"] and labels["ja"] and labels["ru"]
    assert labels["en"] != labels["ja"]


def test_readers_get_the_published_revision_not_the_working_copy(release, editor):
    before = get(api("en", "releases", release.slug)).json()
    content = release_snapshot(release)
    content["title"]["en"] = "Draft title"
    content["segments"][0]["text"]["en"] = "A draft sentence."
    release_write(content, author=editor, based_on=release.head_number)
    release.refresh_from_db()
    assert release.head_number == 3
    after = get(api("en", "releases", release.slug)).json()
    assert after == before
    assert "Draft" not in str(results(get(api("en", "releases"))))
    release_publish(release, "en", author=editor)
    published = get(api("en", "releases", release.slug)).json()
    assert published["title"] == "Draft title" and published["revision"] == 3
    assert published["segments"][0]["text"] == "A draft sentence."
    # Japanese readers still read revision 2, and learn that the English moved on.
    japanese = get(api("ja", "releases", release.slug)).json()
    assert japanese["revision"] == 2
    assert japanese["lag"]["language"] == "en" and japanese["lag"]["revision"] == 2


def test_a_photo_with_an_image_gives_its_renditions(release, editor):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1200, 800), (200, 30, 30)).save(out, "PNG")
    name = photo_image_store(SimpleUploadedFile("photo.png", out.getvalue()))
    content = release_snapshot(release)
    content["photos"][0]["image"] = name
    release_write(content, author=editor, based_on=release.head_number)
    release.refresh_from_db()
    assert get(api("en", "releases", release.slug)).json()["photos"][0]["image"] is None
    release_publish(release, "en", author=editor)
    image = get(api("en", "releases", release.slug)).json()["photos"][0]["image"]
    assert (image["width"], image["height"]) == (1200, 800)
    widths = [rendition["width"] for rendition in image["renditions"]]
    assert widths == sorted(widths) and widths[-1] == 1200
    client = api_client()
    for rendition in image["renditions"]:
        response = client.get(rendition["url"].removeprefix("http://testserver"))
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_an_earlier_published_slug_leads_to_the_current_one(release, editor):
    old = release.slug
    content = release_snapshot(release)
    content["slug"] = "summit-hamburg"
    release_write(content, author=editor, based_on=release.head_number, release_id=release.pk)
    release.refresh_from_db()
    release_publish(release, "en", author=editor)
    moved = get(api("en", "releases", old))
    assert moved.status_code == 301
    assert moved["Location"] == "http://testserver" + api("en", "releases", "summit-hamburg")
    # Japanese readers still read the revision published under the old slug.
    assert get(api("ja", "releases", old)).status_code == 200
    back = get(api("ja", "releases", "summit-hamburg"))
    assert back.status_code == 301 and back["Location"].endswith(api("ja", "releases", old))
    english = get(api("en", "releases", "summit-hamburg")).json()
    assert {v["language"]: v["slug"] for v in english["languages"]} == {"ja": old, "ru": old}


# --- topics --------------------------------------------------------------------------------------


def test_topics_have_their_current_names_and_their_releases(release):
    topic = release.topic
    topic.name_ja = "日本とロシア"
    topic.save()
    [entry] = results(get(api("ja", "topics")))
    assert entry["slug"] == TOPIC and entry["name"] == "日本とロシア"
    assert entry["page"] == f"http://testserver/ja/topics/{TOPIC}/"
    listed = results(get(entry["releases"]))
    assert [item["slug"] for item in listed] == [release.slug]


def test_a_topics_releases_are_only_its_own(published, release):
    from records.models import Topic

    other = Topic.objects.create(slug="other-topic", name="Other")
    archive(3, release, other)
    ReaderPage.objects.filter(slug__startswith="archive-").update(topic_slug="other-topic")
    assert [t["slug"] for t in results(get(api("en", "topics")))] == [
        "japan-russia-relations",
        "other-topic",
    ]
    assert [t["slug"] for t in results(get(api("ja", "topics")))] == ["japan-russia-relations"]
    mine = results(get(api("en", "topics", "other-topic", "releases")))
    assert [item["slug"] for item in mine] == ["archive-2", "archive-1", "archive-0"]
    assert [i["slug"] for i in results(get(api("en", "topics", TOPIC, "releases")))] == [
        release.slug
    ]


# --- cursors and query counts ------------------------------------------------------------------


def test_cursors_walk_every_release_once_in_the_readers_order(release):
    archive(45, release)
    expected = list(ReaderPage.objects.in_language("en").values_list("slug", flat=True))
    seen, url, pages = [], api("en", "releases", query="?page_size=20"), 0
    while url:
        body = get(url).json()
        seen += [item["slug"] for item in body["results"]]
        url, pages = body["next"], pages + 1
    assert seen == expected and pages == 3
    last = get(api("en", "releases", query="?page_size=20")).json()
    second = get(last["next"]).json()
    back = get(second["previous"]).json()
    assert [item["slug"] for item in back["results"]] == expected[:20]


def test_a_broken_cursor_is_a_problem_not_an_error(release):
    for cursor in ("garbage", base64.b64encode(b"p=not-a-date").decode()):
        response = get(api("en", "releases", query=f"?cursor={cursor}"))
        assert response.status_code in (400, 404), cursor
        assert response["Content-Type"] == PROBLEM


def _queries(path):
    client = api_client()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200, path
    return len(queries)


READER_PATHS = {
    "releases": (api("en", "releases"), 2),
    "second page": (None, 2),
    "release": (api("en", "releases", "archive-7"), 3),
    "topics": (api("en", "topics"), 2),
    "topic releases": (api("en", "topics", TOPIC, "releases"), 3),
    "search": (api("en", "search", query="?q=leaders"), 2),
}


def test_queries_are_the_same_at_20_and_2000_releases(release, django_assert_num_queries):
    counts = {}
    for size, start in ((20, 0), (2000, 20)):
        archive(size - start, release, start=start)
        assert ReaderPage.objects.filter(language="en").count() == size + 1
        paths = dict(READER_PATHS)
        first = get(api("en", "releases", query="?page_size=5")).json()
        paths["second page"] = (first["next"], 2)
        counts[size] = {}
        for name, (path, expected) in paths.items():
            with django_assert_num_queries(expected):
                assert api_client().get(path).status_code == 200, name
            counts[size][name] = _queries(path)
    assert counts[20] == counts[2000]


# --- conditional GET ----------------------------------------------------------------------------


def test_an_etag_answers_304_until_something_is_published(release, editor):
    path = api("en", "releases")
    first = get(path)
    etag = first["ETag"]
    assert etag and "must-revalidate" in first["Cache-Control"]
    assert "public" in first["Cache-Control"]
    again = get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    assert get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    # Another address (another language, page or format) has an ETag of its own.
    assert get(api("ja", "releases"))["ETag"] != etag
    assert get(path + "?page_size=5")["ETag"] != etag
    assert get(path + "?format=api", HTTP_IF_NONE_MATCH=etag).status_code == 200
    content = release_snapshot(release)
    content["segments"][0]["text"]["en"] = "A newly published sentence."
    release_write(content, author=editor, based_on=release.head_number)
    release.refresh_from_db()
    assert get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304  # a draft changes nothing
    release_publish(release, "en", author=editor)
    fresh = get(path, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh["ETag"] != etag


def test_the_browsable_page_is_not_kept_by_shared_caches(release):
    response = get(api("en", "releases") + "?format=api")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_every_resource_answers_conditionally(release):
    for path in (
        api("ru", "releases", release.slug),
        api("ru", "topics"),
        api("ru", "topics", TOPIC, "releases"),
        api("ru", "search", query="?q=лидеры"),
    ):
        etag = get(path)["ETag"]
        assert get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304, path


# --- search --------------------------------------------------------------------------------------


def test_search_is_the_reader_sites_in_each_language(demo):
    slug = demo["release"].slug
    found = results(get(api("ru", "search", query="?q=территория")))
    assert [r["slug"] for r in found] == [slug]
    assert "<mark>территорий</mark>" in found[0]["snippet"]
    assert [r["slug"] for r in results(get(api("ja", "search", query="?q=首脳")))] == [slug]
    assert results(get(api("ja", "search", query="?q=猫犬"))) == []
    assert results(get(api("en", "search", query="?q=首脳"))) == []


def test_search_filters_by_topic_and_year(release):
    slug = release.slug
    assert [r["slug"] for r in results(get(api("en", "search", query="?q=leaders")))] == [slug]
    for query, expected in (
        ("?q=leaders&year=2017", [slug]),
        ("?q=leaders&year=2016", []),
        ("?q=leaders&topic=other", []),
        (f"?q=leaders&topic={TOPIC}", [slug]),
    ):
        assert [r["slug"] for r in results(get(api("en", "search", query=query)))] == expected


def test_search_pages_by_cursor_best_first(release):
    archive(30, release)
    seen, url = [], api("en", "search", query="?q=leaders&page_size=12")
    while url:
        body = get(url).json()
        seen += [item["slug"] for item in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 31


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("", "q"),
        ("?q=", "q"),
        ("?q=+++", "q"),
        ("?q=x&year=99999", "year"),
        ("?q=x&year=abc", "year"),
        (f"?q={'x' * 201}", "q"),
        ("?q=x&topic=not%20a%20slug", "topic"),
    ],
)
def test_a_search_it_cannot_run_is_refused_clearly(release, query, field):
    response = get(api("en", "search", query=query))
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    body = response.json()
    assert list(body["errors"]) == [field]
    if field == "q" and "x" not in query:
        assert body["detail"] == "Give the words to search for."


def test_odd_search_input_is_searched_as_words_never_an_error(release):
    for language in languages.CODES:
        for query in ('"AND" OR ( NEAR *', "_ a", "x:*", "ア", "'; DROP", "!!!"):
            response = get(api(language, "search"), data={"q": query})
            assert response.status_code == 200, (language, query)
