"""An XML document's bytes decoded once, in the encoding decided once, before any parser.

The prolog check (:mod:`translations.xmlsafe`) decides the encoding as the XML specification
says — a byte order mark, else the XML declaration, else UTF-8 — and refuses a declaration
the mark contradicts. This module then reads the whole document in that encoding, strictly:

* a zip archive (an Excel workbook, a Trados package) is refused saying what it is;
* a byte that is not text in it refuses the file, naming the offset and the encoding;
* a legacy 8-bit declaration (ISO-8859-1, windows-1251…) over bytes that are valid UTF-8
  with non-ASCII characters is refused naming both: such a file was saved as UTF-8 by a tool
  that kept an old declaration, and reading it as declared would store mojibake. (Real text
  in a legacy encoding is practically never valid UTF-8 once it has non-ASCII letters.)
* a declaration that tells the truth is read: the document is handed to the parser as UTF-8
  with its declaration saying so, so no parser decodes it a second time, its own way.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Collection
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from translations.uploads import ERR_ZIP, ZIP_MAGIC, is_zip
from translations.xmlsafe import Doctype, UnsafeXMLError, prolog_read

CHUNK = 1 << 16
ERR_CONTRADICTED = _(
    "the file declares the encoding “%(declared)s” but is written in UTF-8; correct its XML "
    'declaration (encoding="UTF-8") and import it again'
)
ERR_UNDECODABLE = _(
    "the file is not valid %(encoding)s text (byte %(offset)s)%(declared)s; save it as UTF-8"
)
ERR_NO_DECLARATION = _(", and its XML declaration names no other encoding")
_UNICODE = ("utf-8", "utf-16", "utf-32")
_DECLARATION = re.compile(r"\A(<\?xml\b[^>]*?\bencoding\s*=\s*)([\"'])[^\"']*\2")


def _family(encoding: str) -> str:
    return next((name for name in _UNICODE if encoding.startswith(name)), encoding)


def _check(stream: BinaryIO, encoding: str, mark: int, declared: str | None) -> None:
    """Read the whole document once in ``encoding``, refusing what the module says."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    # Whether a legacy declaration hides UTF-8: checked alongside, until the bytes say no.
    legacy = _family(encoding) not in _UNICODE
    utf8 = codecs.getincrementaldecoder("utf-8")("strict") if legacy else None
    non_ascii = False
    stream.seek(mark, io.SEEK_CUR)
    offset = mark
    while True:
        chunk = stream.read(CHUNK)
        final = not chunk
        try:
            decoder.decode(chunk, final)
        except UnicodeDecodeError as error:
            name = codecs.lookup(encoding).name.upper()
            raise UnsafeXMLError(
                ERR_UNDECODABLE
                % {
                    "encoding": name,
                    "offset": offset + max(error.start, 0),
                    "declared": "" if declared or mark else ERR_NO_DECLARATION,
                }
            ) from None
        if utf8 is not None:
            non_ascii = non_ascii or any(byte > 0x7F for byte in chunk)
            try:
                utf8.decode(chunk, final)
            except UnicodeDecodeError:
                utf8 = None
        if final:
            break
        offset += len(chunk)
    if utf8 is not None and non_ascii:
        raise UnsafeXMLError(ERR_CONTRADICTED % {"declared": (declared or encoding)[:40]})


def xml_utf8(
    source: bytes | bytearray | memoryview | BinaryIO, *, allow_external: Collection[str] = ()
) -> tuple[BinaryIO, Doctype | None]:
    """Return the document as a UTF-8 stream, and its allowed DOCTYPE; raise
    ``UnsafeXMLError`` for what the prolog check refuses and for the encoding problems above.

    A UTF-8 document is returned as it is (a stream is put back where it was); any other is
    decoded once and re-encoded, its declaration saying UTF-8.
    """
    stream = io.BytesIO(bytes(source)) if not hasattr(source, "read") else source
    start = stream.tell()
    head = stream.read(len(ZIP_MAGIC))
    stream.seek(start)
    if is_zip(head):
        raise UnsafeXMLError(ERR_ZIP)
    doctype, encoding, mark, declared = prolog_read(stream, allow_external=allow_external)
    try:
        _check(stream, encoding, mark, declared)
    finally:
        stream.seek(start)
    if _family(encoding) == "utf-8":
        return stream, doctype
    stream.seek(start + mark)
    text = stream.read().decode(encoding)
    text = _DECLARATION.sub(lambda match: f"{match[1]}{match[2]}UTF-8{match[2]}", text, count=1)
    return io.BytesIO(text.encode("utf-8")), doctype
