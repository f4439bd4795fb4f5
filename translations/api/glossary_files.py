"""The glossary as a file: download (TBX v3, TBX 2008, CSV, PO) and upload (TBX, CSV) with the
import's report. The same code as ``export_glossary`` / ``import_glossary`` and the concept
admin's download and upload pages, and the admin's rule for who may."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from config import languages
from records.api.permissions import IsStaff
from translations.api.reports import FILE, GlossaryReportSerializer
from translations.api.uploads import (
    UPLOAD_PARSERS,
    FileNegotiation,
    UploadSerializer,
    attachment,
    file_refused,
    upload_bytes,
)
from translations.glossary.files import GlossaryFormatError, glossary_iter
from translations.glossary.services import (
    GLOSSARY_FILES,
    GlossaryImportError,
    glossary_file_export,
    glossary_import,
)
from translations.uploads import UploadError

TAGS = ["glossary"]
# The concept admin's: reading the glossary; adding and changing concepts.
DOWNLOAD = ("translations.view_concept",)
UPLOAD = ("translations.add_concept", "translations.change_concept")


class GlossaryFileAccess(BasePermission):
    def has_permission(self, request, view):
        if request.method == "POST":
            self.message = _("Only terminologists may change the glossary.")
            return request.user.has_perms(UPLOAD)
        self.message = _("You may not read the glossary.")
        return request.user.has_perms(DOWNLOAD)


class GlossaryFileQuery(serializers.Serializer):
    format = serializers.ChoiceField(choices=list(GLOSSARY_FILES), default="tbx")
    language = serializers.ChoiceField(
        choices=languages.targets(),
        required=False,
        help_text=f"The target language of a PO glossary (its source: {languages.DEFAULT_SOURCE}).",
    )
    excel = serializers.BooleanField(
        default=False, help_text="CSV for Excel: a byte order mark and CRLF line ends."
    )

    def validate(self, attrs):
        if attrs["format"] == "po" and not attrs.get("language"):
            raise serializers.ValidationError(
                {"language": [_("A PO glossary needs its target language.")]}
            )
        return attrs


class GlossaryFileUpload(UploadSerializer):
    dry_run = serializers.BooleanField(
        default=False, help_text="Report what the upload would change; write nothing."
    )
    replace = serializers.BooleanField(
        default=False,
        help_text="Remove a concept's terms in the file's languages that the file does not "
        "hold (otherwise they are kept and reported).",
    )


class GlossaryFileView(APIView):
    permission_classes = [IsStaff, GlossaryFileAccess]
    parser_classes = UPLOAD_PARSERS
    content_negotiation_class = FileNegotiation

    @extend_schema(
        tags=TAGS,
        summary="Download the glossary as TBX, TBX 2008, CSV or PO",
        parameters=[GlossaryFileQuery],
        responses={
            (200, GLOSSARY_FILES["tbx"][0]): OpenApiResponse(FILE, description="TBX, TBX 2008"),
            (200, GLOSSARY_FILES["csv"][0]): OpenApiResponse(FILE, description="CSV"),
            (200, GLOSSARY_FILES["po"][0]): OpenApiResponse(FILE, description="PO"),
        },
    )
    def get(self, request):
        query = GlossaryFileQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        fmt, language = query.validated_data["format"], query.validated_data.get("language")
        try:
            data = glossary_file_export(fmt, language=language, excel=query.validated_data["excel"])
        except GlossaryFormatError as error:
            raise file_refused(error, "format") from None
        content_type, name = GLOSSARY_FILES[fmt]
        return attachment(data, content_type, name.format(language=language))

    @extend_schema(
        tags=TAGS,
        summary="Upload a TBX or CSV glossary (terminologists)",
        request={"multipart/form-data": GlossaryFileUpload},
        responses=GlossaryReportSerializer,
    )
    def post(self, request):
        upload = GlossaryFileUpload(data=request.data)
        upload.is_valid(raise_exception=True)
        options = upload.validated_data
        name, data = upload_bytes(options["file"])
        try:
            report = glossary_import(
                glossary_iter(data, name),
                replace_terms=options["replace"],
                dry_run=options["dry_run"],
            )
        except (UploadError, GlossaryFormatError, GlossaryImportError) as error:
            raise file_refused(error) from None
        return Response(GlossaryReportSerializer(report).data)
