"""Read TBX 2008 (ISO 30042:2008, ``<martif>``) entries as TBX v3 ones.

IATE and older tools export ``martif > text > body > termEntry > langSet > tig | ntig``. The
data categories are the same as in TBX v3, so each ``termEntry`` is rewritten into the v3
shape (``conceptEntry > langSec > termSec``, ``ntig``'s ``termGrp`` flattened) and read by
the v3 reader (see :mod:`.tbx_terms` for the status and type values either version uses).
"""

from __future__ import annotations

from lxml import etree

from translations.glossary.files.tbx import tbx_tag

V2_ROOT = "martif"
V2_ENTRY = "termEntry"
_RENAMED = {"termEntry": "conceptEntry", "langSet": "langSec", "tig": "termSec", "ntig": "termSec"}


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
