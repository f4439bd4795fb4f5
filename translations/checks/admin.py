"""The release term findings page (per target language) and the release page's links to it.

Packages above the checks hang pages of their own under a release through
``ReleaseTermFindingsAdmin.url_providers`` (exchange: its PO/XLIFF files)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config import languages
from records.admin import ReadOnlyAdmin, object_pk_or_404, release_cell
from records.permissions import editable_languages
from translations.checks.models import ReleaseTermFindings
from translations.checks.selectors import (
    check_run,
    finding_tallies,
    release_term_rows,
    terms_check_waiting,
)
from translations.checks.vocabulary import Severity


def _findings_column(code):
    """Return a changelist column counting a release's findings in language ``code``."""

    @admin.display(
        description=format_lazy(
            gettext_lazy("{language} findings"), language=languages.get(code).name
        ),
        ordering=f"findings_{code}_count",
    )
    def column(obj):
        return getattr(obj, f"findings_{code}_count")

    column.__name__ = f"findings_{code}"
    return column


@admin.register(ReleaseTermFindings)
class ReleaseTermFindingsAdmin(ReadOnlyAdmin):
    list_display = (
        "title_slug",
        "date",
        "head_number",
        # Every language can be a target of some release.
        *(_findings_column(code) for code in languages.CODES),
    )
    search_fields = ("slug", *(f"title_{code}" for code in languages.CODES))
    list_select_related = ("topic",)
    # Packages above the checks add pages under a release here (exchange: its PO/XLIFF files):
    # each is a function of this admin returning URL patterns.
    url_providers = []

    @admin.display(description=gettext_lazy("title"), ordering=f"title_{languages.DEFAULT_SOURCE}")
    def title_slug(self, obj):
        return release_cell(obj)

    def get_urls(self):
        extra = [pattern for provider in self.url_providers for pattern in provider(self)]
        return extra + super().get_urls()

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                **{
                    f"findings_{code}_count": Count(
                        "findings", filter=Q(findings__language=code), distinct=True
                    )
                    for code in languages.CODES
                }
            )
        )

    def _default_language(self, request, tallies):
        """Return the target language to open when the address names none.

        The language the user may edit; else (reviewers, or editors of every language) the
        one with the most errors and warnings; else the first target language.
        """
        targets = list(tallies)
        allowed = editable_languages(request.user)
        editable = [code for code in targets if code in allowed]
        candidates = editable or targets
        # max() keeps the first of equals: no findings anywhere opens the first candidate.
        return max(candidates, key=lambda code: tallies[code]["serious"])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Show the release's translation with term findings highlighted at their offsets."""
        release = get_object_or_404(
            ReleaseTermFindings.objects.select_related("topic"),
            pk=object_pk_or_404(ReleaseTermFindings, object_id),
        )
        if not self.has_view_permission(request, release):
            raise PermissionDenied
        tallies = finding_tallies(release)
        targets = release.target_languages
        language = request.GET.get("lang")
        if language not in targets:
            language = self._default_language(request, tallies)
        rows, findings = release_term_rows(release, language)
        run = check_run(release, language)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": release,
            "title": _("Terms in %(release)s") % {"release": release},
            "subtitle": None,
            "source_language": release.source_language,
            "language": language,
            "tabs": [(code, tallies[code]["total"]) for code in targets],
            "rows": rows,
            "findings": findings,
            "run": run,
            "stale": terms_check_waiting(release, language, run),
            "edit_url": (
                reverse("admin:records_release_change", args=[release.pk])
                if request.user.has_perm("records.change_release")
                else None
            ),
            "counts": {
                severity: sum(1 for f in findings if f.severity == severity)
                for severity in Severity.values
            },
        }
        return TemplateResponse(request, "admin/translations/release_terms.html", context)


def release_term_links(request, release):
    """Return links to the release's term findings, one per target language."""
    url = reverse("admin:translations_releasetermfindings_change", args=[release.pk])
    return [
        (f"{url}?lang={code}", _("Terms (%(code)s)") % {"code": code}, code)
        for code in release.target_languages
    ]
