"""Moving through the workbench: the jump to the next unit of a state (on whatever page it is),
the term check's status (polled by the page while a check is pending) and rows re-rendered
for the page once it has finished."""

from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from translations.checks.selectors import CHECK_CURRENT, terms_check_status
from translations.review.navigation import next_of, page_of, rows_search, rows_view, search_clean
from translations.review.views.base import ReleaseLanguageView, refused, wants_json
from translations.review.views.workbench import ROWS_PER_PAGE, render_rows, view_query
from translations.review.workbench import FILTERS, workbench


class NextView(ReleaseLanguageView):
    def get(self, request):
        """Go to the next unit under filter ``state`` after unit ``after`` (at it with
        ``include=1``), in release order and round past the end.

        It opens in the page's own view (``filter``, ``q``) when it is listed there, else in
        the view of that state (keeping the search if the unit matches it), on its page, with
        the unit in the address's fragment so the page focuses it.
        """
        state = request.GET.get("state", "")
        if state not in FILTERS:
            return refused(
                request, _("There is no state “%(name)s” to go to.") % {"name": state[:40]}, 400
            )
        name = request.GET.get("filter", "all")
        name = name if name in FILTERS else "all"
        query, _cut = search_clean(request.GET.get("q", ""))
        bench = workbench(self.release, self.language)
        jump = next_of(
            bench.rows,
            state,
            request.GET.get("after") or None,
            include=request.GET.get("include") == "1",
        )
        base = reverse("translations:workbench", args=[self.release.pk, self.language])
        if jump is None:
            message = _("No unit is left under “%(state)s”.") % {"state": FILTERS[state]}
            if wants_json(request):
                return JsonResponse({"ok": True, "found": False, "message": message})
            messages.info(request, message)
            return HttpResponseRedirect(f"{base}?{view_query(name, query)}")
        row = jump.row
        listed = rows_view(bench, name, query)
        if row.key not in {other.key for other in listed}:
            name = state
            query = query if rows_search([row], query) else ""
            listed = rows_view(bench, name, query)
        page = page_of(listed, row.key, ROWS_PER_PAGE)
        url = f"{base}?{view_query(name, query, page)}#unit-{row.key}"
        values = {"unit": row.label, "state": FILTERS[state]}
        message = (
            _("%(unit)s (“%(state)s”, from the start of the release).")
            if jump.wrapped
            else _("%(unit)s (“%(state)s”).")
        ) % values
        if not wants_json(request):
            return HttpResponseRedirect(url)
        return JsonResponse(
            {
                "ok": True,
                "found": True,
                "key": row.key,
                "unit": str(row.label),
                "filter": name,
                "q": query,
                "page": page,
                "wrapped": jump.wrapped,
                "url": url,
                "message": message,
            }
        )


class CheckStatusView(ReleaseLanguageView):
    def get(self, request):
        """Answer where the term check of the release in the language stands (JSON)."""
        status = terms_check_status(self.release, self.language)
        return JsonResponse(
            {"check": status, "current": status == CHECK_CURRENT, "head": self.release.head_number}
        )


class RowsView(ReleaseLanguageView):
    def get(self, request):
        """Answer the rows ``key`` (those a page shows) rendered at the newest revision, with
        the counts and progress, as the actions do (JSON)."""
        keys = [key for key in request.GET.getlist("key") if key]
        if len(keys) > ROWS_PER_PAGE:
            return refused(
                request,
                _("At most %(n)s units at a time (%(count)s were named).")
                % {"n": ROWS_PER_PAGE, "count": len(keys)},
                400,
            )
        bench = workbench(self.release, self.language)
        wanted = set(keys)
        rows = [row for row in bench.rows if row.key in wanted]
        return JsonResponse(
            {
                "ok": True,
                "check": bench.check,
                "base": bench.head,
                # Every row named is new to the page: one with unsaved text is left alone.
                "changed": sorted(wanted),
                "rows": render_rows(self, rows, bench.head),
                "counts": bench.counts,
                "progress_html": render_to_string(
                    "translations/review/_progress.html", {"progress": bench.progress}
                ),
            }
        )
