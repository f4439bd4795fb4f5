"""The units of a release in one target language, and saving one unit's translation.

Reading builds the workbench's rows (``translations.review.workbench``: states, findings with
their overrides, comment threads) in a constant number of queries, whatever the release's
size. A save is the workbench's save (``unit_save_confirmed``): based on the revision the
client read, merged with newer work that does not collide, refused (409) with base, theirs
and mine when it does.
"""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from config import limits
from records.revisions.history import units_changed
from translations.review.navigation import rows_view, search_clean
from translations.review.submitting import unit_save_confirmed
from translations.review.views.endpoints import save_message
from translations.review.workbench import FILTERS, workbench

from . import schemas
from .access import STAFF, release_get, target_check
from .errors import body_of, refuse, service_errors
from .paging import MAX_PAGE_SIZE, PAGE_SIZE, units_page
from .units import unit_data

LANGUAGE = OpenApiParameter("language", OpenApiTypes.STR, OpenApiParameter.PATH)
KEY = OpenApiParameter(
    "key",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="title, a segment's UUID, or <photo UUID>:caption / :credit",
)


class ReleaseLanguageView(APIView):
    """An endpoint of one release in one of its target languages."""

    permission_classes = STAFF

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.release = release_get(kwargs["release_id"])
        self.language = kwargs["language"]
        target_check(self.release, self.language)

    def units_of(self, keys, *, changed=()):
        """Return the answer of an action on units ``keys`` (and the units ``changed`` by
        others since the client's base), read at the newest revision."""
        self.release.refresh_from_db()
        bench = workbench(self.release, self.language)
        wanted = set(keys) | set(changed)
        return {
            "revision": bench.head,
            "changed": sorted(set(changed) - set(keys)),
            "units": [unit_data(row, bench.head) for row in bench.rows if row.key in wanted],
        }


def _filter(request):
    name = request.query_params.get("filter", "all")
    if name not in FILTERS:
        refuse(
            "filter",
            _("There is no filter “%(name)s” (filters: %(names)s).")
            % {"name": name[:40], "names": ", ".join(FILTERS)},
        )
    query, cut = search_clean(request.query_params.get("q", ""))
    if cut:
        refuse("q", _("A search has at most %(n)s characters.") % {"n": limits.MAX_SEARCH_CHARS})
    return name, query


class UnitListView(ReleaseLanguageView):
    @extend_schema(
        operation_id="units_list",
        summary="The units of a release in one target language, in the release's order",
        parameters=[
            LANGUAGE,
            OpenApiParameter("filter", str, enum=list(FILTERS), description="As the workbench."),
            OpenApiParameter("q", str, description="Words in the source or the target text."),
            OpenApiParameter("key", str, many=True, description="Only these units."),
            OpenApiParameter("cursor", str),
            OpenApiParameter(
                "page_size", int, description=f"{PAGE_SIZE} by default, at most {MAX_PAGE_SIZE}."
            ),
        ],
        responses=schemas.answers(schemas.UnitPageOut, 400),
    )
    def get(self, request, release_id, language):
        name, query = _filter(request)
        bench = workbench(self.release, self.language)
        rows = rows_view(bench, name, query)
        keys = request.query_params.getlist("key")
        if keys:
            wanted = set(keys)
            rows = [row for row in rows if row.key in wanted]
        page, following, previous = units_page(request, rows)
        return Response(
            {
                "revision": bench.head,
                "check": bench.check,
                "counts": bench.counts,
                "next": following,
                "previous": previous,
                "results": [unit_data(row, bench.head) for row in page],
            }
        )


class UnitView(ReleaseLanguageView):
    @extend_schema(
        operation_id="units_retrieve",
        summary="One unit",
        parameters=[LANGUAGE, KEY],
        responses=schemas.answers(schemas.UnitOut),
    )
    def get(self, request, release_id, language, key):
        bench = workbench(self.release, self.language)
        row = next((row for row in bench.rows if row.key == key), None)
        if row is None:
            raise NotFound(
                _("“%(release)s” has no unit %(key)s.") % {"release": self.release, "key": key[:80]}
            )
        return Response(unit_data(row, bench.head))

    @extend_schema(
        operation_id="units_save",
        summary="Save the unit's translation (and submit it), based on a revision",
        parameters=[LANGUAGE, KEY],
        request=schemas.SaveBody,
        responses=schemas.answers(schemas.ActionOut, 400, 409, 422),
    )
    def put(self, request, release_id, language, key):
        body = body_of(schemas.SaveBody, request)
        based_on = body["base_revision"]
        with service_errors(key, self.language):
            result = unit_save_confirmed(
                self.release,
                self.language,
                key,
                body["text"],
                request.user,
                based_on=based_on,
                submit=body["submit"],
                confirm=body["confirm"],
            )
        saved = result.revision.number if result.revision is not None else None
        if saved is None:
            message = _("Nothing changed in the text.")
        else:
            message = save_message(self.release, saved, based_on, request.user)
        if body["submit"]:
            message = f"{message} {_('Sent for review.')}"
        head = result.release.head_number
        changed = units_changed(self.release, based_on, head)[0] if head > based_on else set()
        return Response(
            {"message": message, "saved_revision": saved, **self.units_of([key], changed=changed)}
        )
