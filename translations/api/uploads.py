"""What the API's file endpoints share: downloads whatever the client accepts, uploads read
under the forms' size limit, and refusals as problem documents."""

from django.http import HttpResponse
from rest_framework import exceptions, serializers, status
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import FormParser, MultiPartParser

from records.api import Refusal
from translations.uploads import UploadTooLarge, upload_file_read


class FileNegotiation(DefaultContentNegotiation):
    """A file endpoint answers with its file (or JSON) whatever ``Accept`` says
    (``text/x-gettext-translation`` included), and its ``format`` parameter names the file's
    format, not a renderer's; errors are problem documents anyway."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class TooLarge(Refusal):
    """An upload over the upload limit, refused before it is read."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


class UploadSerializer(serializers.Serializer):
    """A multipart upload: the file (other fields are the command's options)."""

    file = serializers.FileField(use_url=False)


UPLOAD_PARSERS = [MultiPartParser, FormParser]


def upload_bytes(upload):
    """Return the name and bytes of an uploaded file, refusing one over the upload limit (413)."""
    try:
        return upload_file_read(upload)
    except UploadTooLarge as error:
        raise TooLarge(str(error)) from None


def file_refused(error, field="file"):
    """Return the 400 refusal of a file a service refused (``error``'s text, under ``field``)."""
    return exceptions.ValidationError({field: [str(error)]})


def attachment(data, content_type, name):
    """Return a file download named ``name``."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
