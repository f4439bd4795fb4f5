"""The topic of an imported text: the one its breadcrumb names, or the default topic.

A breadcrumb matches an existing topic by slug or by its name in any language, the file's
own language first ("ロシア連邦" finds the topic whose Japanese name it is). A name that
matches none makes a new topic, its slug written in ASCII (Japanese romanised, Russian
transliterated; :mod:`records.slugs`) and kept unique: another topic's slug is never taken
over by a name that only sounds the same. A file that names no topic goes to the default
topic (``settings.CONCORD_DEFAULT_TOPIC``), created with its names in every language when
missing; a breadcrumb that names it ("Press Releases", "報道発表") finds it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy

from config import languages

from ..models import Topic
from ..romaji import has_japanese
from ..slugs import slug_from
from .errors import ReleaseContentError

TOPIC_WITHOUT_SLUG = gettext_lazy(
    "line 1: the topic “%(name)s” gives no ASCII slug (it has no letters to write one with); "
    "pass --topic with a topic's slug or name"
)
DEFAULT_TOPIC_NOTE = gettext_lazy(
    "The file names no topic (no breadcrumb): the release is filed under the default topic "
    "“%(slug)s”."
)


@dataclass(frozen=True)
class TopicChoice:
    """The topic a text goes to: its slug, the names to give it (blank names only are
    filled), and whether it is the default topic because the file named none."""

    slug: str
    names: dict = field(default_factory=dict)
    default: bool = False

    @property
    def note(self):
        """Return what the import report says about the topic ("" when nothing)."""
        return str(DEFAULT_TOPIC_NOTE % {"slug": self.slug}) if self.default else ""


def _default_choice(named=False):
    names = {code: name for code, name in settings.CONCORD_DEFAULT_TOPIC_NAMES.items() if name}
    return TopicChoice(settings.CONCORD_DEFAULT_TOPIC, names, default=not named)


def _names_default(name):
    folded = name.casefold()
    return any(
        folded == other.casefold() for other in settings.CONCORD_DEFAULT_TOPIC_NAMES.values()
    )


def _existing(name, source):
    """Return the topic named ``name`` (a slug, or a name in any language, ``source``'s
    first), or None."""
    found = Topic.objects.filter(slug=name).first()
    order = [source, *(code for code in languages.CODES if code != source)]
    for code in order:
        found = found or Topic.objects.filter(**{f"name_{code}__iexact": name}).first()
    return found


def _free_topic_slug(slug, name, source):
    """Return ``slug``, or with the first free suffix when a topic named otherwise in
    ``source`` holds it (two Japanese names may romanise alike: 公使 and 行使)."""
    max_length = Topic._meta.get_field("slug").max_length
    candidate, suffix = slug, 1
    while True:
        taken = Topic.objects.filter(slug=candidate).first()
        current = getattr(taken, f"name_{source}", "") if taken else ""
        if taken is None or not current or current.casefold() == name.casefold():
            return candidate
        suffix += 1
        candidate = f"{slug[: max_length - len(str(suffix)) - 1].rstrip('-')}-{suffix}"


def topic_for_text(parsed, topic=None, release=None, source=None):
    """Return the :class:`TopicChoice` of a parsed text in ``source``: ``topic`` (a slug or
    a name) if given, else its breadcrumb's, else ``release``'s topic, else the default."""
    source = source or languages.DEFAULT_SOURCE
    name = (topic or parsed.topic or "").strip()
    if not name:
        if release is not None:
            return TopicChoice(release.topic.slug)
        return _default_choice()
    found = _existing(name, source)
    if found is not None:
        # The breadcrumb fills the topic's name in the text's language if it has none.
        breadcrumb = parsed.topic if not topic else ""
        return TopicChoice(found.slug, {source: breadcrumb} if breadcrumb else {})
    if name == settings.CONCORD_DEFAULT_TOPIC or _names_default(name):
        return _default_choice(named=True)
    if topic and slug_from(topic) == topic:
        # A new topic named by its slug: the breadcrumb (if any) gives its name.
        return TopicChoice(topic, {source: parsed.topic or topic})
    slug = slug_from(name, Topic._meta.get_field("slug").max_length)
    if not slug:
        raise ReleaseContentError(TOPIC_WITHOUT_SLUG % {"name": name})
    if has_japanese(name):
        slug = _free_topic_slug(slug, name, source)
    return TopicChoice(slug, {source: name})
