"""Who may do what with releases; pure checks over a user's permissions."""

from config import languages


def editable_languages(user):
    """Return the languages whose text ``user`` may edit."""
    return [code for code in languages.CODES if user.has_perm(f"records.edit_text_{code}")]


def can_edit_structure(user):
    """Return whether ``user`` may add, remove or reorder segments and change metadata."""
    return user.has_perm("records.change_release") and user.has_perm(
        f"records.edit_text_{languages.DEFAULT_SOURCE}"
    )


def can_restore(user):
    """Return whether ``user`` may restore an old revision (it rewrites every language)."""
    return can_edit_structure(user) and len(editable_languages(user)) == len(languages.CODES)


def can_publish(user):
    """Return whether ``user`` may publish revisions."""
    return user.has_perm("records.publish_release")
