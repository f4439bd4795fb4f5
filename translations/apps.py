from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib import admin
        from django.db.models.signals import post_migrate

        from records.extensions import registry

        from .admin_exchange import release_exchange_links
        from .archive import archive_sections
        from .receivers import (
            enqueue_release_terms_check,
            release_term_links,
            release_workbench_links,
        )
        from .review.gate import publication_guard, publication_status
        from .review.progress import release_progress
        from .review.states import states_after_revision
        from .roles import roles_sync_after_migrate

        post_migrate.connect(roles_sync_after_migrate, dispatch_uid="translations.roles")
        registry.on_revision(states_after_revision)
        registry.on_revision(enqueue_release_terms_check)
        registry.guard_publication(publication_guard)
        registry.publication_status(publication_status)
        registry.release_summaries(release_progress)
        registry.add_release_links(release_term_links)
        registry.add_release_links(release_workbench_links)
        registry.add_release_links(release_exchange_links)
        registry.add_archive_sections(archive_sections)
        # The admin's index offers "My work" (the review queue) above the applications.
        admin.site.index_template = "translations/review/admin_index.html"
