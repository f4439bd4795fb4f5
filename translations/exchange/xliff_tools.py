"""What CAT tools add to the XLIFF they write back, read as Concord's own files say it.

**Whether a translation is confirmed.** XLIFF 1.2's ``<target state>`` is optional, and the
tools that leave it out keep their own status:

* Trados Studio (``.sdlxliff``): one ``<sdl:seg id=… conf=…>`` per segment in the unit's
  ``<sdl:seg-defs>``. ``Translated``, ``ApprovedTranslation`` and ``ApprovedSignOff`` are
  confirmed; ``Draft``, ``RejectedTranslation``, ``RejectedSignOff`` or no ``conf`` (not
  translated) are not. A unit is confirmed when each of its segments is.
* memoQ (``.mqxliff``): ``mq:status`` on the ``<trans-unit>``. ``ManuallyConfirmed``,
  ``Reviewer1Confirmed``, ``Reviewer2Confirmed`` and ``Proofread`` are confirmed; the others
  (``NotStarted``, ``PartiallyEdited``, ``Pretranslated``, ``Rejected``…) are not.
* Phrase (Memsource) ``.mxliff``: ``m:confirmed="1"`` or ``"0"`` on the ``<trans-unit>``.

An unconfirmed translation is imported as a draft, like a fuzzy PO entry.

**Tracked changes.** Trados keeps a reviewer's unaccepted edits in the target: inserted text
in ``<mrk mtype="x-sdl-added">`` (part of the translation) and deleted text in
``<mrk mtype="x-sdl-deleted">`` (not part of it, left out).

**Whitespace.** Without ``xml:space="preserve"`` (Concord's exports set it) the spaces and
line breaks a tool indents a ``<source>`` or ``<target>`` with are layout, not text: the ends
are stripped.

**Which release the file is.** Trados and memoQ write their own ``<file>`` header (the
``original`` is the path of the file the translator opened) and number the units their own
way. When the header does not name a Concord release, the name of the file Concord exported
(``<slug>.r<revision>.<language>.xlf``) does, and the units are matched by their source text
(see :mod:`.matching`).
"""

from __future__ import annotations

import re

from lxml import etree

SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
MEMOQ_NS = "MQXliff"
PHRASE_NS = "http://www.memsource.com/mxlf/2.0"
SDL_CONFIRMED = frozenset({"Translated", "ApprovedTranslation", "ApprovedSignOff"})
MEMOQ_CONFIRMED = frozenset(
    {"ManuallyConfirmed", "Reviewer1Confirmed", "Reviewer2Confirmed", "Proofread"}
)
# Trados's tracked changes: deleted text stays in the file, marked, until accepted.
SDL_DELETED = "x-sdl-deleted"
# The name of an exported release file, in any folder of either kind of path.
EXPORT_NAME = re.compile(
    r"(?:^|[\\/])(?P<slug>[-A-Za-z0-9_]+)\.r(?P<revision>\d+)\.(?P<language>[A-Za-z_-]+)"
    r"\.(?:xlf|xliff|xlif|po)$"
)


def tool_confirmed(unit) -> bool | None:
    """Return whether a CAT tool's own status marks the unit confirmed; None when it carries
    none."""
    segments = unit.findall(f"{{{SDL_NS}}}seg-defs/{{{SDL_NS}}}seg")
    if segments:
        return all(segment.get("conf") in SDL_CONFIRMED for segment in segments)
    status = unit.get(f"{{{MEMOQ_NS}}}status")
    if status is not None:
        return status in MEMOQ_CONFIRMED
    confirmed = unit.get(f"{{{PHRASE_NS}}}confirmed")
    if confirmed is not None:
        return confirmed.strip() in ("1", "true")
    return None


def is_deletion(element) -> bool:
    """Return whether an inline element holds text a tool tracks as deleted."""
    return etree.QName(element).localname == "mrk" and element.get("mtype") == SDL_DELETED


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def element_text(element, text: str) -> str:
    """Return ``text``, an element's content, without the indentation a pretty-printing tool
    put around it: its ends are stripped unless ``xml:space="preserve"`` holds for it (in
    XLIFF, as in XML, other whitespace is layout)."""
    if element is None:
        return text
    for holder in (element, *element.iterancestors()):
        value = holder.get(XML_SPACE)
        if value:
            return text if value == "preserve" else text.strip()
    return text.strip()


def exported_name(original: str) -> dict[str, str]:
    """Return the slug, revision and language of a Concord export's file name in ``original``
    (empty when it is not one)."""
    found = EXPORT_NAME.search((original or "").strip())
    return found.groupdict() if found else {}
