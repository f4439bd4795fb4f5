"""Uploaded files before any format reads them: the size limit every upload form obeys."""

from django.utils.translation import gettext_lazy

from config.limits import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB

ERR_TOO_LARGE = gettext_lazy(
    "the file is %(size)s bytes; at most %(limit)s bytes (%(megabytes)s MB) are accepted"
)


def too_large(size):
    """Return the refusal of a ``size``-byte file, over the upload limit."""
    return ERR_TOO_LARGE % {"size": size, "limit": MAX_UPLOAD_BYTES, "megabytes": MAX_UPLOAD_MB}


class UploadError(ValueError):
    """An uploaded file is refused before it is read; nothing was written."""


def upload_read(form, field="file"):
    """Return the uploaded file's name and bytes, refusing an oversized file before reading it."""
    upload = form.cleaned_data[field]
    if upload.size > MAX_UPLOAD_BYTES:
        raise UploadError(too_large(upload.size))
    return upload.name, upload.read()
