"""Admin for terminologists: concepts with their terms, filters and search. Saving calls
:func:`~translations.glossary.services.concept_save`; nothing here writes through the ORM."""

from dataclasses import replace

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from config import languages
from translations.glossary.admin_files import glossary_urls
from translations.glossary.files import GlossaryFormatError, TermData
from translations.glossary.models import Concept, Term
from translations.glossary.selectors import (
    CONCEPT_SEARCH_FIELDS,
    concept_label,
    concepts_search,
    concepts_with_term,
)
from translations.glossary.services import (
    concept_data,
    concept_save,
    concepts_delete,
    glossary_concept_validate,
)
from translations.glossary.vocabulary import PROPER_NOUN, PartOfSpeech, TermStatus


class TermInlineFormSet(BaseInlineFormSet):
    """Check the concept and its terms together with the rules every glossary write obeys."""

    # GlossaryFormatError.field of a term -> the form field that shows the error.
    TERM_FIELDS = {
        "language": "language",
        "text": "text",
        "status": "status",
        "part_of_speech": "part_of_speech",
        "term_note": "note",
        "variants": "variants",
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
                variants=form.cleaned_data.get("variants", ""),
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


class TermForm(forms.ModelForm):
    """A term's row: the part of speech is chosen from TBX's values, and a value read from a
    file that is none of them stays a choice of its own row."""

    part_of_speech = forms.ChoiceField(
        label=gettext_lazy("part of speech"),
        required=False,
        help_text=gettext_lazy(
            "A proper noun is the name of a person or place, which translations must render "
            "in its approved form."
        ),
    )

    class Meta:
        model = Term
        fields = (
            "language",
            "text",
            "status",
            "case_sensitive",
            "variants",
            "part_of_speech",
            "note",
            "position",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *PartOfSpeech.choices]
        stored = self.instance.part_of_speech if self.instance.pk else ""
        if stored and stored not in PartOfSpeech.values:
            choices.append((stored, stored))
        field = self.fields["part_of_speech"]
        field.choices = choices
        field.widget.attrs["style"] = "width: 11ch"


class TermInline(admin.TabularInline):
    model = Term
    form = TermForm
    formset = TermInlineFormSet
    fields = (
        "language",
        "text",
        "status",
        "case_sensitive",
        "variants",
        "part_of_speech",
        "note",
        "position",
    )
    extra = 1
    ordering = ("language", "position", "id")
    # A small note box and narrow inputs keep the whole terms table, its Delete column
    # included, inside a 1,366 px window beside the admin's navigation.
    formfield_overrides = {
        models.TextField: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 11, "style": "width: 11ch"})
        },
    }
    widths = {"text": 15, "position": 3}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.widths:
            field.widget.attrs["size"] = self.widths[db_field.name]
            field.widget.attrs["style"] = f"width: {self.widths[db_field.name] + 2}ch"
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
        return concepts_with_term(queryset, **wanted)


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
    search_fields = CONCEPT_SEARCH_FIELDS
    inlines = [TermInline]

    def get_urls(self):
        return glossary_urls(self) + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Head the page with the concept's label (its preferred English term), the
        identifier beside it."""
        concept = self.get_object(request, unquote(object_id))
        if concept is not None:
            extra_context = {
                **(extra_context or {}),
                "subtitle": _("%(label)s (%(identifier)s)")
                % {"label": concept_label(concept), "identifier": concept.identifier},
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("terms")

    def get_search_results(self, request, queryset, search_term):
        """Search every word in some search field, ignoring case in any script."""
        fields = self.get_search_fields(request)
        # Term and translated-field lookups span relations: let the changelist de-duplicate.
        return concepts_search(queryset, search_term, fields), True

    def save_model(self, request, obj, form, change):
        """Write nothing yet: :meth:`save_related` writes the concept with its terms."""

    def save_related(self, request, form, formsets, change):
        # Django's change view validated the form and the terms together; both are written by
        # one service call, in the view's transaction.
        (terms,) = [_formset_terms(formset) for formset in formsets]
        concept_save(form.instance, terms)

    def delete_model(self, request, obj):
        concepts_delete(Concept.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        concepts_delete(queryset)


def _formset_terms(formset):
    """Return the terms a valid terms formset keeps, in its order, with the form's values."""
    # Writes nothing; it records what changed for the admin's change message.
    formset.save(commit=False)
    deleted = set(formset.deleted_forms)
    return [
        form.instance
        for form in formset.forms
        if form not in deleted and (form.instance.pk is not None or form.has_changed())
    ]
