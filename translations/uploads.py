"""Uploaded files before any format reads them: the size limit every upload form obeys."""

from django.utils.translation import gettext_lazy

# DESIGN "Limits": uploads up to 20 MB.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024

ERR_TOO_LARGE = gettext_lazy(
    "the file is %(size)s bytes; at most %(limit)s bytes (20 MB) are accepted"
)


class UploadError(ValueError):
    """An uploaded file is refused before it is read; nothing was written."""


def upload_read(form, field="file"):
    """Return the uploaded file's name and bytes, refusing an oversized file before reading it."""
    upload = form.cleaned_data[field]
    if upload.size > MAX_UPLOAD_BYTES:
        raise UploadError(ERR_TOO_LARGE % {"size": upload.size, "limit": MAX_UPLOAD_BYTES})
    return upload.name, upload.read()
