"""A release's PO and XLIFF files in one language: download, and upload with the import's
report. The same code as ``export_po`` / ``import_po`` and the release's admin pages
(``release_file_export``, ``release_file_import``), and the admin's rule for who may: whoever
edits that language's text."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from config import languages
from records.api import Conflict
from records.models import Release
from records.permissions import editable_languages
from records.services import ActionNotAllowed, ReleaseContentError, RevisionConflict
from translations.api.reports import FILE, ImportReportSerializer
from translations.api.uploads import (
    UPLOAD_PARSERS,
    FileNegotiation,
    UploadSerializer,
    attachment,
    file_refused,
    upload_bytes,
)
from translations.exchange.imports import release_file_import
from translations.exchange.services import (
    FORMATS,
    exchange_format_for,
    release_file_export,
    release_file_name,
)
from translations.exchange.units import ExchangeFileError

TAGS = ["files"]


def release_for_files(release_id, language, user):
    """Return the release whose ``language`` files ``user`` asks for, or refuse: no such
    release or target language (404), a language the user does not edit (403)."""
    release = Release.objects.select_related("topic").filter(pk=release_id).first()
    if release is None:
        raise exceptions.NotFound(_("There is no release %(id)s.") % {"id": release_id})
    refusal = release.target_refusal(language)
    if refusal:
        raise exceptions.NotFound(refusal)
    if language not in editable_languages(user):
        raise exceptions.PermissionDenied(
            _("You may not edit the %(language)s text.") % {"language": languages.name(language)}
        )
    return release


class RevisionQuery(serializers.Serializer):
    revision = serializers.IntegerField(
        required=False, min_value=1, help_text="The revision to export (default: the newest)."
    )


class ReleaseFileDownload(APIView):
    """A release's exchange file in one language, as ``export_po`` and the admin write it."""

    content_negotiation_class = FileNegotiation
    fmt = None

    def get(self, request, release_id, language):
        release = release_for_files(release_id, language, request.user)
        query = RevisionQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        revision = query.validated_data.get("revision")
        try:
            data = release_file_export(release, language, self.fmt, revision)
        except (ExchangeFileError, ReleaseContentError) as error:
            raise file_refused(error, "revision") from None
        name = release_file_name(release, language, revision, self.fmt)
        return attachment(data, FORMATS[self.fmt].content_type, name)


def _download_schema(fmt, what):
    return extend_schema(
        tags=TAGS,
        summary=f"Download a release's {what} file in one language",
        parameters=[RevisionQuery],
        responses={(200, FORMATS[fmt].content_type): OpenApiResponse(FILE, description=what)},
    )


@_download_schema("po", "PO")
class ReleasePoView(ReleaseFileDownload):
    fmt = "po"


@_download_schema("xliff", "XLIFF 1.2")
class ReleaseXliffView(ReleaseFileDownload):
    fmt = "xliff"


class ReleaseFileUpload(UploadSerializer):
    format = serializers.ChoiceField(
        choices=sorted(FORMATS),
        required=False,
        help_text="Default: by the file's name (.xlf, .xliff, .mqxliff, .sdlxliff: XLIFF; "
        "else PO).",
    )
    dry_run = serializers.BooleanField(
        default=False, help_text="Report what the upload would change; write nothing."
    )
    strict = serializers.BooleanField(
        default=False,
        help_text="Refuse the whole file if any entry conflicts with a newer change.",
    )


class ReleaseFileUploadView(APIView):
    parser_classes = UPLOAD_PARSERS

    @extend_schema(
        tags=TAGS,
        summary="Upload a translated PO or XLIFF file of a release in one language",
        request={"multipart/form-data": ReleaseFileUpload},
        responses=ImportReportSerializer,
    )
    def post(self, request, release_id, language):
        release = release_for_files(release_id, language, request.user)
        upload = ReleaseFileUpload(data=request.data)
        upload.is_valid(raise_exception=True)
        options = upload.validated_data
        name, data = upload_bytes(options["file"])
        try:
            report = release_file_import(
                data,
                options.get("format") or exchange_format_for(name),
                author=request.user,
                dry_run=options["dry_run"],
                strict=options["strict"],
                release=release,
                language=language,
            )
        except (ExchangeFileError, ReleaseContentError) as error:
            raise file_refused(error) from None
        except ActionNotAllowed as error:
            raise exceptions.PermissionDenied(str(error)) from None
        except RevisionConflict as error:
            raise Conflict(str(error)) from None
        return Response(ImportReportSerializer(report).data)
