"""The reader site: pages per language, 404 rules, hreflang, feeds, sitemap, search, caching."""

import uuid
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from config import languages
from records.reader import ReaderPage, reader_rebuild
from records.services import release_publish, release_write
from records.snapshots import release_snapshot
from records.views import compare_rows
from tests.helpers import reader_archive, run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
TOPIC = "japan-russia-relations"


def url(name, language, *args, query=""):
    with translation.override(language):
        return reverse(name, args=args) + query


@pytest.fixture
def slug(published):
    """The slug of a release published in every language (tests.scenarios)."""
    return published["release"].slug


@pytest.fixture
def demo_slug(demo):
    """The slug of the demo release, for the tests that read its text."""
    return demo["release"].slug


@pytest.fixture
def second(published):
    """Return a function that writes a copy of the published release (English only, unpublished)."""
    editor = published["users"]["editor"]

    def write(slug="second-release"):
        content = release_snapshot(published["release"])
        content["slug"] = slug
        for item in content["segments"] + content["photos"]:
            item["key"] = str(uuid.uuid4())
        for unit in [content["title"], *(s["text"] for s in content["segments"])]:
            for code in languages.targets():
                unit[code] = ""
        return release_write(content, author=editor).release

    return write


@pytest.mark.parametrize("language", languages.CODES)
@pytest.mark.parametrize(
    "name, needs_slug",
    [
        ("records:release_list", False),
        ("records:release_detail", True),
        ("records:release_compare", True),
        ("records:topic", "topic"),
    ],
)
def test_every_page_in_every_language(client, slug, language, name, needs_slug):
    args = [] if not needs_slug else [TOPIC if needs_slug == "topic" else slug]
    response = client.get(url(name, language, *args))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert '<main id="content"' in page and "<header" in page and "<footer" in page
    assert 'rel="canonical"' in page


def test_release_page_links_its_topic_and_shows_the_published_topic_name(client, slug):
    page = client.get(url("records:release_detail", "ja", slug)).content.decode()
    topic_url = url("records:topic", "ja", TOPIC)
    assert page.count(f'href="{topic_url}"') == 2  # breadcrumb and "Back to …"
    assert '<article class="release" lang="ja"' in page
    assert "日露関係" in page


def test_topic_page_lists_its_releases_and_uses_the_current_topic_name(client, slug, published):
    topic = published["release"].topic
    topic.name_en = "Japan and Russia"
    topic.save()
    response = client.get(url("records:topic", "en", TOPIC))
    page = response.content.decode()
    assert "<h1>Japan and Russia</h1>" in page
    assert url("records:release_detail", "en", slug) in page
    assert client.get(url("records:topic", "en", "no-such-topic")).status_code == 404


def test_unknown_slug_is_a_plain_404(client, published):
    response = client.get(url("records:release_detail", "ja", "no-such-release"))
    assert response.status_code == 404
    assert "language-versions" not in response.content.decode()


def test_release_not_published_in_this_language_links_where_it_is(client, seed_release, editor):
    release_publish(seed_release, "en", author=editor)
    for name in ("records:release_detail", "records:release_compare"):
        response = client.get(url(name, "ja", seed_release.slug))
        assert response.status_code == 404
        page = response.content.decode()
        assert 'class="language-versions"' in page
        assert f'href="{url(name, "en", seed_release.slug)}" hreflang="en"' in page
        assert 'hreflang="ru"' not in page.split("language-versions")[1]


def test_a_published_slug_leads_to_the_current_one(client, published):
    release, editor = published["release"], published["users"]["editor"]
    old = release.slug
    content = release_snapshot(release)
    content["slug"] = "summit-hamburg"
    release_write(content, author=editor, based_on=release.head_number, release_id=release.pk)
    release.refresh_from_db()
    release_publish(release, "en", author=editor)
    moved = client.get(url("records:release_detail", "en", old))
    assert moved.status_code == 301
    assert moved["Location"] == url("records:release_detail", "en", "summit-hamburg")
    # Japanese readers still read the revision published under the old slug.
    assert client.get(url("records:release_detail", "ja", old)).status_code == 200
    back = client.get(url("records:release_detail", "ja", "summit-hamburg"))
    assert back.status_code == 301 and back["Location"] == url("records:release_detail", "ja", old)
    # The switcher of each language links that language's own slug.
    page = client.get(url("records:release_detail", "en", "summit-hamburg")).content.decode()
    assert f'href="{url("records:release_detail", "ja", old)}" hreflang="ja"' in page


def test_switcher_and_hreflang_name_only_published_languages(client, seed_release, editor):
    release_publish(seed_release, "en", author=editor)
    response = client.get(url("records:release_detail", "en", seed_release.slug))
    page = response.content.decode()
    switcher = page.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'hreflang="en"' in switcher
    assert 'hreflang="ja"' not in switcher and 'hreflang="ru"' not in switcher
    en = f"http://testserver{url('records:release_detail', 'en', seed_release.slug)}"
    assert f'<link rel="alternate" hreflang="en" href="{en}">' in page
    assert f'<link rel="alternate" hreflang="x-default" href="{en}">' in page
    assert '<link rel="alternate" hreflang="ja"' not in page
    assert "compare" not in switcher


def test_release_head_has_title_description_canonical_and_opengraph(client, demo_slug):
    page = client.get(url("records:release_detail", "ru", demo_slug)).content.decode()
    canonical = f"http://testserver{url('records:release_detail', 'ru', demo_slug)}"
    assert "<title>Российско-японская встреча на высшем уровне — Concord</title>" in page
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert f'<meta property="og:url" content="{canonical}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta name="description" content="В ходе встречи' in page
    for code in languages.CODES:
        assert f'<link rel="alternate" hreflang="{code}"' in page


def test_release_page_has_hanging_labels_and_a_compare_link(client, demo_slug):
    page = client.get(url("records:release_detail", "ru", demo_slug)).content.decode()
    assert '<p class="segment item level-' in page and "labelled" in page
    assert '<span class="label">а)</span>' in page
    assert url("records:release_compare", "ru", demo_slug) in page


def test_side_by_side_rows_stay_aligned(client, slug):
    response = client.get(url("records:release_compare", "ja", slug))
    page = response.content.decode()
    pages = response.context["pages"]
    assert [p.language for p in pages] == ["ja", "en", "ru"]
    rows = response.context["rows"]
    assert all(len(row["cells"]) == 3 and all(row["cells"]) for row in rows)
    segments = pages[0].units["segments"]
    assert len(rows) == 1 + len(pages[0].units["photos"]) + len(segments)
    # One table row per unit, each cell in its own language.
    assert page.count("<tr class=") == len(rows)
    assert page.count('<td lang="ru" ') == len(rows)
    # The interface is the reader's (Japanese) one; headers name each language in itself.
    assert 'lang="en">English' in page and 'lang="ru">Русский' in page


def test_compare_rows_keep_units_only_one_version_has():
    def version(language, keys):
        return ReaderPage(
            language=language,
            title=language,
            units={
                "photos": [],
                "segments": [{"key": key, "kind": "paragraph", "text": key} for key in keys],
            },
        )

    rows = compare_rows([version("ja", ["a", "b"]), version("en", ["a", "c", "b"])])
    assert [row["key"] for row in rows] == ["title", "a", "b", "c"]
    assert rows[3]["cells"][0] is None and rows[3]["cells"][1]["text"] == "c"


def test_home_is_paginated_in_the_database(client, published):
    template = ReaderPage.objects.get(language="en")
    reader_archive(45, template, published["release"].topic)
    first = client.get("/en/")
    assert len(first.context["entries"].object_list) == 20
    third = client.get("/en/?page=3")
    assert len(third.context["entries"].object_list) == 6
    assert 'rel="prev"' in third.content.decode()


@pytest.mark.parametrize("count", [10, 1000])
def test_reader_pages_use_constant_queries(client, published, count, django_assert_max_num_queries):
    template = ReaderPage.objects.get(language="en")
    reader_archive(count, template, published["release"].topic)
    pages = {
        "/en/": 3,
        "/en/?page=2": 3,
        url("records:topic", "en", TOPIC): 4,
        url("records:release_detail", "en", "archive-7"): 3,
        url("records:release_compare", "en", published["release"].slug): 4,
        url("records:feed", "en"): 2,
        url("records:topic_feed", "en", TOPIC): 3,
        url("records:search", "en", query="?q=summit"): 6,
    }
    for path, queries in pages.items():
        with django_assert_max_num_queries(queries):
            assert client.get(path).status_code == 200, path


def test_dates_are_written_in_each_language(client, slug):
    assert "July 7, 2017" in client.get(url("records:release_detail", "en", slug)).content.decode()
    assert "2017年7月7日" in client.get(url("records:release_detail", "ja", slug)).content.decode()
    assert "7 июля 2017" in client.get(url("records:release_detail", "ru", slug)).content.decode()


# --- feeds and the sitemap -------------------------------------------------------------------


@pytest.mark.parametrize("language", languages.CODES)
def test_atom_feeds_per_language_and_topic(client, slug, language):
    for path in (url("records:feed", language), url("records:topic_feed", language, TOPIC)):
        response = client.get(path)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 1
        link = entries[0].find(f"{ATOM}link").get("href")
        assert link.endswith(url("records:release_detail", language, slug))
        assert (
            entries[0].find(f"{ATOM}title").text == ReaderPage.objects.get(language=language).title
        )


def test_sitemap_lists_each_version_with_its_alternates(client, second, published):
    seed_release = second()
    release_publish(seed_release, "en", author=published["users"]["editor"])
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {
        entry.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")
        }
        for entry in ET.fromstring(response.content).findall(f"{SITEMAP}url")
    }
    published_ja = (
        f"http://testserver{url('records:release_detail', 'ja', published['release'].slug)}"
    )
    assert set(urls[published_ja]) == {"en", "ja", "ru", "x-default"}
    seed_en = f"http://testserver{url('records:release_detail', 'en', seed_release.slug)}"
    assert urls[seed_en] == {"en": seed_en, "x-default": seed_en}
    assert f"http://testserver{url('records:release_detail', 'ja', seed_release.slug)}" not in urls


# --- search ----------------------------------------------------------------------------------


def search(client, language, query, **filters):
    params = "&".join(f"{name}={value}" for name, value in {"q": query, **filters}.items())
    return client.get(url("records:search", language, query=f"?{params}"))


def test_russian_search_finds_an_inflected_form(client, demo_slug):
    # The text says "северных территорий" and "мирного договора".
    for query in ("территория", "мирный договор", "Территории"):
        response = search(client, "ru", query)
        results = response.context["results"]
        assert [r.slug for r in results] == [demo_slug], query
    page = search(client, "ru", "территория").content.decode()
    assert "<mark>территорий</mark>" in page
    assert list(search(client, "ru", "космонавт").context["results"]) == []


def test_japanese_search_finds_a_two_character_word(client, demo_slug):
    response = search(client, "ja", "首脳")
    assert [r.slug for r in response.context["results"]] == [demo_slug]
    assert "<mark>首脳</mark>" in response.content.decode()
    assert [r.slug for r in search(client, "ja", "北方四島").context["results"]] == [demo_slug]
    assert list(search(client, "ja", "猫犬").context["results"]) == []
    # The English text does not answer Japanese readers.
    assert list(search(client, "en", "首脳").context["results"]) == []


def test_english_search_ranks_and_filters_by_topic_and_year(client, slug):
    assert [r.slug for r in search(client, "en", "summits").context["results"]] == [slug]
    assert [r.slug for r in search(client, "en", "summit", year=2017).context["results"]] == [slug]
    assert list(search(client, "en", "summit", year=2016).context["results"]) == []
    assert list(search(client, "en", "summit", topic="other").context["results"]) == []
    assert [r.slug for r in search(client, "en", "summit", topic=TOPIC).context["results"]] == [
        slug
    ]


def test_search_without_words_shows_the_form(client, published):
    response = search(client, "en", "")
    assert response.status_code == 200 and response.context["results"] is None
    assert list(search(client, "en", "!!!").context["results"]) == []
    # Odd input is searched as words, never an error.
    for language in languages.CODES:
        for query in ('"AND" OR ( NEAR *', "_ a", "x:*", "ア", "'; DROP"):
            assert search(client, language, query, year=99999).status_code == 200


# --- caching and the read model --------------------------------------------------------------


def test_conditional_get_answers_304_until_a_publish(client, published, second):
    seed_release, editor = second(), published["users"]["editor"]
    first = client.get("/en/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/en/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/en/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    release_publish(seed_release, "en", author=editor)
    fresh = client.get("/en/", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    assert seed_release.slug in fresh.content.decode()


def test_cached_page_is_served_until_a_publish(
    client, published, second, django_assert_max_num_queries
):
    seed_release, editor = second(), published["users"]["editor"]
    assert client.get("/en/").context is not None
    with django_assert_max_num_queries(1):
        cached = client.get("/en/")
    assert cached.status_code == 200 and seed_release.slug not in cached.content.decode()
    release_publish(seed_release, "en", author=editor)
    assert seed_release.slug in client.get("/en/").content.decode()


def test_rebuild_reader_is_idempotent(published):
    fields = [
        "release_id",
        "language",
        "slug",
        "title",
        "body_html",
        "body_text",
        "units",
        "search_lemmas",
        "search_bigrams",
        "publication_id",
        "source_checksum",
    ]
    written = list(ReaderPage.objects.order_by("release_id", "language").values(*fields))
    assert len(written) == len(languages.CODES)
    assert "Rebuilt 3 reader pages." in run("rebuild_reader")
    assert list(ReaderPage.objects.order_by("release_id", "language").values(*fields)) == written
    assert reader_rebuild() == 3
    assert list(ReaderPage.objects.order_by("release_id", "language").values(*fields)) == written


def test_search_still_works_after_a_rebuild(client, slug):
    reader_rebuild()
    assert [r.slug for r in search(client, "ja", "首脳").context["results"]] == [slug]
