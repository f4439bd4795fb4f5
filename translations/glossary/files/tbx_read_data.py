"""What the TBX reader takes from each level of an entry, and the count of what it does not.

Concord's glossary keeps, per concept, its subject field, definitions and notes, and per term
its text, status, type, part of speech and notes. Other tools' entries carry more (a
``descrip type="context"``, an ``admin type="source"``, a ``transacGrp`` of who changed the
entry when, cross references): each such element is counted by its name and type, so the
import's report says what it left out.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

# Element names, or (element, type in lower case) for data categories.
ENTRY_READ = frozenset({("descrip", "subjectfield"), ("descrip", "definition"), "note", "langSec"})
LANG_SEC_READ = frozenset({("descrip", "definition"), "note", "termSec"})
TERM_SEC_READ = frozenset(
    {
        "term",
        "note",
        ("termNote", "administrativestatus"),
        ("termNote", "normativeauthorization"),
        ("termNote", "termtype"),
        ("termNote", "partofspeech"),
        ("descrip", "reliabilitycode"),
    }
)
# A group's descrip or termNote is read as if it were the group's parent's own child; what
# else the group holds (the admin source of a definition) is not kept.
_GROUPS = frozenset({"descripGrp", "termNoteGrp"})


def count_unread(element: etree._Element, read: frozenset, ignored: Counter[str]) -> None:
    """Count the children of ``element`` (and of its groups) that are not in ``read``, by name
    and type: ``descrip "context"``, ``transacGrp``."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name in _GROUPS:
            count_unread(child, read, ignored)
            continue
        kind = child.get("type")
        if name not in read and (name, (kind or "").casefold()) not in read:
            ignored[f'{name} "{kind}"' if kind else name] += 1


# TBX v3's DCT style writes each data category as an element of its module's namespace
# (``<min:definition>``, ``<basic:administrativeStatus>``) where the DCA style writes
# ``<descrip type="definition">``, ``<termNote type="administrativeStatus">``.
DCT_DESCRIPS = frozenset({"subjectField", "definition", "reliabilityCode", "context"})
DCT_TERM_NOTES = frozenset(
    {"administrativeStatus", "normativeAuthorization", "termType", "partOfSpeech"}
)


def entry_from_dct(entry: etree._Element, namespace: str) -> etree._Element:
    """Rewrite a DCT-style entry's data category elements as DCA ``descrip``/``termNote``
    elements in ``namespace`` (TBX v3's), in place; return the entry."""
    for element in list(entry.iter()):
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element)
        if name.namespace == namespace:
            continue
        if name.localname in DCT_DESCRIPS:
            element.tag = f"{{{namespace}}}descrip"
        elif name.localname in DCT_TERM_NOTES:
            element.tag = f"{{{namespace}}}termNote"
        else:
            continue
        element.set("type", name.localname)
    return entry
