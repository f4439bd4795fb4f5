"""What other apps may add to records, registered from their ``AppConfig.ready()``.

``records`` never imports the apps that build on it; they register here instead:

- *revision listeners* run inside the transaction that records a revision (after it is
  written), so their own writes commit or roll back with it;
- *publish guards* may refuse a publication (raise ``PublicationError``) before it is written;
- *release links* add links to the release's admin pages (``(url, label, language)``).
"""


class Registry:
    def __init__(self):
        self.revision_listeners = []
        self.publish_guards = []
        self.release_links = []

    def on_revision(self, listener):
        """Register ``listener(revision)``; return it, so this works as a decorator."""
        if listener not in self.revision_listeners:
            self.revision_listeners.append(listener)
        return listener

    def guard_publication(self, guard):
        """Register ``guard(release, language, revision, author)``; return it."""
        if guard not in self.publish_guards:
            self.publish_guards.append(guard)
        return guard

    def add_release_links(self, links):
        """Register ``links(request, release)`` returning ``[(url, label, language)]``."""
        if links not in self.release_links:
            self.release_links.append(links)
        return links

    def revision_created(self, revision):
        for listener in self.revision_listeners:
            listener(revision)

    def publication_check(self, release, language, revision, author):
        for guard in self.publish_guards:
            guard(release, language, revision, author)

    def links_for(self, request, release):
        return [link for links in self.release_links for link in links(request, release)]


registry = Registry()
