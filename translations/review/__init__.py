"""Review: each unit's translation state, four-eyes approval, overrides, comments, the audit log.

- :mod:`.models` — ``UnitStatus``, ``FindingOverride``, ``Comment``, ``Event``;
- :mod:`.states` — states recomputed inside every revision's transaction;
- :mod:`.actions` — submit, approve, request changes (the only writers of states outside a
  revision), re-exporting the actions of :mod:`.findings` (term checks before approval,
  overrides) and :mod:`.comments` (threads, replies, resolving); :mod:`.common` holds what
  they share (``ReviewError``, unit labels, input checks);
- :mod:`.gate` — what a language needs before it can be published;
- :mod:`.editing` — saving one unit's translation from the workbench (a revision through the
  one write path, based on the revision the translator was looking at);
- :mod:`.submitting` — submitting from the workbench: units with error findings confirmed
  first, many units (and a pre-translation's) in one batch;
- :mod:`.permissions` — who may do what (the actions enforce it, pages hide buttons with it);
- :mod:`.selectors`, :mod:`.workbench`, :mod:`.queue`, :mod:`.history` — what the pages read:
  unit keys by state, the workbench rows, "My work" counts and progress, the audit log
  (data, never HTML);
- :mod:`.context` — what a row shows before typing (the glossary terms of its source) and a
  unit's checks on a text not saved; :mod:`.concordance` — words of a query in every
  release's approved units and in what the packages above add (the memory);
- :mod:`.navigation` — search, the next unit of a state and lengths over the workbench's rows;
- :mod:`.views` — the workbench, its JSON actions and context endpoints, "My work" and the
  history pages;
- :mod:`.notify` — who hears of what (sent by a Celery task after commit).

The package's ``__init__`` imports nothing, so ``translations.models`` can import the models.
"""
