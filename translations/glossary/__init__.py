"""The glossary: concepts and their terms per language, and the files it is exchanged in.

The lowest layer of the app: it imports nothing of the other packages, which learn of its
changes through :mod:`.changes`.

- :mod:`.models` — ``Concept``, ``Term`` (with its stored match forms), ``GlossaryState``;
- :mod:`.vocabulary` — term statuses, proper nouns;
- :mod:`.normalize`, :mod:`.words`, :mod:`.forms` — how a term is matched: folding, word keys
  and lemmas, Japanese width folding; a term's match forms are derived when it is saved;
- :mod:`.services` — the only writers: ``concept_save`` (the admin form), validation, import
  and export in batches, match-form refresh; :mod:`.rows` (stored concepts as data, the one
  check), :mod:`.merge` (how a file updates a concept; the import report), :mod:`.batches`
  (which stored concept a file's entry updates, one batch's writes); :mod:`.changes` tells
  listeners (the term checks) of every change;
- :mod:`.files` — TBX (v3 and 2008), CSV and PO, as plain data;
- :mod:`.selectors` — admin search; :mod:`.admin`, :mod:`.admin_files` — the concept pages and
  the glossary download and upload pages.

The package's ``__init__`` imports nothing, so ``translations.models`` can import the models.
"""
