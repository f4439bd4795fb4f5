"""What every review page shares: the admin's look, the release and language from the URL."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from records.models import Release
from translations.review import permissions


def admin_context(request, title, **extra):
    """Return the context of a page inside the admin, titled ``title``."""
    return {**admin.site.each_context(request), "title": title, "subtitle": None, **extra}


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def refused(request, message, status):
    """Answer a refused request: JSON for scripts, a page in the admin's look otherwise."""
    if wants_json(request):
        return JsonResponse({"ok": False, "error": str(message)}, status=status)
    context = admin_context(request, _("Not found") if status == 404 else _("Not possible"))
    return TemplateResponse(
        request, "translations/review/refused.html", {**context, "message": message}, status=status
    )


class ReleaseLanguageView(View):
    """A review page of one release in one target language (``release_id``, ``language``)."""

    def dispatch(self, request, release_id, language, **kwargs):
        if not permissions.can_view(request.user):
            if wants_json(request):
                return refused(request, _("You may not see releases."), 403)
            raise PermissionDenied
        release = Release.objects.select_related("topic").filter(pk=release_id).first()
        if release is None:
            return refused(request, _("There is no release %(id)s.") % {"id": release_id}, 404)
        problem = release.target_refusal(language)
        if problem:
            return refused(request, problem, 404)
        self.release, self.language = release, language
        self.source_language = release.source_language
        return super().dispatch(request, **kwargs)

    def urls(self):
        args = [self.release.pk, self.language]
        return {
            "workbench": reverse("translations:workbench", args=args),
            "history": reverse("translations:history", args=args),
            "my_work": reverse("translations:my_work"),
            "release": reverse("admin:records_release_change", args=[self.release.pk]),
            "terms": reverse(
                "admin:translations_releasetermfindings_change", args=[self.release.pk]
            )
            + f"?lang={self.language}",
        }

    def context(self, title, **extra):
        shared = {
            "release": self.release,
            "language": self.language,
            "source_language": self.source_language,
            "urls": self.urls(),
        }
        return admin_context(self.request, title, **{**shared, **extra})
