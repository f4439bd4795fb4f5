"""What every review action shares: its error, unit names, and the checks of its input."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config import languages
from records.services import ActionNotAllowed, ReleaseContentError, revision_snapshot
from records.services.validation import text_check
from records.units import text_checksum, translatable_units
from records.units import unit_label as unit_label  # how review names units too
from translations.review import permissions


class ReviewError(ValueError):
    """A review action cannot be carried out as asked; nothing was changed."""


class StaleUnits(ReviewError):
    """A unit named changed after the revision the action was based on; nothing was changed.

    Pages answer it as any refusal; the API as a conflict (reading the unit again helps).
    """


def pair_checksum(source_text, target_text):
    """Return the checksum of a unit's source and target texts together (overrides keep it)."""
    return text_checksum(f"{source_text}\x00{target_text}")


def target_language_check(release, language):
    """Refuse ``language`` unless it is a target language of ``release``."""
    refusal = release.target_refusal(language)
    if refusal:
        raise ReviewError(refusal)


def permission_check(user, permission, action, language):
    """Refuse an inactive ``user`` or one without ``records.<permission>_<language>``."""
    if not permissions.has_language_perm(user, permission, language):
        raise ActionNotAllowed(
            _("%(user)s may not %(action)s %(language)s units; nothing was changed")
            % {
                "user": user.get_username(),
                "action": action,
                "language": languages.name_in_sentence(language),
            }
        )


def head_units(release):
    """Return the head revision's snapshot and its translatable units by key."""
    snapshot = revision_snapshot(release, release.head_number)
    units = {unit.key: unit for unit in translatable_units(snapshot, release.source_language)}
    return snapshot, units


def text_clean(text, what, limit):
    """Return ``text`` stripped; refuse it empty, over ``limit`` or with control characters."""
    text = (text or "").strip()
    if not text:
        raise ReviewError(_("%(what)s is empty; nothing was changed") % {"what": what})
    if len(text) > limit:
        raise ReviewError(
            ngettext(
                "%(what)s is too long (%(length)s character; at most %(max)s)",
                "%(what)s is too long (%(length)s characters; at most %(max)s)",
                len(text),
            )
            % {"what": what, "length": len(text), "max": limit}
        )
    try:
        return text_check(text, what)
    except ReleaseContentError as error:
        raise ReviewError(str(error)) from None
