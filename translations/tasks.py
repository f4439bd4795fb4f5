"""Every Celery task of the app, defined in its package (Celery's autodiscovery imports this).

Services never import task modules: they send tasks by name through
:mod:`translations.enqueue`.
"""

from translations.checks import tasks as checks_tasks
from translations.exchange import tasks as exchange_tasks
from translations.notifications import tasks as notifications_tasks
from translations.webhooks import tasks as webhooks_tasks

__all__ = ["checks_tasks", "exchange_tasks", "notifications_tasks", "webhooks_tasks"]
