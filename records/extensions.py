"""What other apps may add to records, registered from their ``AppConfig.ready()``.

``records`` never imports the apps that build on it; they register here instead:

- *revision listeners* run inside the transaction that records a revision (after it is
  written), so their own writes commit or roll back with it; they get the revision and the
  writer's ``context`` (a dict the write path passes through, e.g. which units to submit);
- *publish guards* may refuse a publication (raise ``PublicationError``) before it is written;
- *release links* add links to the release's admin pages (``(url, label, language)``);
- *publication status* tells pages which languages of a revision can be published, without
  running anything slow (``{language: [problems]}``, an empty list where all is ready);
- *release summaries* give the release list a progress bar per language for a whole page of
  releases at once (``{release_id: [(language, done, total), …]}``, in a few queries);
- *archive sections* add tables to ``export_archive``/``import_archive`` after records' own
  (``records.archive.ModelSection`` instances, in the order they are restored).
"""


class Registry:
    def __init__(self):
        self.revision_listeners = []
        self.publish_guards = []
        self.release_links = []
        self.publication_statuses = []
        self.summaries = []
        self.archive_providers = []

    def on_revision(self, listener):
        """Register ``listener(revision, context)``; return it, so this works as a decorator."""
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

    def publication_status(self, status):
        """Register ``status(release, revision)`` returning ``{language: [problem, …]}``."""
        if status not in self.publication_statuses:
            self.publication_statuses.append(status)
        return status

    def release_summaries(self, summaries):
        """Register ``summaries(releases)`` returning ``{release_id: [(language, done, total)]}``
        (a progress bar per entry in the release list)."""
        if summaries not in self.summaries:
            self.summaries.append(summaries)
        return summaries

    def add_archive_sections(self, sections):
        """Register ``sections()`` returning archive sections; return it."""
        if sections not in self.archive_providers:
            self.archive_providers.append(sections)
        return sections

    def extra_archive_sections(self):
        """Return the archive sections other apps registered, in registration order."""
        return [section for sections in self.archive_providers for section in sections()]

    def revision_created(self, revision, context=None):
        for listener in self.revision_listeners:
            listener(revision, context or {})

    def publication_problems(self, release, revision):
        """Return ``{language: [problem, …]}`` from every registered status (may be empty)."""
        problems = {}
        for status in self.publication_statuses:
            for language, found in status(release, revision).items():
                problems.setdefault(language, []).extend(found)
        return problems

    def publication_check(self, release, language, revision, author):
        for guard in self.publish_guards:
            guard(release, language, revision, author)

    def summaries_for(self, releases):
        """Return ``{release_id: [(language, done, total), …]}`` from every registered source."""
        releases = list(releases)
        found = {}
        if not releases:
            return found
        for summaries in self.summaries:
            for release_id, entries in summaries(releases).items():
                found.setdefault(release_id, []).extend(entries)
        return found

    def links_for(self, request, release):
        return [link for links in self.release_links for link in links(request, release)]


registry = Registry()
