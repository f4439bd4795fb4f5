"""What other apps may add to records, registered from their ``AppConfig.ready()``.

``records`` never imports the apps that build on it; they register here instead:

- *revision listeners* run inside the transaction that records a revision (after it is
  written), so their own writes commit or roll back with it; they get the revision and the
  writer's ``context`` (a dict the write path passes through, e.g. which units to submit);
- *publish guards* may refuse a publication (raise ``PublicationError``) before it is written;
- *publication listeners* run inside the publishing transaction once a publication and its
  reader page are written (they get the publication), so their writes commit or roll back
  with it;
- *release links* add links to the release's admin pages (``(url, label, language)``);
- *publication status* tells pages which languages of a revision can be published, without
  running anything slow (``{language: [problems]}``, an empty list where all is ready);
- *language work* tells the release list and the editor's dashboard, for a whole page of
  releases at once and in a few queries, what stands between each target language of each
  newest revision and its readers (``{release_id: {language: LanguageWork}}``);
- *archive sections* add tables to ``export_archive``/``import_archive`` after records' own
  (``records.archive.ModelSection`` instances, in the order they are restored; given the
  archive's format version, so a restore can bring older archives up to date).
"""

from dataclasses import dataclass, field

# What may keep a target language from readers, in the order pages list it. Each is a count
# of units (``errors``: units with an error finding that has no override).
BLOCKERS = ("outdated", "review", "errors", "untranslated", "draft")


@dataclass
class LanguageWork:
    """Where one target language of a release's newest revision stands (a count per unit
    state, the units with blocking findings), and where each kind of work is done."""

    total: int = 0
    approved: int = 0
    untranslated: int = 0
    outdated: int = 0
    draft: int = 0
    review: int = 0
    errors: int = 0
    # Whether the findings counted are those of the newest revision and glossary: when not,
    # publishing runs the term check first and may still find errors.
    checked: bool = True
    # ``{blocker: url}`` of the page where that work is done.
    links: dict = field(default_factory=dict)

    @property
    def unapproved_other(self):
        """Return the units neither approved nor in a state listed in ``BLOCKERS``."""
        listed = self.untranslated + self.outdated + self.draft + self.review
        return max(self.total - self.approved - listed, 0)

    @property
    def blocking(self):
        """Return ``[(blocker, count)]`` of what keeps the language from readers (empty: it
        can be published)."""
        found = [(name, getattr(self, name)) for name in BLOCKERS if getattr(self, name)]
        if self.unapproved_other:
            found.append(("other", self.unapproved_other))
        return found


class Registry:
    def __init__(self):
        self.revision_listeners = []
        self.publish_guards = []
        self.publication_listeners = []
        self.release_links = []
        self.publication_statuses = []
        self.work_providers = []
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

    def on_publication(self, listener):
        """Register ``listener(publication)``, run once a publication is written; return it."""
        if listener not in self.publication_listeners:
            self.publication_listeners.append(listener)
        return listener

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

    def language_work(self, provider):
        """Register ``provider(releases)`` returning ``{release_id: {language: LanguageWork}}``
        for the newest revision of each release, in a constant number of queries."""
        if provider not in self.work_providers:
            self.work_providers.append(provider)
        return provider

    def add_archive_sections(self, sections):
        """Register ``sections(version)`` returning the archive sections of an archive of
        format ``version`` (``records.archive.FORMAT_VERSION`` when writing); return it."""
        if sections not in self.archive_providers:
            self.archive_providers.append(sections)
        return sections

    def extra_archive_sections(self, version):
        """Return the archive sections other apps registered for format ``version``, in
        registration order."""
        return [section for sections in self.archive_providers for section in sections(version)]

    def revision_created(self, revision, context=None):
        for listener in self.revision_listeners:
            listener(revision, context or {})

    def publication_created(self, publication):
        for listener in self.publication_listeners:
            listener(publication)

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

    def work_for(self, releases):
        """Return ``{release_id: {language: LanguageWork}}`` from the registered providers (the
        last one registered wins for a language they both answer)."""
        releases = list(releases)
        found = {}
        if not releases:
            return found
        for provider in self.work_providers:
            for release_id, entries in provider(releases).items():
                found.setdefault(release_id, {}).update(entries)
        return found

    def links_for(self, request, release):
        return [link for links in self.release_links for link in links(request, release)]


registry = Registry()
