"""Releases: the list with each language's state, one release, its revisions, the diff of two
revisions, and publishing a language version.

The list reads what the editor's dashboard reads (``records.dashboard``: the revision readers
see, the unit counts per state, what blocks publishing), a page at a time in a constant number
of queries. Publishing goes through ``release_publish``, the admin's publish: the editor's
permission and the review gate are its own.
"""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from config import languages
from records.api.pagination import Cursor
from records.dashboard import release_cells, with_publication_state
from records.models import REVISION_NUMBER_MAX, Publication, Release, Topic
from records.selectors import (
    RevisionMissing,
    publication_readiness,
    publications_current_ids,
    release_history,
    revision_get,
    revision_pair,
)
from records.services import release_publish
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

from . import schemas
from .access import STAFF, language_check, release_get
from .errors import body_of, refuse, service_errors
from .shapes import diff_data, release_data, release_links, revision_data, state_name

STATES = {state_name(state): state for state in UnitState}
PUBLICATION = ("waiting", "current")


def _language_param(request):
    code = request.query_params.get("language")
    if code is not None and code not in languages.CODES:
        refuse(
            "language",
            _("unknown language “%(language)s” (expected one of %(known)s)")
            % {"language": code[:20], "known": ", ".join(languages.CODES)},
        )
    return code


class ReleaseListView(generics.GenericAPIView):
    permission_classes = STAFF

    @extend_schema(
        operation_id="releases_list",
        summary="Releases with each language's state",
        parameters=[
            OpenApiParameter("topic", str, description="A topic's slug."),
            OpenApiParameter(
                "state",
                str,
                enum=list(STATES),
                description="Releases with a unit in this state (in ``language`` if given).",
            ),
            OpenApiParameter("language", str, enum=list(languages.CODES)),
            OpenApiParameter(
                "publication",
                str,
                enum=list(PUBLICATION),
                description="waiting: some language's readers do not see the newest revision; "
                "current: every language's readers see it.",
            ),
        ],
        responses=schemas.answers(schemas.ReleaseOut(many=True), 400),
    )
    def get(self, request):
        releases = self.filtered(with_publication_state(Release.objects.select_related("topic")))
        page = self.paginate_queryset(releases)
        rows = release_cells(page)
        return self.get_paginated_response([release_data(row, request) for row in rows])

    def filtered(self, releases):
        params = self.request.query_params
        if "topic" in params:
            slug = params["topic"]
            if not Topic.objects.filter(slug=slug).exists():
                refuse("topic", _("There is no topic “%(slug)s”.") % {"slug": slug[:100]})
            releases = releases.filter(topic__slug=slug)
        code = _language_param(self.request)
        if "state" in params:
            name = params["state"]
            if name not in STATES:
                refuse(
                    "state",
                    _("There is no unit state “%(name)s” (states: %(names)s).")
                    % {"name": name[:40], "names": ", ".join(STATES)},
                )
            units = UnitStatus.objects.filter(release=OuterRef("pk"), state=STATES[name])
            if code is not None:
                units = units.filter(language=code)
            releases = releases.filter(Exists(units))
        if "publication" in params:
            name = params["publication"]
            if name not in PUBLICATION:
                refuse(
                    "publication",
                    _("There is no publication filter “%(name)s” (choose %(names)s).")
                    % {"name": name[:40], "names": ", ".join(PUBLICATION)},
                )
            releases = releases.filter(waiting_since__isnull=name == "current")
        return releases


class ReleaseView(APIView):
    permission_classes = STAFF

    @extend_schema(
        operation_id="releases_retrieve",
        summary="One release: each language's state, what blocks publishing, its resources",
        responses=schemas.answers(schemas.ReleaseDetailOut),
    )
    def get(self, request, release_id):
        release = release_get(release_id)
        annotated = with_publication_state(Release.objects.select_related("topic")).get(
            pk=release.pk
        )
        data = release_data(release_cells([annotated])[0], request)
        head = revision_get(release)
        data["readiness"] = publication_readiness(release, head) if head is not None else {}
        data["links"] = release_links(release, request)
        return Response(data)


class RevisionCursor(Cursor):
    ordering = "-number"


class RevisionListView(generics.GenericAPIView):
    permission_classes = STAFF
    pagination_class = RevisionCursor

    @extend_schema(
        operation_id="releases_revisions_list",
        summary="A release's revisions, newest first",
        responses=schemas.answers(schemas.RevisionOut(many=True)),
    )
    def get(self, request, release_id):
        release = release_get(release_id)
        page = self.paginate_queryset(release_history(release))
        published = set(
            Publication.objects.filter(
                release=release, revision_id__in=[revision.pk for revision in page]
            ).values_list("language", "revision_id")
        )
        current = publications_current_ids(release)
        return self.get_paginated_response(
            [revision_data(revision, published, current) for revision in page]
        )


def _revision_param(request, name, default):
    value = request.query_params.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= REVISION_NUMBER_MAX:
        refuse(
            name,
            _(
                "“%(value)s” is not a revision number: revision numbers are whole "
                "numbers from 1 to %(max)s."
            )
            % {"value": value[:40], "max": REVISION_NUMBER_MAX},
        )
    return number


class DiffView(APIView):
    permission_classes = STAFF

    @extend_schema(
        operation_id="releases_diff",
        summary="What changed from one revision to another, per language and unit",
        parameters=[
            OpenApiParameter("from", int, description="Default: the revision before the newest."),
            OpenApiParameter("to", int, description="Default: the newest revision."),
            OpenApiParameter("language", str, enum=list(languages.CODES)),
        ],
        responses=schemas.answers(schemas.DiffOut, 400),
    )
    def get(self, request, release_id):
        release = release_get(release_id)
        head = release.head_number
        old = _revision_param(request, "from", max(head - 1, 1))
        new = _revision_param(request, "to", head)
        code = _language_param(request)
        try:
            old, new = revision_pair(release, old, new)
        except RevisionMissing as missing:
            raise NotFound(str(missing)) from None
        codes = [code] if code else list(languages.CODES)
        return Response(diff_data(release, old, new, codes))


class PublishView(APIView):
    permission_classes = STAFF

    @extend_schema(
        operation_id="releases_publish",
        summary="Publish a revision (default: the newest) in one language",
        request=schemas.PublishBody,
        responses={
            200: schemas.PublishOut,
            **schemas.answers(schemas.PublishOut, 400, 422, code=201),
        },
        parameters=[OpenApiParameter("language", OpenApiTypes.STR, OpenApiParameter.PATH)],
    )
    def post(self, request, release_id, language):
        release = release_get(release_id)
        language_check(language)
        body = body_of(schemas.PublishBody, request)
        with service_errors():
            publication, created = release_publish(
                release, language, revision_number=body["revision"], author=request.user
            )
        values = {
            "n": publication.revision.number,
            "slug": release,
            "language": languages.name(language),
        }
        message = (
            _("Published revision %(n)s of “%(slug)s” in %(language)s.")
            if created
            else _("Revision %(n)s of “%(slug)s” was already published in %(language)s.")
        ) % values
        data = {
            "message": message,
            "created": created,
            "publication": {
                "id": publication.pk,
                "language": publication.language,
                "revision": publication.revision.number,
                "slug": publication.slug,
                "published_at": publication.published_at.isoformat(),
                "published_by": publication.published_by.get_username()
                if publication.published_by
                else None,
            },
        }
        return Response(data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)
