"""The glossary as a PO file for one target language, for tools that read only PO.

One entry per source-language term a translator may use (preferred or admitted):
``msgctxt`` = the concept identifier, ``msgid`` = the source term, ``msgstr`` = the
concept's preferred target term (else its first admitted one). ``#.`` comments carry the
definition, the other allowed target terms and the ones to avoid. Nothing in the file depends
on the clock, so one glossary exports byte-identically.
"""

from __future__ import annotations

from collections.abc import Iterable

import polib

from translations.glossary.files.data import ConceptData
from translations.glossary.vocabulary import TermStatus

ALLOWED = (TermStatus.PREFERRED.value, TermStatus.ADMITTED.value)


def _best(terms):
    for status in ALLOWED:
        for term in terms:
            if term.status == status:
                return term
    return None


def glossary_po_dump(
    concepts: Iterable[ConceptData], *, source: str, language: str, plural_forms: str
) -> bytes:
    """Return the PO glossary of ``concepts`` from ``source`` into ``language``."""
    po = polib.POFile(wrapwidth=78)
    po.header = f"Concord glossary: {source} → {language}"
    po.metadata = {
        "Project-Id-Version": "Concord glossary",
        "Report-Msgid-Bugs-To": "",
        "Last-Translator": "Concord",
        "Language-Team": f"Concord {language}",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms,
        "X-Concord-Glossary-Source": source,
        "X-Concord-Glossary-Language": language,
    }
    for concept in concepts:
        targets = [term for term in concept.terms if term.language == language]
        best = _best(targets)
        comments = []
        if concept.definition.get(source):
            comments.append(f"definition: {concept.definition[source]}")
        others = [t.text for t in targets if t.status in ALLOWED and t is not best]
        if others:
            comments.append(f"also: {' | '.join(others)}")
        avoid = [f"{t.text} ({t.status})" for t in targets if t.status not in ALLOWED]
        if avoid:
            comments.append(f"avoid: {' | '.join(avoid)}")
        for term in concept.terms:
            if term.language != source or term.status not in ALLOWED:
                continue
            entry_comments = list(comments)
            if term.case_sensitive:
                entry_comments.insert(0, "case-sensitive")
            po.append(
                polib.POEntry(
                    msgctxt=concept.identifier,
                    msgid=term.text,
                    msgstr=best.text if best else "",
                    comment="\n".join(entry_comments),
                )
            )
    return str(po).encode("utf-8") + b"\n"
