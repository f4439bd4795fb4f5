"""Read TBX v3 (and TBX 2008, see :mod:`.tbx2008`) safely and incrementally, one entry at a
time. TBX v3's DCT style (data categories as elements of their module's namespace) is read as
the DCA style (:func:`.tbx_read_data.entry_from_dct`)."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from django.utils.translation import gettext_lazy
from lxml import etree

from translations.glossary.files.data import (
    LANGUAGES,
    ConceptBuilder,
    ConceptData,
    GlossaryFormatError,
    TermData,
    base_language,
    fail,
)
from translations.glossary.files.source import (
    GlossarySource,
    content_identifier,
    token_identifier,
)
from translations.glossary.files.tbx import (
    MARKER_CASE_SENSITIVE,
    MARKER_LANG,
    MARKER_PART_OF_SPEECH,
    MARKER_PREFIX,
    MARKER_STATUS,
    MARKER_VARIANT,
    MARKERS,
    STATUS_FROM_TBX,
    STATUS_TO_TBX,
    TBX_NS,
    TBX_PARTS_OF_SPEECH,
    TBX_SOURCE_DESC,
    XML_LANG,
    id_from_tbx,
    tbx_tag,
)
from translations.glossary.files.tbx2008 import V2_ENTRY, V2_ROOT, entry_from_tbx2008
from translations.glossary.files.tbx_read_data import (
    ENTRY_READ,
    LANG_SEC_READ,
    TERM_SEC_READ,
    count_unread,
    entry_from_dct,
)
from translations.glossary.files.tbx_terms import (
    case_sensitive_from,
    reliability_note,
    status_from_reliability,
    status_from_tbx,
)
from translations.glossary.vocabulary import TermStatus
from translations.xmlsafe import SAFE_PARSING, UnsafeXMLError
from translations.xmltext import xml_utf8

ERR_NOT_XML = "the file is not well-formed XML: {detail}"
ERR_DTD = gettext_lazy(
    "the file declares a DOCTYPE; DTDs and entities are not allowed in TBX files"
)
ERR_ROOT = "the root element is <{found}>, expected <tbx> (TBX v3)"
ERR_NAMESPACE = "<tbx> is in namespace {found!r}, expected {expected!r} (TBX v3, ISO 30042:2019)"
ERR_NO_BODY = "<{root}> has no <text><body>"
ERR_NO_LANG = "langSec without xml:lang {where}"
ERR_NO_TERM = "termSec without term {where}"
ERR_UNKNOWN_TBX_STATUS = (
    "unknown administrativeStatus {status!r} {where} (expected one of {expected})"
)
ERR_UNKNOWN_MARKER = "unknown Concord marker note {marker!r} {where}"
ERR_DUPLICATE_CONCEPT = "duplicate concept identifier {identifier!r}"


_SLUG = re.compile(r"[-A-Za-z0-9_]+")
_LIBXML_POSITION = re.compile(r", line \d+, column \d+$")
_STRING_VALUE = etree.XPath("string()")


def _doctype_refused(root: etree._Element) -> bool:
    """Return whether the document's DOCTYPE is refused: any with an internal subset (where
    entities are declared), and any at all except TBX 2008's external one (IATE exports name
    ``TBXcoreStructV02.dtd``; it is never loaded)."""
    docinfo = root.getroottree().docinfo
    if not docinfo.doctype and docinfo.internalDTD is None:
        return False
    if etree.QName(root).localname != V2_ROOT or not docinfo.system_url:
        return True
    subset = docinfo.internalDTD
    return subset is not None and bool(list(subset.iterentities()) or list(subset.iterelements()))


def _decoded(stream: BinaryIO) -> BinaryIO:
    """Refuse any DOCTYPE but TBX 2008's external one, an encoding that could hide one, or one
    the bytes contradict, before the parser reads anything; return the document as UTF-8."""
    # Checking before the parse keeps libxml2's own entity errors, which differ between its
    # versions, from answering first.
    try:
        return xml_utf8(stream, allow_external=(V2_ROOT,))[0]
    except UnsafeXMLError as error:
        raise (fail(ERR_DTD) if error.doctype else GlossaryFormatError(str(error))) from None


def _text(element: etree._Element) -> str:
    """Return the element's text content, including inline markup such as <hi>."""
    return str(_STRING_VALUE(element))


def _children(element: etree._Element, name: str, grp: str | None = None):
    """Yield TBX children with the tag, also those wrapped in a *Grp element."""
    for child in element:
        if child.tag == tbx_tag(name):
            yield child
        elif grp and child.tag == tbx_tag(grp):
            yield from (c for c in child if c.tag == tbx_tag(name))


def _is_type(element: etree._Element, kind: str) -> bool:
    """Return whether a data category is of ``kind``, in any case: termbase converters write
    ``type="Definition"`` or ``"SubjectField"`` for TBX's ``definition``, ``subjectField``."""
    return (element.get("type") or "").casefold() == kind.casefold()


def _descrips(element: etree._Element, kind: str) -> list[etree._Element]:
    """Return the element's descrip children of one type."""
    return [d for d in _children(element, "descrip", "descripGrp") if _is_type(d, kind)]


def _term_notes(term_sec: etree._Element, kind: str) -> list[etree._Element]:
    """Return the termSec's termNote children of one type."""
    return [n for n in _children(term_sec, "termNote", "termNoteGrp") if _is_type(n, kind)]


def _joined(elements: Iterable[etree._Element]) -> str:
    """Join the texts of repeated elements, one per line."""
    return "\n".join(text for text in (_text(e) for e in elements) if text)


class _TbxConceptReader:
    """Read one conceptEntry."""

    def __init__(
        self,
        entry: etree._Element,
        languages: Sequence[str],
        default_lang: str,
        skipped: Counter[str] | None = None,
        ignored: Counter[str] | None = None,
    ):
        self.entry = entry
        self.ignored = Counter() if ignored is None else ignored
        self.default_lang = default_lang
        tbx_id = (entry.get("id") or "").strip()
        # TBX 2008 makes the id optional; such an entry gets one derived from its terms.
        self.identifier = None
        if tbx_id:
            identifier = id_from_tbx(tbx_id)
            # Other tools' ids may hold any name character ("c.1", "IATE:887"), or not be
            # XML names at all: translate-toolkit's csv2tbx uses the term ("Prime Minister Abe").
            if not _SLUG.fullmatch(identifier):
                identifier = token_identifier(tbx_id)
            self.identifier = identifier
        where = (
            f"in conceptEntry {tbx_id!r}" if tbx_id else f"in the entry on line {entry.sourceline}"
        )
        self.builder = ConceptBuilder(self.identifier or "", where, languages, skipped)

    def read(self) -> ConceptData | None:
        """Return the concept (None: it has terms only in languages Concord does not keep)."""
        entry, builder = self.entry, self.builder
        builder.subject_field = _joined(_descrips(entry, "subjectField"))
        count_unread(entry, ENTRY_READ, self.ignored)
        for lang_sec in _children(entry, "langSec"):
            self._read_lang_sec(lang_sec)
        self._adopt_concept_level(entry)
        if self.identifier is None:
            builder.identifier = content_identifier(builder.terms)
        return builder.build(entry.sourceline)

    def _read_lang_sec(self, lang_sec: etree._Element) -> None:
        """Read a langSec's definition, note and terms."""
        builder = self.builder
        tag = lang_sec.get(XML_LANG)
        if not tag:
            raise fail(ERR_NO_LANG, lang_sec.sourceline, where=builder.where)
        terms = list(_children(lang_sec, "termSec"))
        language = builder.keeps(tag, lang_sec.sourceline, terms=len(terms))
        if language is None:
            return
        count_unread(lang_sec, LANG_SEC_READ, self.ignored)
        for texts, found in (
            (builder.definition, _joined(_descrips(lang_sec, "definition"))),
            (builder.note, _joined(_children(lang_sec, "note"))),
        ):
            if found:
                # A file may repeat a language section; keep every text.
                texts[language] = "\n".join(filter(None, (texts.get(language), found)))
        for term_sec in terms:
            builder.add_term(self._read_term(term_sec, language), term_sec.sourceline)

    def _read_term(self, term_sec: etree._Element, language: str) -> TermData:
        """Read one termSec."""
        where = self.builder.where
        count_unread(term_sec, TERM_SEC_READ, self.ignored)
        term = next(_children(term_sec, "term"), None)
        if term is None:
            raise fail(ERR_NO_TERM, term_sec.sourceline, where=where)
        # TBX 2008's normativeAuthorization says the same when no status is given.
        status_notes = _term_notes(term_sec, "administrativeStatus") or _term_notes(
            term_sec, "normativeAuthorization"
        )
        tbx_status = (
            _text(status_notes[0]).strip() if status_notes else STATUS_TO_TBX[TermStatus.PREFERRED]
        )
        status = status_from_tbx(tbx_status)
        reliability = _joined(_descrips(term_sec, "reliabilityCode")).strip()
        if not status_notes and status is not None:
            status = status_from_reliability(reliability, status)
        if status is None:
            raise fail(
                ERR_UNKNOWN_TBX_STATUS,
                status_notes[0].sourceline,
                status=tbx_status,
                where=where,
                expected=", ".join(STATUS_FROM_TBX),
            )
        type_notes = _term_notes(term_sec, "termType")
        term_type = _text(type_notes[0]).strip() if type_notes else ""
        pos_notes = _term_notes(term_sec, "partOfSpeech")
        part_of_speech = _text(pos_notes[0]).strip() if pos_notes else ""
        if part_of_speech.lower() in TBX_PARTS_OF_SPEECH:
            # Microsoft's termbase writes "Noun", "Verb": the same TBX values.
            part_of_speech = part_of_speech.lower()
        markers, variants, notes = self._split_notes(term_sec)
        # A marker refines only the standard value it was written with; if another tool
        # changed that value, the standard value wins.
        if (
            tbx_status == STATUS_TO_TBX[TermStatus.FORBIDDEN]
            and markers.get(MARKER_STATUS) == TermStatus.FORBIDDEN
        ):
            status = TermStatus.FORBIDDEN.value
        if part_of_speech == "other" and MARKER_PART_OF_SPEECH in markers:
            part_of_speech = markers[MARKER_PART_OF_SPEECH]
        text = _text(term).strip()
        return TermData(
            language=language,
            text=text,
            status=status,
            case_sensitive=case_sensitive_from(markers.get(MARKER_CASE_SENSITIVE), term_type, text),
            part_of_speech=part_of_speech,
            note="\n".join(notes + reliability_note(reliability)),
            variants="\n".join(variants),
        )

    def _split_notes(self, term_sec: etree._Element) -> tuple[dict[str, str], list[str], list[str]]:
        """Separate Concord marker notes (and among them the declared variants, one a note)
        from user notes."""
        markers: dict[str, str] = {}
        variants: list[str] = []
        notes: list[str] = []
        for note in _children(term_sec, "note"):
            text = _text(note)
            if note.get(XML_LANG) == MARKER_LANG and text.startswith(MARKER_PREFIX):
                key, sep, value = text[len(MARKER_PREFIX) :].partition("=")
                if not sep or key not in MARKERS:
                    raise fail(
                        ERR_UNKNOWN_MARKER, note.sourceline, marker=text, where=self.builder.where
                    )
                if key == MARKER_VARIANT:
                    variants.append(value)
                else:
                    markers[key] = value
            elif text:
                notes.append(text)
        return markers, variants, notes

    def _adopt_concept_level(self, entry: etree._Element) -> None:
        """Give concept-level definitions and notes to their language, if it has terms."""
        used = {term.language for term in self.builder.terms}
        for texts, elements in (
            (self.builder.definition, _descrips(entry, "definition")),
            (self.builder.note, list(_children(entry, "note"))),
        ):
            for element in elements:
                language = base_language(element.get(XML_LANG) or self.default_lang)
                text = _text(element)
                if text and language in used and not texts.get(language):
                    texts[language] = text


def _stream(source: bytes | str | BinaryIO) -> BinaryIO:
    """Return a seekable binary stream over ``source`` (bytes, text or a binary file)."""
    if isinstance(source, str):
        return io.BytesIO(source.encode("utf-8"))
    if isinstance(source, bytes | bytearray | memoryview):
        return io.BytesIO(source)
    return source


def _check_root(root: etree._Element) -> bool:
    """Refuse a root element that is neither TBX v3's <tbx> nor TBX 2008's <martif>; return
    whether its entries need renaming into TBX v3's namespace (TBX 2008, or a <tbx> without
    a namespace)."""
    name = etree.QName(root)
    if name.localname == V2_ROOT:
        return True
    if name.localname == "tbx" and not name.namespace:
        # TBX v3's names without its namespace (as some tools write it): read like TBX 2008,
        # each entry moved into the namespace.
        return True
    if name.localname != "tbx":
        raise fail(ERR_ROOT, root.sourceline, found=name.localname)
    if name.namespace != TBX_NS:
        raise fail(ERR_NAMESPACE, root.sourceline, found=name.namespace or "", expected=TBX_NS)
    return False


def tbx_iter(
    source: bytes | str | BinaryIO, *, languages: Sequence[str] = LANGUAGES
) -> GlossarySource:
    """Return the concepts of a TBX v3 or TBX 2008 document, read one by one, refusing unsafe
    or invalid content; terms in languages Concord does not keep are skipped and counted.

    The document is parsed incrementally and each conceptEntry is dropped once read, so memory
    stays bounded by one entry however long the file is.
    """
    info = GlossarySource(concord=False)
    return info.read(_tbx_concepts(source, languages, info))


def _is_concord_note(element: etree._Element) -> bool:
    """Return whether a header's sourceDesc is the one Concord's exports carry."""
    return etree.QName(element).localname == "sourceDesc" and _text(element).strip() == (
        TBX_SOURCE_DESC
    )


def _tbx_concepts(
    source: bytes | str | BinaryIO, languages: Sequence[str], info: GlossarySource
) -> Iterator[ConceptData]:
    stream = _decoded(_stream(source))
    events = etree.iterparse(
        stream, events=("start", "end"), remove_comments=True, remove_pis=True, **SAFE_PARSING
    )
    entry_tag, body_tag, text_tag = tbx_tag("conceptEntry"), tbx_tag("body"), tbx_tag("text")
    root = None
    body = None
    version_2008 = False
    default_lang = ""
    dct = False
    seen: set[str] = set()
    try:
        for event, element in events:
            if root is None:
                root = element
                if _doctype_refused(root):
                    raise fail(ERR_DTD)
                if _check_root(root):
                    # TBX 2008: the same walk over its own (namespace-free) names.
                    prefix = (
                        f"{{{etree.QName(root).namespace}}}" if etree.QName(root).namespace else ""
                    )
                    entry = V2_ENTRY if etree.QName(root).localname == V2_ROOT else "conceptEntry"
                    entry_tag, body_tag, text_tag = (
                        prefix + name for name in (entry, "body", "text")
                    )
                    version_2008 = True
                default_lang = root.get(XML_LANG) or ""
                dct = (root.get("style") or "").lower() == "dct"
                continue
            if event == "start":
                if (
                    body is None
                    and element.tag == body_tag
                    and element.getparent() is not None
                    and element.getparent().tag == text_tag
                    and element.getparent().getparent() is root
                ):
                    body = element
                continue
            if body is None and _is_concord_note(element):
                info.concord = True
            if element.tag != entry_tag or element.getparent() is not body or body is None:
                continue
            read = entry_from_tbx2008(element) if version_2008 else element
            if dct:
                read = entry_from_dct(read, TBX_NS)
            concept = _TbxConceptReader(
                read, languages, default_lang, info.skipped, info.ignored
            ).read()
            if concept is None:
                info.empty.append(element.get("id") or f"line {element.sourceline}")
                _drop(body, element)
                continue
            if concept.identifier in seen:
                raise fail(
                    ERR_DUPLICATE_CONCEPT,
                    element.sourceline,
                    field="identifier",
                    identifier=concept.identifier,
                )
            seen.add(concept.identifier)
            _drop(body, element)
            yield concept
    except etree.XMLSyntaxError as error:
        # With entity resolution off, iterparse's own message can be a later, vaguer error
        # ("no element found"); the log keeps the first one.
        first = events.error_log[0] if len(events.error_log) else None
        message, line = (first.message, first.line) if first else (error.msg, error.lineno)
        detail = _LIBXML_POSITION.sub("", message or "unreadable")
        raise fail(ERR_NOT_XML, line or None, detail=detail) from None
    if body is None:
        raise fail(
            ERR_NO_BODY,
            root.sourceline if root is not None else None,
            root=etree.QName(root).localname if root is not None else "tbx",
        )


def _drop(body: etree._Element, element: etree._Element) -> None:
    """Drop what was read: the entry and every earlier sibling."""
    element.clear()
    while element.getprevious() is not None:
        del body[0]


def tbx_load(
    source: bytes | str | BinaryIO, *, languages: Sequence[str] = LANGUAGES
) -> list[ConceptData]:
    """Parse a TBX v3 or TBX 2008 document into concepts, refusing unsafe or invalid content."""
    return list(tbx_iter(source, languages=languages))
