"""Saving one unit's translation from the workbench: a revision through the one write path.

The write starts from the revision the translator was looking at (``based_on``) with only
that unit's text in that language changed, so ``records.services.texts.release_texts_write``
(``release_write`` at the cost of the edit) merges it with whatever others saved since and
refuses it (``MergeConflict``) only when someone else changed the same text differently.
Starting from the newest revision instead would make the translator the author of everyone
else's changes since ``based_on``.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from config import languages
from records.services import ActionNotAllowed, release_texts_write, revision_message, unit_read
from records.units import CAPTION, CREDIT, TITLE
from translations.review import permissions
from translations.review.actions import units_submit
from translations.review.common import ReviewError, target_language_check, unit_label
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState


def content_set_text(content, key, language, text):
    """Put ``text`` into ``content`` (a snapshot) as the ``language`` text of unit ``key``."""
    if key == TITLE:
        content["title"][language] = text
        return
    item_key, _sep, field = key.partition(":")
    if field in (CAPTION, CREDIT):
        for photo in content["photos"]:
            if photo["key"] == item_key:
                photo[field][language] = text
                return
    for segment in content["segments"]:
        if segment["key"] == key:
            segment["text"][language] = text
            return
    raise LookupError(key)


def clean_unit_text(text):
    """Return a unit's text as a form sends it, with line ends and outer spaces as stored."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


@transaction.atomic
def unit_save(release, language, key, text, user, *, based_on, submit=False):
    """Save ``text`` as unit ``key``'s ``language`` translation, based on revision
    ``based_on``; with ``submit`` the unit goes to review too. Return the ``WriteResult``.

    Refuses (nothing written): a language that is not a target (``ReviewError``), a user
    who may not edit it (``ActionNotAllowed``), an unknown unit or revision
    (``ReviewError``), invalid text (``ReleaseContentError``), and a text someone else changed
    differently since ``based_on`` (``MergeConflict``, from the write path).
    """
    target_language_check(release, language)
    if not permissions.can_edit(user, language):
        raise ActionNotAllowed(
            _("%(user)s may not edit the %(language)s text; nothing was saved")
            % {"user": user.get_username(), "language": languages.name_in_sentence(language)}
        )
    if not isinstance(based_on, int) or not 1 <= based_on <= release.head_number:
        raise ReviewError(
            _("release “%(slug)s” has no revision %(n)s; nothing was saved")
            % {"slug": release.slug, "n": based_on}
        )
    unit = unit_read(release, based_on, key)
    if unit is None or not unit.text(release.source_language).strip():
        raise ReviewError(
            _("revision %(n)s of “%(slug)s” has no unit %(key)s to translate; nothing was saved")
            % {"n": based_on, "slug": release.slug, "key": key}
        )
    seen = unit.text(release.source_language)
    # The source the translator saw: a text typed against an older source is outdated
    # against the current one (the unit states read it), never a draft of a source unseen.
    context = {"seen_sources": {key: seen}}
    if submit:
        context["submit"] = {language: {key}}
    result = release_texts_write(
        release.pk,
        {(key, language): clean_unit_text(text)},
        author=user,
        message=revision_message(
            gettext_noop("Workbench: %(unit)s (%(language)s)"),
            {"unit": unit_label(key, {key: unit}), "language": language},
        ),
        based_on=based_on,
        context=context,
    )
    if submit:
        # An unchanged text is still sent to review when it is a draft, or when the
        # translator confirms it for a changed source they saw (not one changed since).
        state = (
            UnitStatus.objects.filter(release=release, language=language, key=key)
            .values_list("state", flat=True)
            .first()
        )
        current = unit_read(result.release, result.release.head_number, key)
        seen_current = current is not None and current.text(release.source_language) == seen
        if state == UnitState.DRAFT or (state == UnitState.OUTDATED and seen_current):
            units_submit(result.release, language, [key], user)
    return result
