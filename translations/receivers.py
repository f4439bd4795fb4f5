"""Signal receivers: they only enqueue work once the transaction commits."""

from django.db import transaction


def enqueue_release_terms_check(sender, revision, **kwargs):
    """Check a new revision's terms in a Celery task after commit."""
    from .tasks import release_terms_check

    release_id = revision.release_id
    # robust: a failing check must not turn an already committed save into an error.
    transaction.on_commit(lambda: release_terms_check.delay(release_id), robust=True)
