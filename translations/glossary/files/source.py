"""A glossary file as it is read: its concepts one by one, and what the reader learnt about it.

Readers return a :class:`GlossarySource`, an iterator of ``ConceptData`` that also says

* whether the file is Concord's own (``concord``): a TBX file whose header carries Concord's
  export note, or a CSV file (its ``concept`` column is a Concord identifier by definition).
  The import matches the concepts of Concord's files by identifier, and those of other tools'
  files by their terms (see :mod:`translations.glossary.services`);
* whether it states every term's variants (``variants``): a CSV file with the ``variants``
  column, whose empty cell means "none". Elsewhere (TBX, whose variant notes an older export
  or another tool leaves out; a CSV without the column) a term without variants says nothing,
  and the import keeps the stored ones;
* which languages Concord does not keep it skipped (``skipped``: language tag → terms),
  which entries had no term in a kept language (``empty``), and which of the file's data
  Concord's glossary has no place for (``ignored``: a TBX data category such as ``descrip
  "context"``, or a CSV column → how many times it held something), so the report can count
  them: nothing is left out in silence.

Both are filled as the file is read; a TBX header is read before the first concept.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from translations.glossary.files.data import ConceptData, TermData

# XML 1.0 Nmtoken (without the rare ranges of Unicode name characters a tool would not use).
_NOT_SLUG = re.compile(r"[^-A-Za-z0-9_]+")
# Identifiers are at most 100 characters; a derived one keeps room for its hash suffix.
_DERIVED_PREFIX = 80


class GlossarySource:
    """The concepts of one glossary file, read lazily, and what was skipped while reading."""

    def __init__(self, concepts: Iterable[ConceptData] = (), *, concord: bool = True):
        self._concepts: Iterator[ConceptData] = iter(concepts)
        self.concord = concord
        self.variants = False
        self.skipped: Counter[str] = Counter()
        self.empty: list[str] = []
        self.ignored: Counter[str] = Counter()

    def read(self, concepts: Iterable[ConceptData]) -> GlossarySource:
        """Read ``concepts`` (a generator that may fill this source's facts as it goes)."""
        self._concepts = iter(concepts)
        return self

    def __iter__(self) -> GlossarySource:
        return self

    def __next__(self) -> ConceptData:
        return next(self._concepts)


def _digest(text: str, length: int) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:length]


def token_identifier(token: str) -> str:
    """Return the Concord identifier of another tool's id that is not an ASCII slug.

    "c.1" becomes "c-1-" plus a short hash of "c.1", so ids that differ only in characters a
    slug cannot hold ("c.1", "c:1") stay different, and the same id always gives the same
    identifier.
    """
    slug = _NOT_SLUG.sub("-", token).strip("-")[:_DERIVED_PREFIX]
    return f"{slug or 'entry'}-{_digest(token, 8)}"


def content_identifier(terms: Iterable[TermData]) -> str:
    """Return a stable identifier for an entry without an id, derived from its terms."""
    key = "\n".join(sorted(f"{term.language}\t{term.text}" for term in terms))
    return f"entry-{_digest(key, 12)}"
