from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from records.signals import revision_created

        from .receivers import enqueue_release_terms_check

        revision_created.connect(enqueue_release_terms_check, dispatch_uid="translations.check")
