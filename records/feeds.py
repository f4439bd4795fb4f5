"""Atom feeds of the releases published in each language, and of each topic."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .reader.cache import reader_page
from .reader.selectors import TOPIC_NOT_PUBLISHED, latest_pages, reader_topic, topic_name

FEED_SIZE = 30


def reader_feed(feed):
    """Return ``feed`` as a view cached and revalidated like every reader page."""
    return reader_page(feed)


class LatestReleasesFeed(Feed):
    feed_type = Atom1Feed
    # Django reads ``language`` as a value, never calling it, and writes the active language
    # (the URL's) when it is None: one feed object serves every language.
    language = None

    def get_object(self, request, **kwargs):
        return None

    def title(self, obj):
        return _("Concord press releases")

    def subtitle(self, obj):
        return _("The newest press releases published in this language.")

    # Atom wants an author for the feed (or every entry): the site that publishes them.
    def author_name(self, obj):
        return _("Concord")

    def link(self, obj):
        return reverse("records:release_list")

    def feed_url(self, obj):
        return reverse("records:feed")

    def _pages(self, obj):
        return latest_pages(get_language())

    def items(self, obj):
        return self._pages(obj).listed()[:FEED_SIZE]

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return reverse("records:release_detail", args=[page.slug])

    def item_pubdate(self, page):
        return page.published_at

    def item_updateddate(self, page):
        return page.published_at

    def item_categories(self, page):
        return [page.topic_name] if page.topic_name else []


class TopicReleasesFeed(LatestReleasesFeed):
    def get_object(self, request, slug):
        topic = reader_topic(slug, get_language())
        if topic is None:
            raise Http404(TOPIC_NOT_PUBLISHED)
        return topic

    def _name(self, topic):
        return topic_name(topic, get_language())

    def title(self, topic):
        return _("Concord press releases: %(topic)s") % {"topic": self._name(topic)}

    def subtitle(self, topic):
        return _("The newest press releases on %(topic)s.") % {"topic": self._name(topic)}

    def link(self, topic):
        return reverse("records:topic", args=[topic.slug])

    def feed_url(self, topic):
        return reverse("records:topic_feed", args=[topic.slug])

    def _pages(self, topic):
        return latest_pages(get_language(), topic_slug=topic.slug)
