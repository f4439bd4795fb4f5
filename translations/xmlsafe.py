"""Refuse unsafe XML before any parser reads it: the prolog check every XML reader runs first.

Entities can only be declared in a DTD, so refusing every internal subset (and every DOCTYPE
a format does not name as allowed) refuses billion laughs, quadratic blowup, parameter and
external entities before libxml2 sees them. The refusal and its message are then the same
whatever libxml2's version and its own limits, which stay on as a second wall
(:data:`SAFE_PARSING`).

The prolog (everything before the root element's start tag) is read as the XML specification's
Appendix F detects an encoding: a byte order mark, else the first bytes' pattern (``<`` with
NULs around it: UTF-16 or UTF-32 without a mark), else an ASCII-compatible encoding named by
the XML declaration (UTF-8 when none). An encoding in which ASCII bytes do not always mean
ASCII characters (UTF-7, EBCDIC, ISO-2022) is refused: markup could hide in it from one reader
and not from another. Only the prolog is read, in bounded chunks; an internal subset is refused
at its ``[``, so a huge one is never read.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

# Untrusted input: no entity expansion, no DTD or network access, default size limits.
SAFE_PARSING = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
}

ERR_DOCTYPE = _("the file declares a DOCTYPE; DTDs and entities are not allowed")
ERR_UNKNOWN_ENCODING = _(
    "the file declares the encoding “%(encoding)s”, which is not known; save it as UTF-8"
)
ERR_UNSAFE_ENCODING = _(
    "the file declares the encoding “%(encoding)s”, in which markup cannot be checked "
    "safely; save it as UTF-8"
)
ERR_UNREAD_ENCODING = _(
    "the file is written in %(encoding)s, in which markup cannot be checked safely; "
    "save it as UTF-8"
)
ERR_CONTRADICTED_ENCODING = _(
    "the file declares the encoding “%(encoding)s” but is written in %(found)s; save it as UTF-8"
)
ERR_UNDECODABLE = _("the start of the file is not valid %(encoding)s text; save it as UTF-8")
ERR_LONG_DECLARATION = _("the XML declaration is longer than %(limit)s characters")

CHUNK_BYTES = 8192
# A declaration is about forty characters and an allowed DOCTYPE a name and two identifiers;
# anything longer is refused rather than read on.
MAX_DECLARATION = 1024
MAX_DOCTYPE = 8192

_SPACE = " \t\r\n"
# Longest first: UTF-32 LE's mark starts with UTF-16 LE's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Byte patterns of encodings a parser may detect but this check does not read.
_UNREAD = (
    (b"\0\0<\0", "UCS-4"),
    (b"\0<\0\0", "UCS-4"),
    (b"\x4c\x6f\xa7\x94", "EBCDIC"),
)
_PATTERNS = (
    (b"\0\0\0<", "utf-32-be"),
    (b"<\0\0\0", "utf-32-le"),
    (b"\0<", "utf-16-be"),
    (b"<\0", "utf-16-le"),
)
# What a declaration may say when the bytes already told the encoding.
_SAME_ENCODING = {
    "utf-8": {"utf-8", "utf-8-sig"},
    "utf-16-le": {"utf-16", "utf-16-le"},
    "utf-16-be": {"utf-16", "utf-16-be"},
    "utf-32-le": {"utf-32", "utf-32-le"},
    "utf-32-be": {"utf-32", "utf-32-be"},
}
# Bytes an ASCII-compatible encoding reads as themselves; each probe catches a kind of encoding
# that does not (UTF-7's "+…-", escape codecs' "\u…", HZ's "~{…~}", ISO-2022's escapes).
_ASCII_PROBES = (
    bytes(range(128)),
    b"+ADw-!DOCTYPE",
    b"\\u003c!DOCTYPE",
    b"~{<!DOCTYPE~}",
    b"\x1b$B<!DOCTYPE\x1b(B",
)
# Also without the blank the specification requires before it: a parser may still honour it.
_ENCODING = re.compile(r"""(?<![\w.:-])encoding[ \t\r\n]*=[ \t\r\n]*(["'])(.*?)\1""", re.S)
_LITERAL = r"\"[^\"]*\"|'[^']*'"
_DOCTYPE = re.compile(
    rf"""[ \t\r\n]+(?P<name>[^ \t\r\n\[>"']+)
    (?:[ \t\r\n]+(?:SYSTEM[ \t\r\n]+(?P<system>{_LITERAL})
    |PUBLIC[ \t\r\n]+(?P<public>{_LITERAL})[ \t\r\n]+(?P<public_system>{_LITERAL})))?
    [ \t\r\n]*""",
    re.X,
)
# Undecodable bytes become a lone surrogate, which no valid text decodes to.
_BAD = "\ud800"
_ERRORS = "concord-xmlsafe"
codecs.register_error(_ERRORS, lambda error: (_BAD, error.end))


@dataclass(frozen=True)
class Doctype:
    """A document type declaration as far as it was read."""

    name: str
    public_id: str | None = None
    system_id: str | None = None
    internal_subset: bool = False


class UnsafeXMLError(ValueError):
    """The document is refused before parsing; str() is user-facing.

    ``doctype`` is the refused DOCTYPE (readers name it in their own words), or None when the
    encoding is what is refused.
    """

    def __init__(self, message, doctype: Doctype | None = None):
        super().__init__(str(message))
        self.doctype = doctype


def _chunks(source: bytes | bytearray | memoryview | BinaryIO) -> Iterator[bytes]:
    if isinstance(source, bytes | bytearray | memoryview):
        view = memoryview(source).cast("B")
        for start in range(0, len(view), CHUNK_BYTES):
            yield bytes(view[start : start + CHUNK_BYTES])
        return
    while chunk := source.read(CHUNK_BYTES):
        yield chunk


class _Prolog:
    """The document's text from its start, decoded only as far as it is looked at."""

    def __init__(self, chunks: Iterator[bytes], encoding: str):
        self._chunks = chunks
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)(_ERRORS)
        self._ended = False
        self.text = ""
        self.pos = 0

    def recode(self, encoding: str) -> None:
        """Read on in ``encoding``; what was decoded so far was decoded as Latin-1."""
        rest = self.text[self.pos :].encode("latin-1")
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)(_ERRORS)
        self.text, self.pos = self._decoder.decode(rest, self._ended), 0

    def more(self) -> bool:
        """Decode the next chunk; return False at the end of the document."""
        if self._ended:
            return False
        chunk = next(self._chunks, None)
        self._ended = chunk is None
        self.text += self._decoder.decode(chunk or b"", self._ended)
        return True

    def _forget(self) -> None:
        """Drop the text already passed, so a long comment is never held whole."""
        self.text, self.pos = self.text[self.pos :], 0

    def peek(self, size: int) -> str:
        self._forget()
        while len(self.text) < size and self.more():
            pass
        return self.text[:size]

    def advance(self, end: int) -> None:
        """Move past the text up to ``end``, refusing it if it was not decodable."""
        if _BAD in self.text[self.pos : end]:
            raise UnsafeXMLError(ERR_UNDECODABLE % {"encoding": self.encoding.upper()})
        self.pos = end

    def skip_space(self) -> None:
        while True:
            self._forget()
            stripped = self.text.lstrip(_SPACE)
            self.pos = len(self.text) - len(stripped)
            if stripped or not self.more():
                return

    def skip_past(self, end: str) -> bool:
        """Move past the next ``end``; return False if the document ends first."""
        while (found := self.text.find(end, self.pos)) < 0:
            # Keep only what could be the start of ``end``.
            self.advance(max(self.pos, len(self.text) - len(end) + 1))
            self._forget()
            if not self.more():
                return False
        self.advance(found + len(end))
        return True

    def read_past(self, end: str, limit: int) -> str | None:
        """Move past the next ``end`` and return the text before it; None if the document
        ends first. Past ``limit`` characters, return what was read, ``end`` not found."""
        while (found := self.text.find(end, self.pos)) < 0:
            if len(self.text) - self.pos > limit or not self.more():
                return self.text[self.pos :] if len(self.text) - self.pos > limit else None
        read = self.text[self.pos : found]
        self.advance(found + len(end))
        return read

    def until_bracket(self) -> tuple[str, str]:
        """Return the text up to the next ``[`` or ``>`` outside quotes, and which one it
        is ("" when the document or the limit ends first)."""
        quote = None
        index = self.pos
        while True:
            if index >= len(self.text):
                if index - self.pos > MAX_DOCTYPE or not self.more():
                    return self.text[self.pos : index], ""
                continue
            char = self.text[index]
            if quote:
                quote = None if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char in "[>":
                header = self.text[self.pos : index]
                self.advance(index + 1)
                return header, char
            index += 1


def _detect(head: bytes) -> tuple[str | None, int]:
    """Return the encoding the first bytes show (None: ASCII-compatible, the declaration
    tells) and the length of the byte order mark."""
    for mark, encoding in _MARKS:
        if head.startswith(mark):
            return encoding, len(mark)
    for pattern, encoding in _UNREAD:
        if head.startswith(pattern):
            raise UnsafeXMLError(ERR_UNREAD_ENCODING % {"encoding": encoding})
    for pattern, encoding in _PATTERNS:
        if head.startswith(pattern):
            return encoding, 0
    return None, 0


def _ascii_compatible(encoding: str) -> bool:
    try:
        return all(probe.decode(encoding) == probe.decode("ascii") for probe in _ASCII_PROBES)
    except (LookupError, UnicodeDecodeError):
        return False


def _settle(detected: str | None, declared: str | None) -> str:
    """Return the encoding to read on in, refusing a declaration that could mislead."""
    if declared is None:
        return detected or "utf-8"
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        raise UnsafeXMLError(ERR_UNKNOWN_ENCODING % {"encoding": declared[:40]}) from None
    if detected:
        if name not in _SAME_ENCODING[detected]:
            raise UnsafeXMLError(
                ERR_CONTRADICTED_ENCODING % {"encoding": declared[:40], "found": detected.upper()}
            )
        return detected
    if not _ascii_compatible(name):
        raise UnsafeXMLError(ERR_UNSAFE_ENCODING % {"encoding": declared[:40]})
    return name


def _declared_encoding(prolog: _Prolog) -> str | None:
    """Read the XML declaration, if the document starts with one; return its encoding."""
    start = prolog.peek(6)
    if not (start.startswith("<?xml") and start[5:6] in tuple(_SPACE)):
        return None
    declaration = prolog.read_past("?>", MAX_DECLARATION)
    if declaration is None:
        return None  # Unterminated: the parser refuses it.
    if len(declaration) > MAX_DECLARATION:
        raise UnsafeXMLError(ERR_LONG_DECLARATION % {"limit": MAX_DECLARATION})
    match = _ENCODING.search(declaration)
    return match.group(2) if match else None


def _doctype(prolog: _Prolog) -> Doctype:
    """Read a DOCTYPE after its keyword up to its ``>`` or its internal subset's ``[``."""
    header, end = prolog.until_bracket()
    match = _DOCTYPE.fullmatch(header)
    if not match:
        name = header.split()[0] if header.split() else ""
        # Unreadable or unterminated: refused whatever the format allows.
        raise UnsafeXMLError(ERR_DOCTYPE, Doctype(name[:80], internal_subset=end == "["))
    public, system = match["public"], match["system"] or match["public_system"]
    return Doctype(
        name=match["name"],
        public_id=public[1:-1] if public else None,
        system_id=system[1:-1] if system else None,
        internal_subset=end == "[",
    )


def _scan(prolog: _Prolog, allow_external: Collection[str]) -> Doctype | None:
    """Walk the prolog to the root element; return its allowed DOCTYPE, if any."""
    found = None
    while True:
        prolog.skip_space()
        start = prolog.peek(9)
        if start.startswith("<!--"):
            prolog.advance(prolog.pos + 4)
            if not prolog.skip_past("-->"):
                return found
        elif start.upper() == "<!DOCTYPE":
            prolog.advance(prolog.pos + 9)
            doctype = _doctype(prolog)
            if (
                doctype.internal_subset
                or doctype.system_id is None
                or doctype.name not in allow_external
                or found is not None
            ):
                raise UnsafeXMLError(ERR_DOCTYPE, doctype)
            found = doctype
        elif start.startswith("<?"):
            if not prolog.skip_past("?>"):
                return found
        else:
            if start[:1] == _BAD:
                raise UnsafeXMLError(ERR_UNDECODABLE % {"encoding": prolog.encoding.upper()})
            # The root element, or content the parser refuses as not well-formed.
            return found


def xml_prolog_check(
    source: bytes | bytearray | memoryview | str | BinaryIO,
    *,
    allow_external: Collection[str] = (),
) -> Doctype | None:
    """Check the prolog of an XML document before it is parsed; raise ``UnsafeXMLError``.

    Any DOCTYPE is refused, except an external one (a SYSTEM identifier, no internal subset)
    whose name is in ``allow_external``, returned; it is never loaded. A stream is read only
    as far as the root element and put back where it was.
    """
    return prolog_read(source, allow_external=allow_external)[0]


def prolog_read(
    source: bytes | bytearray | memoryview | str | BinaryIO,
    *,
    allow_external: Collection[str] = (),
) -> tuple[Doctype | None, str, int, str | None]:
    """Check the prolog as :func:`xml_prolog_check` does; return the allowed DOCTYPE, the
    encoding the document is read in (a Python codec name), the length of its byte order
    mark and the encoding its declaration names, if any (see :mod:`translations.xmltext`)."""
    if isinstance(allow_external, str):
        allow_external = (allow_external,)
    if isinstance(source, str):
        source = source.encode("utf-8")
    stream = None if isinstance(source, bytes | bytearray | memoryview) else source
    position = stream.tell() if stream is not None else 0
    try:
        chunks = _chunks(source)
        head = b""
        while len(head) < 4 and (chunk := next(chunks, None)) is not None:
            head += chunk
        detected, mark = _detect(head)
        prolog = _Prolog(_rest(head[mark:], chunks), detected or "latin-1")
        declared = _declared_encoding(prolog)
        encoding = _settle(detected, declared)
        if detected is None:
            prolog.recode(encoding)
        return _scan(prolog, allow_external), encoding, mark, declared
    finally:
        if stream is not None:
            stream.seek(position)


def _rest(first: bytes, chunks: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from chunks
