"""Review: each unit's translation state, four-eyes approval, overrides, comments, the audit log.

- :mod:`.models` — ``UnitStatus``, ``FindingOverride``, ``Comment``, ``Event``;
- :mod:`.states` — states recomputed inside every revision's transaction;
- :mod:`.actions` — submit, approve, request changes, override, comment (the only writers);
- :mod:`.gate` — what a language needs before it can be published;
- :mod:`.selectors` — the workbench rows, queues and progress (data, never HTML);
- :mod:`.notify` — who hears of what (sent by a Celery task after commit).

The package's ``__init__`` imports nothing, so ``translations.models`` can import the models.
"""
