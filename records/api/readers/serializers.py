"""What the readers' resources answer: the read model's rows as JSON, with their addresses.

The serializers read ``ReaderPage`` rows (and the dicts of their ``units``) only; the context
carries ``links`` (:class:`.links.Links` of the page's language) and, for one release, the
``siblings`` (``{language: row}`` of ``release_pages``) and ``lag`` (``reader_lag``).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config import languages
from records.reader.selectors import topic_name
from records.vocabulary import SegmentKind

from .links import Links

LANGUAGE_CHOICES = languages.choices()


class TopicRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(help_text="The topic's name as published with the release.")
    releases = serializers.URLField(help_text="The topic's releases in this language (API).")
    page = serializers.URLField(help_text="The topic's page on the reader site.")


class ReleaseSummarySerializer(serializers.Serializer):
    """A release as lists show it."""

    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES)
    slug = serializers.SlugField()
    title = serializers.CharField()
    date = serializers.DateField()
    topic = serializers.SerializerMethodField()
    summary = serializers.CharField(help_text="The first paragraph, shortened.")
    published_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField(help_text="This release in this language (API).")
    page = serializers.SerializerMethodField(help_text="Its page on the reader site.")

    @property
    def links(self):
        return self.context["links"]

    @extend_schema_field(TopicRefSerializer)
    def get_topic(self, page):
        return {
            "slug": page.topic_slug,
            "name": page.topic_name,
            "releases": self.links.topic_releases(page.topic_slug),
            "page": self.links.topic_page(page.topic_slug),
        }

    @extend_schema_field(serializers.URLField())
    def get_url(self, page):
        return self.links.release(page.slug)

    @extend_schema_field(serializers.URLField())
    def get_page(self, page):
        return self.links.release_page(page.slug)


class SearchResultSerializer(ReleaseSummarySerializer):
    snippet = serializers.CharField(
        help_text="HTML: an excerpt around the first match, matches in <mark>, the rest escaped."
    )


class SegmentSerializer(serializers.Serializer):
    key = serializers.UUIDField(help_text="Stable across revisions and languages.")
    kind = serializers.ChoiceField(choices=SegmentKind.choices)
    level = serializers.IntegerField()
    label = serializers.CharField(
        allow_blank=True, help_text="The marker in this language's style (“1.”, “(ア)”, “а)”)."
    )
    text = serializers.CharField(allow_blank=True)


class RenditionSerializer(serializers.Serializer):
    width = serializers.IntegerField()
    url = serializers.URLField()


class ImageSerializer(serializers.Serializer):
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    renditions = RenditionSerializer(many=True, help_text="JPEG files, narrowest first.")


class PhotoSerializer(serializers.Serializer):
    key = serializers.UUIDField()
    caption = serializers.CharField(allow_blank=True)
    credit = serializers.CharField(allow_blank=True)
    image = serializers.SerializerMethodField()

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_image(self, photo):
        image = photo.get("image")
        if not image:
            return None
        links = self.context["links"]
        return {
            "width": image["width"],
            "height": image["height"],
            "renditions": [
                {"width": width, "url": links.photo(name)} for width, name in image["renditions"]
            ],
        }


class LanguageVersionSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES)
    slug = serializers.SlugField()
    title = serializers.CharField()
    url = serializers.URLField()
    page = serializers.URLField()


class LagSerializer(serializers.Serializer):
    language = serializers.ChoiceField(
        choices=LANGUAGE_CHOICES, help_text="The source language, published in a newer revision."
    )
    revision = serializers.IntegerField(help_text="The revision this translation follows.")
    date = serializers.DateField(help_text="That revision's date.")


class ReleaseSerializer(ReleaseSummarySerializer):
    """One release in one language, as published."""

    source_language = serializers.ChoiceField(choices=LANGUAGE_CHOICES)
    revision = serializers.IntegerField(
        source="revision_number", help_text="The number of the published revision."
    )
    segments = serializers.SerializerMethodField()
    photos = serializers.SerializerMethodField()
    html = serializers.CharField(
        source="body_html", help_text="The body as the reader page renders it."
    )
    languages = serializers.SerializerMethodField()
    lag = serializers.SerializerMethodField()

    @extend_schema_field(SegmentSerializer(many=True))
    def get_segments(self, page):
        return SegmentSerializer(page.units["segments"], many=True).data

    @extend_schema_field(PhotoSerializer(many=True))
    def get_photos(self, page):
        return PhotoSerializer(page.units["photos"], many=True, context=self.context).data

    @extend_schema_field(LanguageVersionSerializer(many=True))
    def get_languages(self, page):
        """The other languages this release is published in, in the configured order."""
        request = self.context["links"].request
        versions = []
        for code, row in self.context["siblings"].items():
            if code == page.language:
                continue
            links = Links(request, code)
            versions.append(
                {
                    "language": code,
                    "slug": row["slug"],
                    "title": row["title"],
                    "url": links.release(row["slug"]),
                    "page": links.release_page(row["slug"]),
                }
            )
        return versions

    @extend_schema_field(LagSerializer(allow_null=True))
    def get_lag(self, page):
        lag = self.context.get("lag")
        if lag is None:
            return None
        return LagSerializer(
            {"language": lag["language"], "revision": lag["number"], "date": lag["date"]}
        ).data


class TopicSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.SerializerMethodField(help_text="The topic's current name.")
    releases = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField())
    def get_name(self, topic):
        return topic_name(topic, self.context["links"].language)

    @extend_schema_field(serializers.URLField())
    def get_releases(self, topic):
        return self.context["links"].topic_releases(topic.slug)

    @extend_schema_field(serializers.URLField())
    def get_page(self, topic):
        return self.context["links"].topic_page(topic.slug)
