"""What the packages above review add to it, registered in ``TranslationsConfig.ready()``.

Review never imports them: the translation memory records approvals through
:meth:`ReviewExtensions.on_approval`, gives workbench rows their matches through
:meth:`ReviewExtensions.extend_rows`, adds its workbench actions (*Use this*,
*Pre-translate*) through :meth:`ReviewExtensions.add_action` and its entries to the
workbench's concordance through :meth:`ReviewExtensions.add_concordance`.
"""


class ReviewExtensions:
    def __init__(self):
        self.approval_listeners = []
        self.row_extenders = []
        self.actions = {}
        self.concordance_searchers = []

    def on_approval(self, listener):
        """Call ``listener(release, language, keys, units, user)`` inside every approval."""
        if listener not in self.approval_listeners:
            self.approval_listeners.append(listener)

    def extend_rows(self, extender):
        """Call ``extender(rows)`` on every page of workbench rows before it is shown."""
        if extender not in self.row_extenders:
            self.row_extenders.append(extender)

    def add_action(self, name, handler):
        """Offer ``handler(view, post, user) -> (keys, message)`` as workbench action ``name``."""
        self.actions[name] = handler

    def add_concordance(self, searcher):
        """Call ``searcher(query) -> [Hit, …]`` on every concordance search (``query``: a
        :class:`~translations.review.concordance.ConcordanceQuery`)."""
        if searcher not in self.concordance_searchers:
            self.concordance_searchers.append(searcher)

    def approved(self, release, language, keys, units, user):
        for listener in self.approval_listeners:
            listener(release, language, keys, units, user)

    def rows(self, rows):
        for extender in self.row_extenders:
            rows = extender(rows)
        return rows

    def concordance(self, query):
        return [hit for searcher in self.concordance_searchers for hit in searcher(query)]


extensions = ReviewExtensions()
