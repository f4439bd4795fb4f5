"""Submitting from the workbench: error findings named first, and many units as one action.

A unit with an error finding that has no override may still go to review (its reviewer cannot
approve it until the text is fixed or the finding overridden), but whoever submits it is asked
first: without ``confirm`` these services refuse with :class:`SubmitConfirmation`, which names
every such finding, and change nothing. The findings are those of the text submitted: where
the stored ones are not those of the newest revision and glossary, that language is checked at
that moment, as approval does.

A bulk submission is one call of ``units_submit``: one batch of events, one batch of
notifications. An action that also writes a revision (pre-translate and submit) gives the
submission that revision's batch, so everything it did shares one batch id.
"""

from django.db import transaction
from django.utils.translation import ngettext

from records.services import release_lock
from translations.review.actions import units_submit
from translations.review.common import ReviewError, head_units, unit_label
from translations.review.editing import unit_save
from translations.review.findings import blocking_findings, terms_current
from translations.review.models import Event

# Findings the refusal's message names (the answer lists them all).
NAMED_IN_MESSAGE = 3


class SubmitConfirmation(ReviewError):
    """Units to submit have error findings without an override; nothing was changed.

    ``findings``: ``[{"key", "unit", "message"}, …]`` in unit order, for the page to name.
    """

    kind = "submit"

    def __init__(self, blocking, units):
        order = {key: index for index, key in enumerate(units)}
        blocking = sorted(blocking, key=lambda f: (order.get(str(f.segment_key), 0), f.id))
        self.findings = [
            {
                "key": str(finding.segment_key),
                "unit": str(unit_label(str(finding.segment_key), units)),
                "message": finding.display_message(),
            }
            for finding in blocking
        ]
        named = "; ".join(
            f"{item['unit']}: {item['message'].rstrip('.。 ')}"
            for item in self.findings[:NAMED_IN_MESSAGE]
        )
        more = len(self.findings) - NAMED_IN_MESSAGE
        if more > 0:
            named += " " + ngettext("(and %(n)s more)", "(and %(n)s more)", more) % {"n": more}
        super().__init__(
            ngettext(
                "Submit with %(count)s error finding that has no override? %(findings)s. "
                "Confirm to submit anyway; nothing was changed.",
                "Submit with %(count)s error findings that have no override? %(findings)s. "
                "Confirm to submit anyway; nothing was changed.",
                len(self.findings),
            )
            % {"count": len(self.findings), "findings": named}
        )


def submit_findings_check(release, language, keys):
    """Refuse (:class:`SubmitConfirmation`) when units ``keys`` of the locked ``release`` have
    error findings without an override for their current text."""
    _snapshot, units = head_units(release)
    wanted = {key for key in keys if key in units}
    if not wanted:
        return
    terms_current(release, language)
    blocking = blocking_findings(release, language, units, wanted)
    if blocking:
        raise SubmitConfirmation(blocking, units)


@transaction.atomic
def units_submit_confirmed(release, language, keys, user, *, based_on=None, confirm, batch=None):
    """Submit units ``keys`` as ``units_submit`` does (its refusals first); without ``confirm``
    refuse units with error findings. Return the batch id."""
    batch = units_submit(release, language, keys, user, based_on=based_on, batch=batch)
    if not confirm:
        submit_findings_check(release_lock(release.pk), language, keys)
    return batch


@transaction.atomic
def unit_save_confirmed(release, language, key, text, user, *, based_on, submit, confirm):
    """Save a unit as ``unit_save`` does; when it is submitted too, without ``confirm`` refuse a
    text with error findings (the save included). Return the ``WriteResult``."""
    result = unit_save(release, language, key, text, user, based_on=based_on, submit=submit)
    if submit and not confirm:
        submit_findings_check(release_lock(release.pk), language, [key])
    return result


def revision_batch(revision):
    """Return the batch id of the state events ``revision`` wrote (None if it wrote none)."""
    return (
        Event.objects.filter(release_id=revision.release_id, revision_number=revision.number)
        .values_list("batch", flat=True)
        .first()
    )
