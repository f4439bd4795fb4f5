"""Admin for terminologists (the glossary) and translators (term findings per release)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from records.admin import ReadOnlyAdmin, object_pk_or_404
from records.snapshots import LANGUAGE_CODES

from .models import Concept, Finding, ReleaseTranslation, Term
from .selectors import check_run, release_term_review
from .services import TARGET_LANGUAGES, glossary_changed


class TermInline(admin.TabularInline):
    model = Term
    fields = ("language", "text", "status", "case_sensitive", "part_of_speech", "note", "position")
    extra = 1
    ordering = ("language", "position", "id")


class TermStatusFilter(admin.SimpleListFilter):
    title = gettext_lazy("term status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Term.Status.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(terms__status=self.value()).distinct()
        return queryset


class TermLanguageFilter(admin.SimpleListFilter):
    title = gettext_lazy("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, code) for code in LANGUAGE_CODES]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(terms__language=self.value()).distinct()
        return queryset


@admin.register(Concept)
class ConceptAdmin(TabbedTranslationAdmin):
    list_display = ("identifier", "subject_field", "english", "japanese", "russian")
    list_filter = (TermStatusFilter, TermLanguageFilter, "subject_field")
    search_fields = ("identifier", "terms__text", "definition_en", "note_en")
    inlines = [TermInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("terms")

    def _terms(self, obj, language):
        return "; ".join(
            f"{term.text} ({term.get_status_display()})"
            for term in obj.terms.all()
            if term.language == language
        )

    @admin.display(description=gettext_lazy("English"))
    def english(self, obj):
        return self._terms(obj, "en")

    @admin.display(description=gettext_lazy("Japanese"))
    def japanese(self, obj):
        return self._terms(obj, "ja")

    @admin.display(description=gettext_lazy("Russian"))
    def russian(self, obj):
        return self._terms(obj, "ru")

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return queryset, True

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An unchanged save must not invalidate every cached automaton.
        if form.has_changed() or any(formset.has_changed() for formset in formsets):
            glossary_changed([form.instance.pk])

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        glossary_changed([pk])

    def delete_queryset(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        glossary_changed(ids)


@admin.register(ReleaseTranslation)
class ReleaseTranslationAdmin(ReadOnlyAdmin):
    list_display = ("title", "date", "head_number", "findings_ja", "findings_ru")
    search_fields = ("slug", "title_en", "title_ja", "title_ru")
    list_select_related = ("topic",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                **{
                    f"findings_{code}_count": Count(
                        "findings", filter=Q(findings__language=code), distinct=True
                    )
                    for code in TARGET_LANGUAGES
                }
            )
        )

    @admin.display(description=gettext_lazy("Japanese findings"))
    def findings_ja(self, obj):
        return obj.findings_ja_count

    @admin.display(description=gettext_lazy("Russian findings"))
    def findings_ru(self, obj):
        return obj.findings_ru_count

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Show the release's translation with term findings highlighted at their offsets."""
        release = get_object_or_404(
            ReleaseTranslation.objects.select_related("topic"),
            pk=object_pk_or_404(ReleaseTranslation, object_id),
        )
        if not self.has_view_permission(request, release):
            raise PermissionDenied
        language = request.GET.get("lang", TARGET_LANGUAGES[0])
        if language not in TARGET_LANGUAGES:
            language = TARGET_LANGUAGES[0]
        rows, findings = release_term_review(release, language)
        run = check_run(release, language)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": release,
            "title": _("Terms in %(release)s") % {"release": release},
            "subtitle": None,
            "language": language,
            "languages": TARGET_LANGUAGES,
            "rows": rows,
            "findings": findings,
            "run": run,
            "stale": run is None or run.revision_number != release.head_number,
            "edit_url": reverse("admin:records_release_change", args=[release.pk]),
            "counts": {
                severity: sum(1 for f in findings if f.severity == severity)
                for severity in Finding.Severity.values
            },
        }
        return TemplateResponse(request, "admin/translations/release_terms.html", context)
