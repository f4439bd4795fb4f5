"""Uploaded files before any format reads them: the size limit every upload form obeys."""

import codecs

from django.utils.translation import gettext_lazy

from config.limits import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB

ERR_TOO_LARGE = gettext_lazy(
    "the file is %(size)s bytes; at most %(limit)s bytes (%(megabytes)s MB) are accepted"
)


def too_large(size, limit=MAX_UPLOAD_BYTES):
    """Return the refusal of a ``size``-byte file, over ``limit`` (the upload limit)."""
    return ERR_TOO_LARGE % {"size": size, "limit": limit, "megabytes": MAX_UPLOAD_MB}


class UploadError(ValueError):
    """An uploaded file is refused before it is read; nothing was written."""


def upload_read(form, field="file"):
    """Return the uploaded file's name and bytes, refusing an oversized file before reading it."""
    return upload_file_read(form.cleaned_data[field])


class UploadTooLarge(UploadError):
    """An uploaded file is over the upload limit; it was not read."""


def upload_file_read(upload):
    """Return an uploaded file's (``UploadedFile``) name and bytes, refusing an oversized file
    before reading it (the forms' and the API's uploads alike)."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise UploadTooLarge(too_large(upload.size))
    return upload.name, upload.read()


ERR_NOT_UTF8 = gettext_lazy(
    "the file is not UTF-8 (undecodable byte at offset %(offset)s); save it as UTF-8"
)
ERR_NOT_UTF16 = gettext_lazy(
    "the file starts with a %(encoding)s byte order mark but is not valid %(encoding)s text "
    "(byte %(offset)s); save it as UTF-8"
)
ERR_UTF16_NO_MARK = gettext_lazy(
    "the file looks like UTF-16 text without a byte order mark; save it as UTF-8 (or as "
    "UTF-16 with its byte order mark)"
)
ERR_NUL = gettext_lazy(
    "the file contains a NUL character (at character %(offset)s); it is not a text file"
)
# Longest first: UTF-32 LE's mark starts with UTF-16 LE's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


class TextEncodingError(UploadError):
    """A text file (PO, CSV) cannot be decoded; nothing was written."""


def _looks_like_utf16(data):
    """Return whether ``data`` has the NUL bytes of ASCII text in UTF-16 (every other byte)."""
    head = bytes(data[:200])
    pairs = len(head) // 2
    return pairs >= 2 and (
        sum(1 for i in range(pairs) if head[2 * i] == 0) >= pairs * 0.8
        or sum(1 for i in range(pairs) if head[2 * i + 1] == 0) >= pairs * 0.8
    )


ERR_ZIP = gettext_lazy(
    "the file is a zip archive (an Excel workbook, a Word document or a translation tool's "
    "package), not text: save or export it from that program as text (CSV UTF-8, PO, XLIFF, "
    "TMX or TBX) and import that file"
)
# Every zip archive (.xlsx, .docx, .sdlppx, .mqxlz) starts with a local file header.
ZIP_MAGIC = b"PK\x03\x04"


def is_zip(data):
    """Return whether ``data`` (bytes, or the first bytes of a file) starts a zip archive."""
    return bytes(data[: len(ZIP_MAGIC)]) == ZIP_MAGIC


def text_decode(data):
    """Return the text of an uploaded text file, decoded once: by its byte order mark (UTF-8,
    UTF-16 or UTF-32, as Excel's "Unicode text" and Notepad write), else as UTF-8.

    Anything else — a legacy 8-bit encoding, UTF-16 without its mark, a NUL character, a zip
    archive such as an Excel workbook — raises :class:`TextEncodingError` saying how to save
    the file.
    """
    if is_zip(data):
        raise TextEncodingError(ERR_ZIP)
    encoding, mark, name = "utf-8", 0, "UTF-8"
    for bom, codec, label in _MARKS:
        if bytes(data[: len(bom)]) == bom:
            encoding, mark, name = codec, len(bom), label
            break
    try:
        text = bytes(data[mark:]).decode(encoding)
    except UnicodeDecodeError as error:
        if mark and name != "UTF-8":
            raise TextEncodingError(
                ERR_NOT_UTF16 % {"encoding": name, "offset": mark + error.start}
            ) from None
        if not mark and _looks_like_utf16(data):
            raise TextEncodingError(ERR_UTF16_NO_MARK) from None
        raise TextEncodingError(ERR_NOT_UTF8 % {"offset": mark + error.start}) from None
    nul = text.find("\0")
    if nul >= 0:
        raise TextEncodingError(
            ERR_UTF16_NO_MARK if _looks_like_utf16(data) else ERR_NUL % {"offset": nul}
        )
    return text
