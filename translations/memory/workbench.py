"""What the translation memory adds to the workbench: matches per unit and two actions."""

from django.utils.translation import gettext as _

from translations.memory.lookup import memory_lookup
from translations.memory.services import (
    memory_use,
    release_pretranslate,
    release_pretranslate_submit,
)
from translations.review.views.endpoints import BadInput, number_field
from translations.review.vocabulary import UnitState


def memory_attach(rows):
    """Give each row that still needs work (not approved) its translation memory matches, in
    a fixed number of queries for all ``rows``."""
    wanted = [row for row in rows if row.state != UnitState.APPROVED]
    if not wanted:
        return rows
    first = wanted[0]
    found = memory_lookup(
        first.source_language,
        first.language,
        {row.key: row.source for row in wanted},
        current={row.key: row.target for row in wanted},
    )
    for row in wanted:
        row.memory = found.get(row.key, [])
    return rows


def use_match(view, post, user):
    """Save a memory match as the unit's draft (workbench action *Use this*)."""
    key = post.get("key", "")
    if not key:
        raise BadInput(_("no unit was named"))
    result = memory_use(
        view.release,
        view.language,
        key,
        number_field(post, "entry"),
        user,
        based_on=number_field(post, "based_on"),
    )
    if result.revision is None:
        return [key], _("The unit already has this translation.")
    return [key], _("The match is saved as a draft (revision %(n)s); it still needs review.") % {
        "n": result.revision.number
    }


def pretranslate(view, post, user):
    """Fill every untranslated unit with its exact match (workbench action *Pre-translate*;
    with ``submit=1``, *Pre-translate and submit*: the units filled go to review too)."""
    if post.get("submit") == "1":
        done = release_pretranslate_submit(
            view.release, view.language, user, confirm=post.get("confirm") == "1"
        )
    else:
        done = release_pretranslate(view.release, view.language, user)
    return done.keys, done.message


def memory_actions():
    """Return the workbench actions of the memory, by the name the pages post to."""
    return {"use-match": use_match, "pretranslate": pretranslate}
