"""Admin for terminologists (the glossary) and translators (term findings per release)."""

import re

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import connections, models
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from records.admin import ReadOnlyAdmin, object_pk_or_404
from records.permissions import editable_languages
from records.snapshots import LANGUAGE_CODES

from .models import Concept, Finding, ReleaseTranslation, Term
from .selectors import check_run, finding_tallies, release_term_review
from .services import TARGET_LANGUAGES, glossary_changed


class TermInline(admin.TabularInline):
    model = Term
    fields = ("language", "text", "status", "case_sensitive", "part_of_speech", "note", "position")
    extra = 1
    ordering = ("language", "position", "id")
    # A small note box keeps the whole terms table inside a normal window.
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})},
    }


class TermFilter(admin.SimpleListFilter):
    """Base of the term status and language filters: both constrain the same term.

    "Forbidden" + "en" lists the concepts with a forbidden English term, not the concepts
    with some forbidden term and some English term. The first filter (in
    :data:`TERM_FILTER_PARAMETERS` order) that has a value applies the combined condition;
    the other one leaves the queryset alone.
    """

    term_field = None

    def queryset(self, request, queryset):
        wanted = {
            field: request.GET.get(parameter)
            for parameter, field in TERM_FILTER_PARAMETERS
            if request.GET.get(parameter)
        }
        if not self.value() or next(iter(wanted)) != self.term_field:
            return queryset
        return queryset.filter(pk__in=Term.objects.filter(**wanted).values("concept_id"))


class TermStatusFilter(TermFilter):
    title = gettext_lazy("term status")
    parameter_name = "status"
    term_field = "status"

    def lookups(self, request, model_admin):
        return Term.Status.choices


class TermLanguageFilter(TermFilter):
    title = gettext_lazy("language")
    parameter_name = "language"
    term_field = "language"

    def lookups(self, request, model_admin):
        return [(code, code) for code in LANGUAGE_CODES]


# (query parameter, Term field) of the term filters, in the order that decides which applies.
TERM_FILTER_PARAMETERS = (
    (TermStatusFilter.parameter_name, TermStatusFilter.term_field),
    (TermLanguageFilter.parameter_name, TermLanguageFilter.term_field),
)


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
        """Search like the admin (every word in some search field), ignoring case in any script.

        SQLite's LIKE folds ASCII letters only ("курилы" would miss "Южные Курилы"), but its
        REGEXP is Django's Python function, so "(?i)" matching there folds every script.
        Elsewhere icontains compares UPPER() of both sides, which folds every script only if
        the database's character type does (PostgreSQL with LC_CTYPE "C" does not), so the
        usual spellings of each word are looked for as well.
        """
        sqlite = connections[queryset.db].vendor == "sqlite"
        fields = self.get_search_fields(request)
        for bit in smart_split(search_term):
            if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
                bit = unescape_string_literal(bit)
            if sqlite:
                lookups = [(f"{field}__iregex", re.escape(bit)) for field in fields]
            else:
                spellings = dict.fromkeys(
                    [bit, bit.lower(), bit.upper(), bit.capitalize(), bit.title()]
                )
                lookups = [
                    (f"{field}__icontains", spelling) for field in fields for spelling in spellings
                ]
            queryset = queryset.filter(Q.create(lookups, connector=Q.OR))
        # Term and translated-field lookups span relations: let the changelist de-duplicate.
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

    def _default_language(self, request, tallies):
        """Return the target language to open when the address names none.

        The language the user may edit; else (reviewers, or editors of every language) the
        one with the most errors and warnings; else the first target language.
        """
        allowed = editable_languages(request.user)
        editable = [code for code in TARGET_LANGUAGES if code in allowed]
        candidates = editable or list(TARGET_LANGUAGES)
        # max() keeps the first of equals: no findings anywhere opens the first candidate.
        return max(candidates, key=lambda code: tallies[code]["serious"])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Show the release's translation with term findings highlighted at their offsets."""
        release = get_object_or_404(
            ReleaseTranslation.objects.select_related("topic"),
            pk=object_pk_or_404(ReleaseTranslation, object_id),
        )
        if not self.has_view_permission(request, release):
            raise PermissionDenied
        tallies = finding_tallies(release)
        language = request.GET.get("lang")
        if language not in TARGET_LANGUAGES:
            language = self._default_language(request, tallies)
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
            "tabs": [(code, tallies[code]["total"]) for code in TARGET_LANGUAGES],
            "rows": rows,
            "findings": findings,
            "run": run,
            "stale": run is None or run.revision_number != release.head_number,
            "edit_url": (
                reverse("admin:records_release_change", args=[release.pk])
                if request.user.has_perm("records.change_release")
                else None
            ),
            "counts": {
                severity: sum(1 for f in findings if f.severity == severity)
                for severity in Finding.Severity.values
            },
        }
        return TemplateResponse(request, "admin/translations/release_terms.html", context)
