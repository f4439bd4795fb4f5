"""The glossary's concepts and their terms: read by whoever may read the glossary, written by
terminologists through the glossary's own service (``concept_save``, ``concepts_delete``), so
a write is checked, stored and re-checked exactly as the concept admin's save is."""

from django.db import IntegrityError
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, generics, serializers
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission

from config import languages, limits
from records.api import Conflict
from records.api.pagination import Cursor
from records.api.permissions import IsStaff
from translations.glossary.files import GlossaryFormatError
from translations.glossary.models import Concept, Term
from translations.glossary.selectors import (
    CONCEPT_SEARCH_FIELDS,
    concepts_search,
    concepts_with_term,
)
from translations.glossary.services import (
    concept_data,
    concept_save,
    concepts_delete,
    glossary_concept_validate,
)
from translations.glossary.vocabulary import TermStatus

TAGS = ["glossary"]
READ = ("translations.view_concept", "translations.view_term")
# The concept admin's permissions (a concept is written with its terms).
WRITE = {
    "POST": ("translations.add_concept", "translations.add_term"),
    "PUT": (
        "translations.change_concept",
        "translations.add_term",
        "translations.change_term",
        "translations.delete_term",
    ),
    "DELETE": ("translations.delete_concept",),
}
WRITE["PATCH"] = WRITE["PUT"]
# A GlossaryFormatError's ``field`` for a term -> the term's member in the API.
TERM_FIELDS = {
    "language": "language",
    "text": "text",
    "status": "status",
    "part_of_speech": "part_of_speech",
    "term_note": "note",
}
CONCEPT_FIELDS = ("identifier", "subject_field", "definition", "note", "terms")
TERM_VALUES = ("language", "text", "status", "case_sensitive", "part_of_speech", "note", "variants")


class GlossaryAccess(BasePermission):
    """Reading needs the glossary's view permission; writing, the concept admin's."""

    def has_permission(self, request, view):
        needed = WRITE.get(request.method)
        if needed is None:
            self.message = _("You may not read the glossary.")
            return request.user.has_perms(READ)
        self.message = _("Only terminologists may change the glossary.")
        return request.user.has_perms((*READ, *needed))


def concept_queryset():
    """Concepts with their terms in the glossary's order (two queries for any page)."""
    return Concept.objects.prefetch_related(
        Prefetch("terms", queryset=Term.objects.order_by("position", "id"))
    )


class TermSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(
        required=False,
        help_text="A stored term of this concept to update; without it, the stored term of the "
        "same language and text is updated, or a new term is added.",
    )

    class Meta:
        model = Term
        fields = ["id", "language", "text", *TERM_VALUES[2:], "position"]
        extra_kwargs = {
            "position": {
                "required": False,
                "help_text": "Order among the concept's terms; left out: the stored term's, or "
                "a new term's index in the list.",
            }
        }


class LanguageTexts(serializers.DictField):
    """A concept's text per language (definition, note): ``{"en": "…"}``, empty ones left out."""

    def __init__(self, column, **kwargs):
        self.column = column
        super().__init__(child=serializers.CharField(allow_blank=True), source="*", **kwargs)

    def to_representation(self, concept):
        return {
            code: text
            for code in languages.CODES
            if (text := getattr(concept, f"{self.column}_{code}"))
        }

    def to_internal_value(self, data):
        texts = super().to_internal_value(data)
        unknown = sorted(set(texts) - set(languages.CODES))
        if unknown:
            raise serializers.ValidationError(
                _("“%(language)s” is not a language Concord keeps (one of: %(codes)s)")
                % {"language": unknown[0][:20], "codes": ", ".join(languages.CODES)}
            )
        return {self.column: texts}


class ConceptSerializer(serializers.ModelSerializer):
    """A concept with its terms. Members left out of a write keep their value; ``terms``, when
    sent, is the concept's whole list (stored terms not in it are deleted)."""

    definition = LanguageTexts("definition", required=False)
    note = LanguageTexts("note", required=False)
    terms = TermSerializer(many=True)

    class Meta:
        model = Concept
        fields = ["id", "identifier", "subject_field", "definition", "note", "terms", "updated_at"]
        read_only_fields = ["id", "updated_at"]

    def validate(self, attrs):
        concept = self.instance if self.instance is not None else Concept()
        for name in ("identifier", "subject_field"):
            if name in attrs:
                setattr(concept, name, attrs[name])
        for column in ("definition", "note"):
            if column in attrs:
                for code in languages.CODES:
                    setattr(concept, f"{column}_{code}", attrs[column].get(code, ""))
        if "terms" in attrs:
            terms = _terms(concept, attrs["terms"])
        else:
            terms = list(concept.terms.all()) if concept.pk else []
        # The one check every glossary write passes (the admin's form, files, commands).
        try:
            glossary_concept_validate(concept_data(concept, terms))
        except GlossaryFormatError as error:
            raise serializers.ValidationError(_errors(error, len(terms))) from None
        self._written = concept, terms
        return attrs

    def create(self, validated_data):
        return self._save()

    def update(self, instance, validated_data):
        return self._save()

    def _save(self):
        try:
            concept = concept_save(*self._written)
        except IntegrityError:
            # Another request stored the same identifier or term first.
            raise Conflict(
                _("The glossary changed while this was written; read the concept and try again.")
            ) from None
        return concept_queryset().get(pk=concept.pk)


def _terms(concept, items):
    """Return the Term objects ``items`` (validated term data) make of ``concept``'s terms."""
    stored = {term.pk: term for term in concept.terms.all()} if concept.pk else {}
    by_text = {(term.language, term.text): term for term in stored.values()}
    terms, used, errors = [], set(), [{} for _item in items]
    for index, item in enumerate(items):
        term_id = item.get("id")
        if term_id is None:
            term = by_text.get((item.get("language"), item.get("text")))
            term = Term() if term is None or term.pk in used else term
        elif term_id not in stored:
            errors[index] = {"id": [_("This concept has no term %(id)s.") % {"id": term_id}]}
            continue
        elif term_id in used:
            errors[index] = {"id": [_("Term %(id)s is listed twice.") % {"id": term_id}]}
            continue
        else:
            term = stored[term_id]
        for name in TERM_VALUES:
            if name in item:
                setattr(term, name, item[name])
        term.position = item.get("position", index if term.pk is None else term.position)
        used.add(term.pk)
        terms.append(term)
    if any(errors):
        raise serializers.ValidationError({"terms": errors})
    return terms


def _errors(error, count):
    """Return the validation errors of a concept the glossary's check refused."""
    field = TERM_FIELDS.get(error.field) if error.term is not None else None
    if field is not None:
        errors = [{} for _index in range(count)]
        errors[error.term] = {field: [str(error)]}
        return {"terms": errors}
    return {error.field if error.field in CONCEPT_FIELDS else "non_field_errors": [str(error)]}


class ConceptFilter(serializers.Serializer):
    q = serializers.CharField(
        required=False,
        max_length=limits.MAX_SEARCH_CHARS,
        help_text="Words each found in the identifier, a term, a definition or a note.",
    )
    language = serializers.ChoiceField(
        choices=languages.choices(),
        required=False,
        help_text="Concepts with a term in this language.",
    )
    status = serializers.ChoiceField(
        choices=TermStatus.choices,
        required=False,
        help_text="Concepts with a term of this status (with language: in that language).",
    )


class ConceptCursor(Cursor):
    ordering = "identifier"


@extend_schema_view(
    get=extend_schema(tags=TAGS, parameters=[ConceptFilter], summary="List concepts"),
    post=extend_schema(tags=TAGS, summary="Create a concept (terminologists)"),
)
class ConceptListView(generics.ListCreateAPIView):
    permission_classes = [IsStaff, GlossaryAccess]
    parser_classes = [JSONParser]
    serializer_class = ConceptSerializer
    pagination_class = ConceptCursor

    def get_queryset(self):
        return concept_queryset()

    def filter_queryset(self, queryset):
        wanted = ConceptFilter(data=self.request.query_params)
        wanted.is_valid(raise_exception=True)
        found = wanted.validated_data
        if found.get("q"):
            matching = concepts_search(Concept.objects.all(), found["q"], CONCEPT_SEARCH_FIELDS)
            queryset = queryset.filter(pk__in=matching.values("pk"))
        term = {name: found[name] for name in ("status", "language") if found.get(name)}
        return concepts_with_term(queryset, **term)


@extend_schema_view(
    get=extend_schema(tags=TAGS, summary="A concept with its terms"),
    put=extend_schema(tags=TAGS, summary="Replace a concept (terminologists)"),
    patch=extend_schema(tags=TAGS, summary="Change a concept (terminologists)"),
    delete=extend_schema(tags=TAGS, summary="Delete a concept (terminologists)"),
)
class ConceptDetailView(generics.RetrieveUpdateDestroyAPIView):
    permission_classes = [IsStaff, GlossaryAccess]
    parser_classes = [JSONParser]
    serializer_class = ConceptSerializer
    lookup_field = "identifier"

    def get_queryset(self):
        return concept_queryset()

    def get_object(self):
        identifier = self.kwargs["identifier"]
        concept = self.get_queryset().filter(identifier=identifier).first()
        if concept is None:
            raise exceptions.NotFound(
                _("There is no concept “%(identifier)s”.") % {"identifier": identifier}
            )
        self.check_object_permissions(self.request, concept)
        return concept

    def perform_destroy(self, instance):
        concepts_delete(Concept.objects.filter(pk=instance.pk))
