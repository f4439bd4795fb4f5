"""The admin pages of every package (Django's admin autodiscovery imports this module)."""

from translations.checks import admin as checks_admin
from translations.exchange import admin as exchange_admin
from translations.glossary import admin as glossary_admin
from translations.memory import admin as memory_admin
from translations.review import admin as review_admin
from translations.webhooks import admin as webhooks_admin

__all__ = [
    "checks_admin",
    "exchange_admin",
    "glossary_admin",
    "memory_admin",
    "review_admin",
    "webhooks_admin",
]
