"""TBX 2008 (ISO 30042:2008, ``<martif>``): read other tools' entries as TBX v3 ones, and
write the glossary for tools that read only TBX 2008.

IATE and older tools export ``martif > text > body > termEntry > langSet > tig | ntig``. The
data categories are the same as in TBX v3, so each ``termEntry`` is rewritten into the v3
shape (``conceptEntry > langSec > termSec``, ``ntig``'s ``termGrp`` flattened) and read by
the v3 reader (see :mod:`.tbx_terms` for the status and type values either version uses).

Writing goes the other way: :func:`tbx2008_dump` takes the very conceptEntry elements of the
TBX v3 export (:func:`.tbx.tbx_entries`) and renames them into the TBXcoreStructV02 shape IATE
exports, without a namespace::

    <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
    martif type="TBX" xml:lang="en"
      martifHeader > fileDesc > sourceDesc > p     "Concord glossary export"
                     encodingDesc > p type="XCSURI" TBXXCSV02.xcs (the TBX-Default XCS)
      text > body
        termEntry id=…                             conceptEntry
          descrip type="subjectField"
          langSet xml:lang=…                       langSec
            descrip type="definition", note
            tig                                    termSec
              term, termNote type="administrativeStatus" / "partOfSpeech", note,
              note xml:lang="zxx"                  Concord's marker notes, as in TBX v3
                                                   (variants: one concord:variant= each)

so every fact the v3 export carries — forbidden terms, case sensitivity, free parts of speech
— travels the same way, and Concord's own 2008 file (recognised by its ``sourceDesc``) loads
back to the same glossary. The DTD is named, as IATE does, and never loaded; the tests
validate the output against ISO 30042:2008's ``TBXcoreStructV02.dtd`` and check its data
categories and values against the TBX-Default XCS it names (``tests/data/tbx/``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lxml import etree

from translations.glossary.files.data import LANGUAGES, ConceptData
from translations.glossary.files.tbx import (
    TBX_SOURCE_DESC,
    XML_DECLARATION,
    XML_LANG,
    tbx_entries,
    tbx_tag,
)

V2_ROOT = "martif"
V2_ENTRY = "termEntry"
V2_TYPE = "TBX"
V2_DOCTYPE = b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
V2_XCS = "TBXXCSV02.xcs"
_RENAMED = {"termEntry": "conceptEntry", "langSet": "langSec", "tig": "termSec", "ntig": "termSec"}
_RENAMED_OUT = {"conceptEntry": V2_ENTRY, "langSec": "langSet", "termSec": "tig"}


def _local(element) -> str:
    return etree.QName(element).localname


def _convert(element: etree._Element, parent: etree._Element | None) -> etree._Element:
    """Copy ``element`` (and its subtree) into the TBX v3 namespace and names."""
    name = _local(element)
    tag = tbx_tag(_RENAMED.get(name, name))
    copy = etree.Element(tag, dict(element.attrib)) if parent is None else None
    if parent is not None:
        copy = etree.SubElement(parent, tag, dict(element.attrib))
    copy.text = element.text
    copy.tail = element.tail
    copy.sourceline = element.sourceline
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if _local(child) == "termGrp":
            # ntig > termGrp > term, termNote…: the termSec holds them directly.
            for grandchild in child:
                if isinstance(grandchild.tag, str):
                    _convert(grandchild, copy)
            continue
        _convert(child, copy)
    return copy


def entry_from_tbx2008(entry: etree._Element) -> etree._Element:
    """Return the TBX v3 ``conceptEntry`` equivalent of a TBX 2008 ``termEntry``."""
    return _convert(entry, None)


def _entry_to_2008(element: etree._Element, parent: etree._Element) -> None:
    """Append a TBX 2008 copy of a TBX v3 element (and its subtree) to ``parent``."""
    name = _local(element)
    copy = etree.SubElement(parent, _RENAMED_OUT.get(name, name), dict(element.attrib))
    copy.text = element.text
    for child in element:
        _entry_to_2008(child, copy)


def tbx2008_dump(concepts: Iterable[ConceptData], *, languages: Sequence[str] = LANGUAGES) -> bytes:
    """Serialise the glossary as a TBX 2008 document in UTF-8 (the data of the v3 export)."""
    entries = tbx_entries(concepts, languages=languages)
    root = etree.Element(V2_ROOT, {"type": V2_TYPE, XML_LANG: languages[0]})
    header = etree.SubElement(root, "martifHeader")
    source = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(source, "p").text = TBX_SOURCE_DESC
    encoding = etree.SubElement(header, "encodingDesc")
    etree.SubElement(encoding, "p", type="XCSURI").text = V2_XCS
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for entry in entries:
        _entry_to_2008(entry, body)
    etree.indent(root, space="  ")
    return XML_DECLARATION + V2_DOCTYPE + etree.tostring(root, encoding="UTF-8") + b"\n"
