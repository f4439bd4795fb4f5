"""What a translator does with the memory: use one match, or pre-translate a whole language.

Both write through the workbench's own path (one revision, merged like every write); the
units become drafts, which a reviewer still has to approve.
"""

import copy
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from config import languages
from records.services import (
    ActionNotAllowed,
    release_lock,
    release_write,
    revision_message,
    revision_snapshot,
)
from records.snapshots import DERIVED_FIELDS
from records.units import translatable_units
from translations.memory.lookup import memory_exact
from translations.memory.models import MemoryEntry
from translations.review import permissions
from translations.review.common import ReviewError, target_language_check
from translations.review.editing import content_set_text, unit_save
from translations.review.models import UnitStatus
from translations.review.submitting import revision_batch, units_submit_confirmed
from translations.review.vocabulary import UnitState


def _may_edit(user, language):
    if not permissions.can_edit(user, language):
        raise ActionNotAllowed(
            _("%(user)s may not edit the %(language)s text; nothing was saved")
            % {"user": user.get_username(), "language": languages.name_in_sentence(language)}
        )


def memory_use(release, language, key, entry_id, user, *, based_on):
    """Save memory entry ``entry_id``'s target as unit ``key``'s ``language`` draft, based on
    revision ``based_on``; return the ``WriteResult`` (refusals as ``unit_save``'s)."""
    target_language_check(release, language)
    _may_edit(user, language)
    entry = MemoryEntry.objects.filter(
        pk=entry_id, source_language=release.source_language, target_language=language
    ).first()
    if entry is None:
        raise ReviewError(
            _("the translation memory has no %(source)s→%(target)s entry %(id)s; nothing was saved")
            % {"source": release.source_language, "target": language, "id": entry_id}
        )
    return unit_save(release, language, key, entry.target_text, user, based_on=based_on)


@dataclass(frozen=True)
class Pretranslation:
    """What pre-translating did: the units filled (and the revision), or none."""

    keys: list
    result: object = None
    submitted: bool = False

    @property
    def message(self):
        if not self.keys:
            return _("No untranslated unit has an exact match in the translation memory.")
        values = {"n": len(self.keys), "rev": self.result.revision.number}
        if self.submitted:
            return (
                ngettext(
                    "%(n)s unit pre-translated from the memory (revision %(rev)s) and sent for "
                    "review.",
                    "%(n)s units pre-translated from the memory (revision %(rev)s) and sent for "
                    "review.",
                    len(self.keys),
                )
                % values
            )
        return (
            ngettext(
                "%(n)s unit pre-translated from the memory as a draft (revision %(rev)s).",
                "%(n)s units pre-translated from the memory as drafts (revision %(rev)s).",
                len(self.keys),
            )
            % values
        )


@transaction.atomic
def release_pretranslate(release, language, user):
    """Fill every untranslated ``language`` unit of ``release`` that has an exact memory match,
    as drafts, in one revision; return a :class:`Pretranslation`.

    Works from the newest revision under the release's lock, so a unit someone translated
    meanwhile is never overwritten.
    """
    target_language_check(release, language)
    _may_edit(user, language)
    release = release_lock(release.pk)
    source = release.source_language
    head = revision_snapshot(release, release.head_number)
    untranslated = set(
        UnitStatus.objects.filter(
            release=release, language=language, state=UnitState.UNTRANSLATED
        ).values_list("key", flat=True)
    )
    blank = {
        unit.key: unit.text(source)
        for unit in translatable_units(head, source)
        if unit.key in untranslated and not unit.text(language).strip()
    }
    found = memory_exact(source, language, blank)
    if not found:
        return Pretranslation([])
    content = {
        name: copy.deepcopy(value) for name, value in head.items() if name not in DERIVED_FIELDS
    }
    keys = [key for key in blank if key in found]
    for key in keys:
        content_set_text(content, key, language, found[key].target_text)
    result = release_write(
        content,
        author=user,
        message=revision_message(
            gettext_noop("Pre-translated from the translation memory (%(language)s)"),
            {"language": language},
        ),
        based_on=release.head_number,
        release_id=release.pk,
    )
    return Pretranslation(keys, result)


@transaction.atomic
def release_pretranslate_submit(release, language, user, *, confirm):
    """Pre-translate as :func:`release_pretranslate` does and send the units it filled to
    review in the same action: one revision, and one batch of events (the revision's) and of
    notifications. Without ``confirm``, units with error findings are refused (nothing is
    written); return a :class:`Pretranslation`."""
    done = release_pretranslate(release, language, user)
    if not done.keys:
        return done
    revision = done.result.revision
    units_submit_confirmed(
        done.result.release,
        language,
        done.keys,
        user,
        confirm=confirm,
        batch=revision_batch(revision),
    )
    return Pretranslation(done.keys, done.result, submitted=True)
