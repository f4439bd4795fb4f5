"""A glossary change, told to whoever depends on the glossary (the term checks re-check).

The glossary is the lowest layer: it never imports the checks. They register a listener in
``TranslationsConfig.ready()`` with :func:`on_glossary_change`.
"""

from translations.glossary.models import GlossaryState

_listeners = []


def on_glossary_change(listener):
    """Call ``listener(concept_ids, new_terms)`` inside the transaction of every change."""
    if listener not in _listeners:
        _listeners.append(listener)


def glossary_changed(concept_ids, new_terms=None):
    """Record a glossary change: a new glossary version, and the listeners' work after it.

    ``new_terms``: the concepts among ``concept_ids`` that gained a term or a new spelling of
    one (None: all of them). Call it inside the change's transaction.
    """
    GlossaryState.bump()
    ids = sorted(set(concept_ids))
    if not ids:
        return
    scan = None if new_terms is None else sorted(set(new_terms) & set(ids))
    for listener in _listeners:
        listener(ids, scan)
