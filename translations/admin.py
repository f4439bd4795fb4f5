"""Admin for terminologists (the glossary) and translators (term findings per release)."""

from dataclasses import replace

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from config import languages
from records.admin import ReadOnlyAdmin, object_pk_or_404
from records.permissions import editable_languages

from . import admin_review  # noqa: F401 (registers the review records' read-only admin)
from .admin_exchange import glossary_urls, release_urls
from .exchange import GlossaryFormatError, TermData
from .models import Concept, ReleaseTermFindings, Term
from .selectors import (
    check_run,
    concepts_search,
    finding_tallies,
    release_source_language,
    release_target_languages,
    release_term_rows,
)
from .services import concept_data, glossary_changed, glossary_concept_validate
from .vocabulary import PROPER_NOUN, Severity, TermStatus


class TermInlineFormSet(BaseInlineFormSet):
    """Check the concept and its terms together with the rules every glossary write obeys."""

    # GlossaryFormatError.field of a term -> the form field that shows the error.
    TERM_FIELDS = {
        "language": "language",
        "text": "text",
        "status": "status",
        "part_of_speech": "part_of_speech",
        "term_note": "note",
    }

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        forms = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        # The parent form has already filled the instance with its cleaned values.
        concept = concept_data(self.instance, [])
        terms = tuple(
            TermData(
                language=form.cleaned_data["language"],
                text=form.cleaned_data["text"],
                status=form.cleaned_data["status"],
                case_sensitive=form.cleaned_data.get("case_sensitive", False),
                part_of_speech=form.cleaned_data.get("part_of_speech", ""),
                note=form.cleaned_data.get("note", ""),
            )
            for form in forms
        )
        try:
            glossary_concept_validate(replace(concept, terms=terms))
        except GlossaryFormatError as error:
            if error.field == "identifier":
                return  # the concept form reports its own identifier problems
            field = self.TERM_FIELDS.get(error.field) if error.term is not None else None
            if field is not None:
                forms[error.term].add_error(field, str(error))
            else:
                raise ValidationError(str(error), code=error.field or "invalid") from None


class TermInline(admin.TabularInline):
    model = Term
    formset = TermInlineFormSet
    fields = ("language", "text", "status", "case_sensitive", "part_of_speech", "note", "position")
    extra = 1
    ordering = ("language", "position", "id")
    # A small note box keeps the whole terms table inside a normal window.
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})},
    }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "part_of_speech":
            field.help_text = gettext_lazy(
                "noun, verb, adjective, adverb, other — or %(proper)s for the name of a person "
                "or place, which translations must render in its approved form"
            ) % {"proper": PROPER_NOUN}
        return field


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
        return TermStatus.choices


class TermLanguageFilter(TermFilter):
    title = gettext_lazy("language")
    parameter_name = "language"
    term_field = "language"

    def lookups(self, request, model_admin):
        return [(code, code) for code in languages.CODES]


class ProperNameFilter(admin.SimpleListFilter):
    """Concepts the glossary marks as proper names (a term whose part of speech is properNoun)."""

    title = gettext_lazy("proper name")
    parameter_name = "proper_name"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        names = Term.objects.filter(part_of_speech=PROPER_NOUN).values("concept_id")
        if self.value() == "yes":
            return queryset.filter(pk__in=names)
        if self.value() == "no":
            return queryset.exclude(pk__in=names)
        return queryset


@admin.display(description=gettext_lazy("proper name"), boolean=True)
def proper_name(obj):
    return any(term.part_of_speech == PROPER_NOUN for term in obj.terms.all())


# (query parameter, Term field) of the term filters, in the order that decides which applies.
TERM_FILTER_PARAMETERS = (
    (TermStatusFilter.parameter_name, TermStatusFilter.term_field),
    (TermLanguageFilter.parameter_name, TermLanguageFilter.term_field),
)


def _terms_column(code):
    """Return a changelist column listing a concept's terms in language ``code``."""

    @admin.display(description=languages.get(code).name)
    def column(obj):
        return "; ".join(
            f"{term.text} ({term.get_status_display()})"
            for term in obj.terms.all()
            if term.language == code
        )

    column.__name__ = f"terms_{code}"
    return column


@admin.register(Concept)
class ConceptAdmin(TabbedTranslationAdmin):
    list_display = (
        "identifier",
        "subject_field",
        proper_name,
        *(_terms_column(c) for c in languages.CODES),
    )
    list_filter = (TermStatusFilter, TermLanguageFilter, ProperNameFilter, "subject_field")
    search_fields = (
        "identifier",
        "terms__text",
        *(f"{field}_{code}" for field in ("definition", "note") for code in languages.CODES),
    )
    inlines = [TermInline]

    def get_urls(self):
        return glossary_urls(self) + super().get_urls()

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("terms")

    def get_search_results(self, request, queryset, search_term):
        """Search every word in some search field, ignoring case in any script."""
        fields = self.get_search_fields(request)
        # Term and translated-field lookups span relations: let the changelist de-duplicate.
        return concepts_search(queryset, search_term, fields), True

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An unchanged save must not invalidate every cached automaton.
        if form.has_changed() or any(formset.has_changed() for formset in formsets):
            # Only a new or respelled term can occur in text not yet linked to the concept.
            matching = Term.MATCH_SOURCE_FIELDS
            respelled = any(
                formset.new_objects
                or any(matching.intersection(fields) for _t, fields in formset.changed_objects)
                for formset in formsets
            )
            pk = form.instance.pk
            glossary_changed([pk], new_terms=[pk] if respelled else [])

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        glossary_changed([pk], new_terms=[])

    def delete_queryset(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        glossary_changed(ids, new_terms=[])


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
        "title",
        "date",
        "head_number",
        # Every language can be a target of some release.
        *(_findings_column(code) for code in languages.CODES),
    )
    search_fields = ("slug", *(f"title_{code}" for code in languages.CODES))
    list_select_related = ("topic",)

    def get_urls(self):
        return release_urls(self) + super().get_urls()

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
        targets = release_target_languages(release)
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
            "source_language": release_source_language(release),
            "language": language,
            "tabs": [(code, tallies[code]["total"]) for code in targets],
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
                for severity in Severity.values
            },
        }
        return TemplateResponse(request, "admin/translations/release_terms.html", context)
