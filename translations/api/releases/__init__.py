"""The staff's releases through the API: releases and their state per language, revisions
and diffs, the units of a release in one language, and the review actions on them.

- :mod:`.access` — who may read releases, the release and language a URL names;
- :mod:`.errors` — the services' refusals as problem documents;
- :mod:`.shapes` — releases, revisions and diffs as JSON; :mod:`.units` — units as JSON;
- :mod:`.paging` — pages of a release's units, in the release's order;
- :mod:`.schemas` — request bodies and the answers' shapes for the OpenAPI schema;
- :mod:`.views`, :mod:`.unit_views`, :mod:`.action_views` — the endpoints, thin: each calls
  the service the workbench or the admin calls for the same action.
"""
