"""The reader read model and what reads it: one row per published (release, language).

- :mod:`.models` — ``ReaderPage``;
- :mod:`.writing` — written on publish, rebuilt from the publications;
- :mod:`.selectors` — the queries of reader pages, feeds and sitemaps;
- :mod:`.search` and :mod:`.text` — full-text search (PostgreSQL or SQLite FTS5), snippets;
- :mod:`.cache` — per-language page caching and conditional GET.
"""

from .models import ReaderImage, ReaderPage
from .writing import reader_page_write, reader_rebuild

__all__ = ["ReaderImage", "ReaderPage", "reader_page_write", "reader_rebuild"]
