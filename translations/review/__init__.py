"""Review: each unit's translation state, four-eyes approval, overrides, comments, the audit log.

- :mod:`.models` — ``UnitStatus``, ``FindingOverride``, ``Comment``, ``Event``;
- :mod:`.states` — states recomputed inside every revision's transaction;
- :mod:`.actions` — submit, approve, request changes (the only writers of states outside a
  revision), re-exporting the actions of :mod:`.findings` (term checks before approval,
  overrides) and :mod:`.comments` (threads, replies, resolving); :mod:`.common` holds what
  they share (``ReviewError``, unit labels, input checks);
- :mod:`.gate` — what a language needs before it can be published;
- :mod:`.selectors` — the workbench rows, queues and progress (data, never HTML);
- :mod:`.notify` — who hears of what (sent by a Celery task after commit).

The package's ``__init__`` imports nothing, so ``translations.models`` can import the models.
"""
