from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Wire the packages together: what each adds to records and to the layers below it."""
        from django.contrib import admin
        from django.db.models.signals import post_migrate

        from records.extensions import registry
        from translations import tasks  # noqa: F401 (registers every package's tasks)
        from translations.archive import archive_sections
        from translations.checks.admin import release_term_links
        from translations.checks.pending import (
            glossary_recheck_record,
            pending_check_after_revision,
        )
        from translations.exchange.admin import release_exchange_links
        from translations.glossary.changes import on_glossary_change
        from translations.memory.concordance import memory_concordance
        from translations.memory.recording import memory_record
        from translations.memory.workbench import memory_actions, memory_attach
        from translations.review.admin import release_workbench_links
        from translations.review.extensions import extensions
        from translations.review.gate import (
            publication_guard,
            publication_status,
            publication_work,
        )
        from translations.review.notify import notification_kinds
        from translations.review.states import states_after_revision
        from translations.roles import roles_sync_after_migrate
        from translations.webhooks.services import webhooks_after_publication

        post_migrate.connect(roles_sync_after_migrate, dispatch_uid="translations.roles")
        registry.on_revision(states_after_revision)
        registry.on_revision(pending_check_after_revision)
        registry.guard_publication(publication_guard)
        registry.on_publication(webhooks_after_publication)
        registry.publication_status(publication_status)
        registry.language_work(publication_work)
        registry.add_release_links(release_term_links)
        registry.add_release_links(release_workbench_links)
        registry.add_release_links(release_exchange_links)
        registry.add_archive_sections(archive_sections)
        on_glossary_change(glossary_recheck_record)
        extensions.on_approval(memory_record)
        extensions.extend_rows(memory_attach)
        for name, handler in memory_actions().items():
            extensions.add_action(name, handler)
        extensions.add_concordance(memory_concordance)
        notification_kinds()
        # The admin's index offers "My work" (the review queue) above the applications.
        admin.site.index_template = "translations/review/admin_index.html"
