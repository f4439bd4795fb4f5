"""What translations adds to records through its registry: work after a revision, links."""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError

from config import languages

logger = logging.getLogger(__name__)


def enqueue_release_terms_check(revision, context=None):
    """Record the check as pending in the revision's transaction; enqueue it after commit."""
    from .services import pending_check_record
    from .tasks import release_terms_check_enqueue

    pending_check_record(revision.release_id, revision.number)
    release_id = revision.release_id

    def enqueue():
        try:
            release_terms_check_enqueue(release_id)
        except KombuOperationalError as error:
            # The save is committed; the pending row stays for the sweep.
            logger.warning(
                "Broker unreachable (%s): the term check of release %s waits for the sweep",
                error,
                release_id,
            )

    # robust: nothing else after commit may turn an already committed save into an error.
    transaction.on_commit(enqueue, robust=True)


def release_term_links(request, release):
    """Return links to the release's term findings, one per target language."""
    url = reverse("admin:translations_releasetermfindings_change", args=[release.pk])
    return [
        (f"{url}?lang={code}", _("Terms (%(code)s)") % {"code": code}, code)
        for code in languages.targets(release.source_language)
    ]


def release_workbench_links(request, release):
    """Return links to the release's workbench, one per target language."""
    return [
        (
            reverse("translations:workbench", args=[release.pk, code]),
            _("Workbench (%(code)s)") % {"code": code},
            code,
        )
        for code in languages.targets(release.source_language)
    ]
