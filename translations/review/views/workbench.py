"""The translator's workbench page and the rendering of its rows (for the page and for scripts)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from config import languages, limits
from translations.checks.selectors import CHECK_MISSING, CHECK_PENDING
from translations.review import permissions
from translations.review.navigation import (
    NEXT_STATES,
    length_median,
    page_of,
    rows_mark,
    rows_measure,
    rows_view,
    search_clean,
)
from translations.review.views.base import ReleaseLanguageView
from translations.review.vocabulary import UnitState
from translations.review.workbench import FILTERS, rows_extend, workbench

ROWS_PER_PAGE = 100
ROW_TEMPLATE = "translations/review/_unit.html"


def allowed_actions(rows, user, language):
    """Mark on each row (and thread) what ``user`` may do, with the checks the actions use."""
    edit = permissions.can_edit(user, language)
    review = permissions.can_review(user, language)
    for row in rows:
        state = row.state
        row.may_edit = edit
        row.may_submit = (
            edit and row.status is not None and state in (UnitState.DRAFT, UnitState.OUTDATED)
        )
        row.may_approve = permissions.can_approve(user, language, row.status)
        row.own_text = row.status is not None and row.status.translated_by_id == user.pk
        row.may_request_changes = review and state in (UnitState.NEEDS_REVIEW, UnitState.APPROVED)
        row.may_override = review
        for thread in row.threads:
            thread.may_resolve = thread.is_open and permissions.can_resolve(user, thread.comment)
    return rows


def row_context(view, base):
    """Return what the row template needs besides the row; ``base`` is the revision shown."""
    return {
        "release_id": view.release.pk,
        "base": base,
        "language": view.language,
        "source_language": view.source_language,
        "workbench_url": reverse("translations:workbench", args=[view.release.pk, view.language]),
    }


def view_query(name, query, page=None):
    """Return the query string of the workbench under filter ``name``, search ``query``."""
    params = {"filter": name}
    if query:
        params["q"] = query
    if page and page != 1:
        params["page"] = page
    return urlencode(params)


def render_rows(view, rows, base):
    """Return ``{key: HTML}`` of ``rows`` (of revision ``base``) as the page shows them."""
    request = view.request
    allowed_actions(rows_extend(rows), request.user, view.language)
    rows_measure(rows)
    # A search the page was showing (sent along by the script) stays marked in the rows.
    query, _cut = search_clean(request.POST.get("q", "") or request.GET.get("q", ""))
    rows_mark(rows, query)
    context = row_context(view, base)
    return {
        row.key: render_to_string(ROW_TEMPLATE, {**context, "row": row}, request=request)
        for row in rows
    }


class WorkbenchView(ReleaseLanguageView):
    def get(self, request):
        """Show the units of the release in the language, filtered and searched, with what
        the user may do."""
        bench = workbench(self.release, self.language)
        name = request.GET.get("filter", "all")
        if name not in FILTERS:
            messages.warning(
                request,
                _("There is no filter “%(name)s”; all units are shown.") % {"name": name[:40]},
            )
            name = "all"
        query, cut = search_clean(request.GET.get("q", ""))
        if cut:
            messages.warning(
                request,
                _("The search is cut to its first %(n)s characters.")
                % {"n": limits.MAX_SEARCH_CHARS},
            )
        listed = rows_view(bench, name, query)
        number = request.GET.get("page")
        if request.GET.get("unit") and not number:
            name, query, listed, number = self.unit_page(bench, request.GET["unit"], name, query)
        paginator = Paginator(listed, ROWS_PER_PAGE)
        page = paginator.get_page(number)
        rows = allowed_actions(rows_extend(list(page.object_list)), request.user, self.language)
        usual = length_median(bench.rows)
        rows_measure(rows, usual)
        rows_mark(rows, query)
        approvable = [row for row in rows if row.may_approve]
        context = self.context(
            _("Workbench: %(release)s (%(language)s)")
            % {"release": self.release, "language": languages.name_in_sentence(self.language)},
            bench=bench,
            rows=rows,
            page=page,
            page_range=paginator.get_elided_page_range(page.number),
            filter=name,
            filters=[(key, label, bench.counts[key]) for key, label in FILTERS.items()],
            can_edit=permissions.can_edit(request.user, self.language),
            can_review=permissions.can_review(request.user, self.language),
            bulk_keys=[row.key for row in approvable if not row.blocking],
            bulk_blocked=sum(1 for row in approvable if row.blocking),
            bulk_own=sum(1 for row in rows if row.state == UnitState.NEEDS_REVIEW and row.own_text),
            **self.moving_context(bench, rows, name, query, len(listed), usual),
            **row_context(self, bench.head),
        )
        return TemplateResponse(request, "translations/review/workbench.html", context)

    def unit_page(self, bench, key, name, query):
        """Return ``(filter, search, rows listed, page)`` that show the unit ``key``: the
        view asked for when it lists the unit, else all units; page 1 (and a warning) for a
        key the release does not have."""
        listed = rows_view(bench, name, query)
        page = page_of(listed, key, ROWS_PER_PAGE)
        if page is None:
            name, query = "all", ""
            listed = rows_view(bench, name, query)
            page = page_of(listed, key, ROWS_PER_PAGE)
        if page is None:
            messages.warning(
                self.request,
                _("“%(release)s” has no unit %(key)s; the first page is shown.")
                % {"release": self.release, "key": key[:80]},
            )
        return name, query, listed, page or 1

    def moving_context(self, bench, rows, name, query, found, usual):
        """Return what the page's search, jumps, bulk submission and check notice need."""
        args = [self.release.pk, self.language]
        return {
            "q": query,
            "found": found,
            "view_query": view_query(name, query),
            "next_states": list(NEXT_STATES.items()),
            "next_url": reverse("translations:workbench_next", args=args),
            "status_url": reverse("translations:workbench_check_status", args=args),
            "rows_url": reverse("translations:workbench_rows", args=args),
            "length_median": usual,
            "draft_keys": [
                row.key for row in rows if row.may_submit and row.state == UnitState.DRAFT
            ],
            "check_pending": bench.check == CHECK_PENDING,
            "check_missing": bench.check == CHECK_MISSING,
        }
