"""The readers' resources: what the reader site shows, as JSON, to anyone (``/api/v1/published/``).

Everything is read from the reader read model (``records.reader``), never a working copy, with
the reader site's own selectors, search and 404 rules:

- :mod:`.views` — releases, one release, topics, a topic's releases, search, per language;
  conditional GET on the read model's version;
- :mod:`.serializers` — what each answer holds; :mod:`.links` — the addresses in it;
- :mod:`.pagination` — cursors in the reader's order, and over search results by rank.
"""
