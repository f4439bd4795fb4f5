"""Atom feeds as a feed reader reads them (feedparser), one per language and per topic, and
the autodiscovery links every reader page carries to them."""

from html.parser import HTMLParser

import feedparser
import pytest
from django.urls import reverse
from django.utils import translation

from config import languages
from records.reader import ReaderPage
from tests.helpers import reader_archive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]

TOPIC = "japan-russia-relations"
SERVER = "http://testserver"
TITLES = {
    "en": ("Concord press releases", "Concord press releases: {topic}"),
    "ja": ("Concord 報道発表", "Concord 報道発表：{topic}"),
    "ru": ("Пресс-релизы Concord", "Пресс-релизы Concord: {topic}"),
}


def url(name, language, *args, query=""):
    with translation.override(language):
        return reverse(name, args=args) + query


def feed_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def feeds_of(language, topic):
    """The feeds a page of ``topic`` (or of no topic) offers: (path, title), most specific
    first."""
    site, on_topic = TITLES[language]
    offered = [(url("records:feed", language), site)]
    if topic:
        offered.insert(
            0, (url("records:topic_feed", language, TOPIC), on_topic.format(topic=topic))
        )
    return offered


@pytest.mark.parametrize("language", languages.CODES)
@pytest.mark.parametrize("on_topic", [False, True], ids=["site", "topic"])
def test_every_feed_is_valid_atom_in_its_language(client, demo, language, on_topic):
    page = ReaderPage.objects.get(language=language, release=demo["release"])
    path, title = feeds_of(language, page.topic_name if on_topic else "")[0]
    feed = feed_of(client, path)
    assert feed.feed.language == language
    assert feed.feed.title == title
    # Atom's required author (of the feed, so of every entry): the site.
    assert feed.feed.author_detail.name == "Concord"
    assert {link.rel: link.href for link in feed.feed.links} == {
        "alternate": SERVER
        + (
            url("records:topic", language, TOPIC)
            if on_topic
            else url("records:release_list", language)
        ),
        "self": SERVER + path,
    }
    (entry,) = feed.entries
    assert entry.title == page.title
    assert entry.link == SERVER + url("records:release_detail", language, page.slug)
    assert entry.updated_parsed[:6] == page.published_at.utctimetuple()[:6]
    assert entry.summary == page.summary
    assert feed.feed.updated_parsed == entry.updated_parsed


def test_a_feed_lists_its_language_newest_first_and_no_other(client, demo):
    template = ReaderPage.objects.get(language="ru", release=demo["release"])
    reader_archive(3, template, demo["release"].topic)
    feed = feed_of(client, url("records:feed", "ru"))
    assert feed.feed.language == "ru"
    pages = list(ReaderPage.objects.filter(language="ru").order_by("-date"))
    assert [entry.title for entry in feed.entries] == [page.title for page in pages]
    assert [entry.link for entry in feed.entries] == [
        SERVER + url("records:release_detail", "ru", page.slug) for page in pages
    ]
    assert "ja" not in {entry.get("language", "ru") for entry in feed.entries}
    assert feed_of(client, url("records:feed", "ja")).entries[0].title == (
        ReaderPage.objects.get(language="ja").title
    )


class _FeedLinks(HTMLParser):
    """Collect a page's autodiscovery links: ``<link rel="alternate" type="…atom+xml">``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.feeds = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("type") == "application/atom+xml":
            assert attrs.get("rel") == "alternate"
            self.feeds.append((attrs.get("href"), attrs.get("title")))


def autodiscovered(content):
    parser = _FeedLinks()
    parser.feed(content.decode())
    return parser.feeds


@pytest.mark.parametrize("language", languages.CODES)
@pytest.mark.parametrize(
    ("name", "args", "query", "has_topic"),
    [
        ("records:release_list", (), "", False),
        ("records:release_list", (), "?page=2", False),
        ("records:topic", (TOPIC,), "", True),
        ("records:release_detail", ("{slug}",), "", False),
        ("records:release_compare", ("{slug}",), "", False),
        ("records:search", (), "", False),
        ("records:search", (), "?q=summit", False),
    ],
    ids=["home", "home page 2", "topic", "release", "compare", "search", "search results"],
)
def test_every_reader_page_offers_its_feeds(client, demo, language, name, args, query, has_topic):
    page = ReaderPage.objects.get(language=language, release=demo["release"])
    args = [arg.format(slug=page.slug) for arg in args]
    response = client.get(url(name, language, *args, query=query))
    assert response.status_code == 200
    offered = autodiscovered(response.content)
    assert offered == feeds_of(language, page.topic_name if has_topic else "")
    for path, title in offered:
        feed = feed_of(client, path)
        assert (feed.feed.language, feed.feed.title) == (language, title)


def test_a_page_not_published_in_this_language_still_offers_the_feed(client, demo):
    response = client.get(url("records:release_detail", "en", "no-such-release"))
    assert response.status_code == 404
    assert autodiscovered(response.content) == feeds_of("en", "")
