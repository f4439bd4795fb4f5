"""The readers' resources: what the reader site shows, to anyone, from the read model only.

Every answer is conditional on the read model's version, as reader pages are: a client that
sends the ``ETag`` it has gets ``304 Not Modified`` until something is published. The 404s are
the reader site's: a language never published, a draft's slug or topic, an unknown address.
"""

from django.shortcuts import redirect
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from config import languages
from records.reader.cache import reader_headers, reader_validators
from records.reader.search import search_pages
from records.reader.selectors import (
    TOPIC_NOT_PUBLISHED,
    latest_pages,
    page_lookup,
    reader_lag,
    reader_state,
    reader_topic,
    reader_topics,
    release_pages,
)
from records.reader.text import snippet

from ..problems import CONTENT_TYPE as PROBLEM
from ..problems import ProblemSerializer, Refusal
from .links import Links
from .pagination import LatestCursor, RankedCursor, TopicCursor
from .serializers import (
    ReleaseSerializer,
    ReleaseSummarySerializer,
    SearchResultSerializer,
    TopicSerializer,
)

TAG = "Readers"
LISTED = (
    "id",
    "language",
    "slug",
    "title",
    "date",
    "topic_slug",
    "topic_name",
    "summary",
    "published_at",
)
LANGUAGE = OpenApiParameter(
    "language",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    enum=list(languages.CODES),
    description="The readers' language.",
)
CONDITIONAL = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag of an earlier answer: 304 while nothing was published since.",
)

NOT_MODIFIED = OpenApiResponse(description="Nothing was published since the ETag sent.")
NOT_FOUND = OpenApiResponse(
    ProblemSerializer, description="No such language, release or topic for readers."
)
REFUSED = OpenApiResponse(ProblemSerializer, description="The query is not valid.")
WORDS_NEEDED = gettext_lazy("Give the words to search for.")


def _slug(name, description):
    return OpenApiParameter(name, OpenApiTypes.STR, OpenApiParameter.PATH, description=description)


def language_checked(code):
    """Return ``code`` when it is one of the configured languages; otherwise refuse (404)."""
    if code not in languages.CODES:
        raise NotFound(
            _("There is no language “%(code)s”; releases are published in %(codes)s.")
            % {"code": code, "codes": ", ".join(languages.CODES)}
        )
    return code


class Published(generics.GenericAPIView):
    """A resource of the read model in one language, answered conditionally."""

    permission_classes = [AllowAny]

    def get(self, request, *args, **kwargs):
        self.language = language_checked(kwargs["language"])
        self.links = Links(request, self.language)
        version, modified = reader_state()
        form = request.accepted_renderer.format
        etag, timestamp = reader_validators(version, modified, form, request.get_full_path())
        response = get_conditional_response(request, etag=etag, last_modified=timestamp)
        if response is None:
            response = self.answer(request, *args, **kwargs)
        # The browsable page names the user who reads it: no shared cache keeps it.
        return reader_headers(response, etag, timestamp, public=form == "json")

    def answer(self, request, *args, **kwargs):
        raise NotImplementedError

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "links": self.links}


class PublishedList(Published, generics.ListAPIView):
    def answer(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)


@extend_schema(
    tags=[TAG],
    parameters=[LANGUAGE, CONDITIONAL],
    responses={
        200: ReleaseSummarySerializer(many=True),
        304: NOT_MODIFIED,
        (404, PROBLEM): NOT_FOUND,
    },
)
class ReleaseListView(PublishedList):
    """The releases published in one language, newest first."""

    serializer_class = ReleaseSummarySerializer
    pagination_class = LatestCursor

    def get_queryset(self):
        return latest_pages(self.language).only(*LISTED)


@extend_schema(tags=[TAG], parameters=[LANGUAGE, CONDITIONAL])
class TopicReleaseListView(ReleaseListView):
    """The releases of one topic published in one language, newest first."""

    def answer(self, request, *args, **kwargs):
        self.topic = reader_topic(kwargs["topic"], self.language)
        if self.topic is None:
            raise NotFound(str(TOPIC_NOT_PUBLISHED))
        return super().answer(request, *args, **kwargs)

    def get_queryset(self):
        return latest_pages(self.language, topic_slug=self.topic.slug).only(*LISTED)

    @extend_schema(parameters=[_slug("topic", "The topic's slug.")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(
    tags=[TAG],
    parameters=[LANGUAGE, CONDITIONAL],
    responses={200: TopicSerializer(many=True), 304: NOT_MODIFIED, (404, PROBLEM): NOT_FOUND},
)
class TopicListView(PublishedList):
    """The topics with releases published in one language, by slug, with their current names."""

    serializer_class = TopicSerializer
    pagination_class = TopicCursor

    def get_queryset(self):
        return reader_topics(self.language)


@extend_schema(
    tags=[TAG],
    parameters=[LANGUAGE, CONDITIONAL],
    responses={
        200: ReleaseSerializer,
        301: OpenApiResponse(description="Published under another slug since: go to Location."),
        304: NOT_MODIFIED,
        (404, PROBLEM): NOT_FOUND,
    },
)
class ReleaseDetailView(Published):
    """One release in one language, exactly as published: its text, photos, the revision, and
    the other languages it is published in.

    A slug the release was published under before leads (301) to its current address; a
    release published only in other languages is a 404 that names them (``published_in``).
    """

    serializer_class = ReleaseSerializer

    def answer(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        page, others = page_lookup(slug, self.language)
        if page is None and others is None:
            raise NotFound(_("No release is published at this address."))
        if page is None:
            raise NotPublishedHere(self.published_in(others))
        if page.slug != slug:
            return redirect(self.links.release(page.slug), permanent=True)
        siblings = release_pages(page.release_id)
        context = {
            **self.get_serializer_context(),
            "siblings": siblings,
            "lag": reader_lag(page, siblings),
        }
        return Response(self.get_serializer_class()(page, context=context).data)

    def published_in(self, rows):
        versions = []
        for code, row in rows.items():
            links = Links(self.request, code)
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

    @extend_schema(parameters=[_slug("slug", "The release's slug in this language.")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class NotPublishedHere(Refusal):
    """A release readers of other languages have: the problem names where it is published."""

    status_code = NotFound.status_code
    default_code = NotFound.default_code

    def __init__(self, versions):
        super().__init__(
            _("This release is not published in this language."), extra={"published_in": versions}
        )


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=200,
        help_text="The words to search for.",
        error_messages={"required": WORDS_NEEDED, "blank": WORDS_NEEDED},
    )
    topic = serializers.SlugField(required=False, help_text="Only releases of this topic.")
    year = serializers.IntegerField(
        required=False, min_value=1000, max_value=9999, help_text="Only releases of this year."
    )


@extend_schema(
    tags=[TAG],
    parameters=[LANGUAGE, CONDITIONAL, SearchQuerySerializer],
    responses={
        200: SearchResultSerializer(many=True),
        304: NOT_MODIFIED,
        (400, PROBLEM): REFUSED,
        (404, PROBLEM): NOT_FOUND,
    },
)
class SearchView(PublishedList):
    """Search the releases published in one language, best match first (the reader site's
    search: Russian finds inflected forms, Japanese two-character words)."""

    serializer_class = SearchResultSerializer
    pagination_class = RankedCursor

    def answer(self, request, *args, **kwargs):
        params = SearchQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        self.params = params.validated_data
        return super().answer(request, *args, **kwargs)

    def get_queryset(self):
        params = self.params
        pages = latest_pages(
            self.language, topic_slug=params.get("topic"), year=params.get("year")
        ).only(*LISTED, "body_text")
        return search_pages(pages, self.language, params["q"])

    def paginate_queryset(self, queryset):
        results = super().paginate_queryset(queryset)
        for result in results:
            result.snippet = snippet(self.language, self.params["q"], result.body_text)
        return results
