"""The translation memory through the API: matches for source texts (``memory_lookup``), the
concordance of approved translations (``concordance``), and TMX files (``export_tm`` /
``import_tm``'s code).

Lookups, the concordance and the TMX download answer whoever edits or reviews the target
language (its translators and reviewers, editors: ``work_languages``); a TMX upload changes
the memory of every pair it holds, so it needs the memory's own add and change permissions
(superusers, as the command is the operator's).
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from config import languages, limits
from records.api.permissions import IsStaff
from translations.api.reports import FILE, MemoryImportSerializer
from translations.api.uploads import (
    UPLOAD_PARSERS,
    FileNegotiation,
    UploadSerializer,
    attachment,
    file_refused,
    upload_bytes,
)
from translations.memory.lookup import memory_lookup
from translations.memory.tmx import TmxError, memory_export, memory_import
from translations.review.concordance import (
    SIDES,
    ConcordanceRefused,
    concordance,
    concordance_query,
)
from translations.review.permissions import work_languages

TAGS = ["memory"]
TMX_CONTENT_TYPE = "application/x-tmx+xml"
TMX_UPLOAD = ("translations.add_memoryentry", "translations.change_memoryentry")


def language_check(user, language):
    """Refuse a target language ``user`` neither edits nor reviews."""
    if language not in work_languages(user):
        raise exceptions.PermissionDenied(
            _("You do not translate or review %(language)s.")
            % {"language": languages.name(language)}
        )


class LanguagePair(serializers.Serializer):
    source_language = serializers.ChoiceField(
        choices=languages.choices(), default=languages.DEFAULT_SOURCE
    )
    target_language = serializers.ChoiceField(choices=languages.choices())

    def validate(self, attrs):
        if attrs["source_language"] == attrs["target_language"]:
            raise serializers.ValidationError(
                {"target_language": [_("The target language must differ from the source's.")]}
            )
        return attrs


class LookupRequest(LanguagePair):
    texts = serializers.ListField(
        child=serializers.CharField(
            max_length=limits.MAX_UNIT_CHARS, trim_whitespace=False, allow_blank=True
        ),
        min_length=1,
        max_length=limits.MAX_MEMORY_LOOKUP_TEXTS,
        help_text="Source texts to find matches for (the answer keeps their order).",
    )


class MatchSerializer(serializers.Serializer):
    entry = serializers.IntegerField(source="entry.pk")
    percent = serializers.IntegerField(help_text="100 for an exact match, else the similarity.")
    exact = serializers.BooleanField()
    source = serializers.CharField(source="entry.source_text")
    target = serializers.CharField(source="entry.target_text")
    release = serializers.CharField(source="entry.release_slug")
    revision = serializers.IntegerField(source="entry.revision_number", allow_null=True)
    approver = serializers.CharField(source="entry.approver")
    changed_at = serializers.DateTimeField(source="entry.changed_at")


class LookupResultSerializer(serializers.Serializer):
    text = serializers.CharField()
    matches = MatchSerializer(many=True)


class LookupAnswerSerializer(serializers.Serializer):
    source_language = serializers.CharField()
    target_language = serializers.CharField()
    results = LookupResultSerializer(many=True)


class MemoryLookupView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Translation memory matches for source texts",
        request=LookupRequest,
        responses=LookupAnswerSerializer,
    )
    def post(self, request):
        wanted = LookupRequest(data=request.data)
        wanted.is_valid(raise_exception=True)
        pair = wanted.validated_data
        language_check(request.user, pair["target_language"])
        texts = pair["texts"]
        found = memory_lookup(
            pair["source_language"],
            pair["target_language"],
            dict(enumerate(texts)),
        )
        answer = {
            "source_language": pair["source_language"],
            "target_language": pair["target_language"],
            "results": [
                {"text": text, "matches": found.get(index, [])} for index, text in enumerate(texts)
            ],
        }
        return Response(LookupAnswerSerializer(answer).data)


class ConcordanceQuery(LanguagePair):
    q = serializers.CharField(
        trim_whitespace=False,
        allow_blank=True,
        help_text=f"The words to look for (at most {limits.MAX_CONCORDANCE_CHARS} characters).",
    )
    side = serializers.ChoiceField(choices=SIDES, default="both")


class HitSerializer(serializers.Serializer):
    source = serializers.CharField(source="source_text")
    target = serializers.CharField(source="target_text")
    source_marks = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField()),
        help_text="[start, end] of each word found in the source.",
    )
    target_marks = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField())
    )
    origin = serializers.CharField(help_text="release (an approved unit) or memory.")
    in_memory = serializers.BooleanField()
    release = serializers.CharField(source="release_slug")
    release_id = serializers.IntegerField(allow_null=True)
    key = serializers.CharField(help_text="The unit's key (a release's unit), else empty.")
    approver = serializers.CharField()
    date = serializers.DateField(source="when", allow_null=True)


class ConcordanceAnswerSerializer(serializers.Serializer):
    query = serializers.CharField(source="query.text")
    side = serializers.CharField(source="query.side")
    source_language = serializers.CharField(source="query.source_language")
    target_language = serializers.CharField(source="query.language")
    results = HitSerializer(many=True)
    more = serializers.BooleanField(help_text="More were found than are answered.")


class ConcordanceView(APIView):
    @extend_schema(
        tags=TAGS,
        summary="Where words occur in approved translations and the memory",
        parameters=[ConcordanceQuery],
        responses=ConcordanceAnswerSerializer,
    )
    def get(self, request):
        wanted = ConcordanceQuery(data=request.query_params)
        wanted.is_valid(raise_exception=True)
        asked = wanted.validated_data
        language_check(request.user, asked["target_language"])
        try:
            query = concordance_query(
                asked["source_language"], asked["target_language"], asked["q"], asked["side"]
            )
        except ConcordanceRefused as error:
            raise exceptions.ValidationError({"q": [str(error)]}) from None
        hits, more = concordance(query)
        answer = {"query": query, "results": hits, "more": more}
        return Response(ConcordanceAnswerSerializer(answer).data)


class TmxAccess(BasePermission):
    message = ""

    def has_permission(self, request, view):
        if request.method != "POST":
            return True
        self.message = _("You may not import files into the translation memory.")
        return request.user.has_perms(TMX_UPLOAD)


class TmxQuery(serializers.Serializer):
    language = serializers.ChoiceField(
        choices=languages.choices(), help_text="The target language of the entries exported."
    )


class MemoryTmxView(APIView):
    permission_classes = [IsStaff, TmxAccess]
    parser_classes = UPLOAD_PARSERS
    content_negotiation_class = FileNegotiation

    @extend_schema(
        tags=TAGS,
        summary="Download the memory into one language as TMX 1.4b",
        parameters=[TmxQuery],
        responses={(200, TMX_CONTENT_TYPE): OpenApiResponse(FILE, description="TMX 1.4b")},
    )
    def get(self, request):
        query = TmxQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        language = query.validated_data["language"]
        language_check(request.user, language)
        try:
            data = memory_export(language)
        except TmxError as error:
            raise file_refused(error, "language") from None
        return attachment(data, TMX_CONTENT_TYPE, f"memory.{language}.tmx")

    @extend_schema(
        tags=TAGS,
        summary="Upload a TMX 1.4b file into the memory",
        request={"multipart/form-data": UploadSerializer},
        responses=MemoryImportSerializer,
    )
    def post(self, request):
        upload = UploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        _name, data = upload_bytes(upload.validated_data["file"])
        try:
            report = memory_import(data)
        except TmxError as error:
            raise file_refused(error) from None
        return Response(MemoryImportSerializer(report).data)
