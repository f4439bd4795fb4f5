"""Who may do what in review: the checks the actions enforce and the pages use to hide buttons.

Pure checks over a user's permissions (and a unit's state); the actions in :mod:`.actions`
raise ``ActionNotAllowed`` when one fails, pages only leave out what would be refused.
"""

from config import languages
from translations.review.vocabulary import UnitState


def has_language_perm(user, permission, language):
    """Return whether ``user`` is active and holds ``records.<permission>_<language>``."""
    return bool(user.is_active and user.has_perm(f"records.{permission}_{language}"))


def can_view(user):
    """Return whether ``user`` may see releases, their workbench and their history."""
    return bool(user.is_active and user.has_perm("records.view_release"))


def can_edit(user, language):
    """Return whether ``user`` may edit (and submit) ``language`` text."""
    return has_language_perm(user, "edit_text", language)


def can_review(user, language):
    """Return whether ``user`` may approve, send back and override findings in ``language``."""
    return has_language_perm(user, "review_text", language)


def can_comment(user):
    return can_view(user)


def can_approve(user, language, status):
    """Return whether ``user`` may approve the unit whose state row is ``status`` now."""
    return (
        status is not None
        and status.state == UnitState.NEEDS_REVIEW
        and status.translated_by_id != user.pk
        and can_review(user, language)
    )


def can_resolve(user, comment):
    """Return whether ``user`` may resolve ``comment``'s thread (its author, or whoever edits
    or reviews its language)."""
    return comment.parent_id is None and (
        comment.author_id == user.pk
        or can_edit(user, comment.language)
        or can_review(user, comment.language)
    )


def work_languages(user, source=None):
    """Return the target languages (of a release written in ``source``; any release when
    None) that ``user`` edits or reviews."""
    codes = languages.targets(source) if source else languages.CODES
    return [code for code in codes if can_edit(user, code) or can_review(user, code)]
