"""The workbench's context endpoints, answered in JSON only: the live checks of one unit's
text (POST, writes nothing) and the concordance (GET).

Who may ask: anyone who may see releases, for a target language of the release. Every
refusal is ``{"ok": false, "error": …}`` with its status: 403 (no permission), 404 (no such
release, language or unit), 400 (a text or query that cannot be searched or checked), 405.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views import View

from records.models import Release
from translations.review import permissions
from translations.review.concordance import ConcordanceRefused, concordance, concordance_query
from translations.review.context import LiveCheckRefused, UnitUnknown, live_check


def refusal(message, status):
    return JsonResponse({"ok": False, "error": str(message)}, status=status)


class JsonReleaseLanguageView(View):
    """An endpoint of one release in one of its target languages that answers only JSON."""

    def dispatch(self, request, release_id, language, **kwargs):
        if not permissions.can_view(request.user):
            return refusal(_("You may not see releases."), 403)
        release = Release.objects.filter(pk=release_id).first()
        if release is None:
            return refusal(_("There is no release %(id)s.") % {"id": release_id}, 404)
        problem = release.target_refusal(language)
        if problem:
            return refusal(problem, 404)
        self.release, self.language = release, language
        return super().dispatch(request, **kwargs)

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = refusal(
            _("This address does not answer %(method)s.") % {"method": request.method}, 405
        )
        response["Allow"] = ", ".join(m.upper() for m in self._allowed_methods())
        return response


class UnitCheckView(JsonReleaseLanguageView):
    http_method_names = ["post"]

    def post(self, request, key):
        """Run the unit's checks on the posted ``text`` against its current source."""
        try:
            findings = live_check(self.release, self.language, key, request.POST.get("text"))
        except UnitUnknown:
            return refusal(
                _("“%(release)s” has no unit %(key)s.")
                % {"release": self.release, "key": key[:80]},
                404,
            )
        except LiveCheckRefused as error:
            return refusal(error, 400)
        return JsonResponse(
            {"ok": True, "key": key, "findings": [finding.as_json() for finding in findings]}
        )


class ConcordanceView(JsonReleaseLanguageView):
    http_method_names = ["get"]

    def get(self, request):
        """Search ``q`` on ``side`` (source, target or both) of approved translations."""
        try:
            query = concordance_query(
                self.release.source_language,
                self.language,
                request.GET.get("q", ""),
                request.GET.get("side", "both"),
            )
        except ConcordanceRefused as error:
            return refusal(error, 400)
        hits, more = concordance(query)
        return JsonResponse(
            {
                "ok": True,
                "query": query.text,
                "side": query.side,
                "results": [self.as_json(hit) for hit in hits],
                "more": more,
            }
        )

    def as_json(self, hit):
        url = ""
        if hit.release_id and hit.key:
            url = reverse("translations:workbench", args=[hit.release_id, self.language])
            # The page of the workbench that holds the unit (see WorkbenchView.unit_page).
            url += f"?{urlencode({'unit': hit.key})}#unit-{hit.key}"
        return {
            "source": hit.source_text,
            "target": hit.target_text,
            "source_marks": hit.source_marks,
            "target_marks": hit.target_marks,
            "origin": hit.origin,
            "in_memory": hit.in_memory,
            "release": hit.release_slug,
            "approver": hit.approver,
            # The approval's date (a memory entry's: when it was recorded), as the pages
            # write dates, and as ISO for the page's <time>.
            "date": formats.date_format(hit.when, "DATE_FORMAT") if hit.when else "",
            "date_iso": hit.when.isoformat() if hit.when else "",
            "url": url,
        }
