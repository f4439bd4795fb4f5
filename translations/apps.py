from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from records.extensions import registry

        from .receivers import enqueue_release_terms_check, release_term_links
        from .roles import roles_sync_after_migrate

        post_migrate.connect(roles_sync_after_migrate, dispatch_uid="translations.roles")
        registry.on_revision(enqueue_release_terms_check)
        registry.add_release_links(release_term_links)
