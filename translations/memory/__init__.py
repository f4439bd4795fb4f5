"""Translation memory: approved units kept as source/target pairs, exact and fuzzy lookup,
pre-translation, and TMX 1.4b exchange.

- :mod:`.models` — entries and their token index;
- :mod:`.text` — normal form, similarity units (words or characters) and tokens;
- :mod:`.index` / :mod:`.recording` — writing entries (newest metadata per pair);
- :mod:`.lookup` — matches for many texts in a fixed number of queries;
- :mod:`.services` — using a match, pre-translating;
- :mod:`.workbench`, :mod:`.concordance` — what the memory adds to the workbench (matches,
  actions, its entries in the concordance);
- :mod:`.tmx` — TMX read and write.
"""

from translations.memory.index import EntryData, entries_merge
from translations.memory.lookup import MATCHES_SHOWN, Match, memory_exact, memory_lookup
from translations.memory.models import MemoryEntry, MemoryPosting, MemoryToken
from translations.memory.recording import memory_record

__all__ = [
    "MATCHES_SHOWN",
    "EntryData",
    "Match",
    "MemoryEntry",
    "MemoryPosting",
    "MemoryToken",
    "entries_merge",
    "memory_exact",
    "memory_lookup",
    "memory_record",
]
