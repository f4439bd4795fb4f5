"""Approving from the workbench: open comment threads named first.

A unit whose comment thread is still open with someone else's word last (a translator's
question, an answer to the reviewer's request) may still be approved, but whoever approves it
is asked first: without ``confirm``
:func:`units_approve_confirmed` refuses with :class:`ApproveConfirmation`, which names every
such thread, and changes nothing — as submitting asks before sending error findings to review
(:mod:`.submitting`). The threads are those the workbench shows on the unit: on its text in the
language approved and on its source.
"""

from django.db import transaction
from django.utils.translation import ngettext

from translations.review.actions import units_approve
from translations.review.common import ReviewError, head_units, unit_label
from translations.review.models import Comment

# Threads the refusal's message names (the answer lists them all).
NAMED_IN_MESSAGE = 3
# Characters of a thread's first comment the list quotes.
QUOTED_CHARS = 200


class ApproveConfirmation(ReviewError):
    """Units to approve have open comment threads; nothing was changed.

    ``findings``: ``[{"key", "unit", "message"}, …]`` in unit order, one per open thread (the
    same shape as a submission's findings, so the page asks the same way).
    """

    kind = "approve"

    def __init__(self, threads, units):
        order = {key: index for index, key in enumerate(units)}
        threads = sorted(threads, key=lambda c: (order.get(c.key, len(order)), c.pk))
        self.findings = [
            {
                "key": comment.key,
                "unit": str(unit_label(comment.key, units)),
                "message": f"{comment.author.get_username()}: {_quoted(comment.text)}",
            }
            for comment in threads
        ]
        named = "; ".join(
            f"{item['unit']} ({item['message']})" for item in self.findings[:NAMED_IN_MESSAGE]
        )
        more = len(self.findings) - NAMED_IN_MESSAGE
        if more > 0:
            named += " " + ngettext("(and %(n)s more)", "(and %(n)s more)", more) % {"n": more}
        super().__init__(
            ngettext(
                "Approve with %(count)s open comment thread? %(threads)s. Confirm to approve "
                "anyway; nothing was changed.",
                "Approve with %(count)s open comment threads? %(threads)s. Confirm to approve "
                "anyway; nothing was changed.",
                len(self.findings),
            )
            % {"count": len(self.findings), "threads": named}
        )


def _quoted(text):
    text = " ".join(text.split())
    return text if len(text) <= QUOTED_CHARS else text[: QUOTED_CHARS - 1] + "…"


def open_threads(release, language, keys, user):
    """Return the first comments of the open threads on units ``keys`` of ``release`` (on
    their ``language`` text or their source) whose last word is not ``user``'s: a thread the
    approver opened and nobody answered (a request for changes, now met) asks nothing."""
    comments = list(
        Comment.objects.filter(
            release=release, key__in=list(keys), language__in=[language, release.source_language]
        )
        .select_related("author")
        .order_by("pk")
    )
    roots = {c.pk: c for c in comments if c.parent_id is None and c.resolved_at is None}
    last = {}
    for comment in comments:
        root = comment.parent_id or comment.pk
        if root in roots:
            last[root] = comment.author_id
    return [root for pk, root in roots.items() if last[pk] != user.pk]


@transaction.atomic
def units_approve_confirmed(release, language, keys, user, *, based_on, confirm):
    """Approve units ``keys`` as ``units_approve`` does (its refusals first); without
    ``confirm`` refuse units with open comment threads. Return the batch id."""
    batch = units_approve(release, language, keys, user, based_on=based_on)
    if not confirm:
        release.refresh_from_db()
        threads = open_threads(release, language, keys, user)
        if threads:
            _snapshot, units = head_units(release)
            raise ApproveConfirmation(threads, units)
    return batch
