"""Comments: threads on a unit in the source or a target language; replies; resolving."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config import languages
from records.services import ActionNotAllowed, release_lock
from translations.review import permissions
from translations.review.audit import review_audit
from translations.review.common import ReviewError, head_units, text_clean
from translations.review.models import MAX_COMMENT_CHARS, Comment
from translations.review.vocabulary import EventAction


def _may_comment(user, release, language):
    if language not in languages.CODES:
        raise ReviewError(_("unknown language “%(language)s”") % {"language": language})
    if not permissions.can_comment(user):
        raise ActionNotAllowed(
            _("%(user)s may not comment on releases; nothing was changed")
            % {"user": user.get_username()}
        )


@transaction.atomic
def comment_add(release, key, language, text, user, *, parent=None):
    """Start a thread on a unit (source or target language), or reply to one.

    A reply belongs to its thread's unit and language, whatever ``key`` and ``language`` say.
    """
    release = release_lock(release.pk)
    if parent is not None:
        parent = Comment.objects.select_for_update().filter(pk=parent.pk).first()
        if parent is None or parent.release_id != release.pk or parent.parent_id is not None:
            raise ReviewError(
                _("a reply must answer a thread of this release; nothing was changed")
            )
        key, language = parent.key, parent.language
    _may_comment(user, release, language)
    text = text_clean(text, _("the comment"), MAX_COMMENT_CHARS)
    if parent is None:
        _snapshot, units = head_units(release)
        if key not in units:
            raise ReviewError(
                _("release “%(slug)s” has no unit %(key)s; nothing was changed")
                % {"slug": release.slug, "key": key}
            )
    comment = Comment.objects.create(
        release=release, key=key, language=language, author=user, text=text, parent=parent
    )
    if parent is not None and parent.resolved_at is not None:
        # A reply reopens the thread: there is something to answer again.
        Comment.objects.filter(pk=parent.pk).update(resolved_at=None, resolved_by=None)
    review_audit(
        EventAction.COMMENTED,
        user=user,
        release=release,
        language=language,
        units=[(key, None, None)],
        reason=text,
        log="comment.add",
        details={"unit": comment.key, "comment": comment.pk},
    )
    return comment


def _may_resolve(user, comment):
    return permissions.can_resolve(user, comment)


@transaction.atomic
def comment_resolve(comment, user):
    """Mark a thread resolved (by its author or anyone who edits or reviews its language)."""
    release = release_lock(comment.release_id)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    _may_comment(user, release, comment.language)
    if comment.parent_id is not None:
        raise ReviewError(_("resolve the thread, not a reply; nothing was changed"))
    if not _may_resolve(user, comment):
        raise ActionNotAllowed(
            _("%(user)s may not resolve this thread; nothing was changed")
            % {"user": user.get_username()}
        )
    if comment.resolved_at is not None:
        raise ReviewError(_("this thread is already resolved; nothing was changed"))
    comment.resolved_at, comment.resolved_by = timezone.now(), user
    comment.save(update_fields=["resolved_at", "resolved_by"])
    review_audit(
        EventAction.RESOLVED,
        user=user,
        release=release,
        language=comment.language,
        units=[(comment.key, None, None)],
        reason=comment.text[:200],
        log="comment.resolve",
        details={"unit": comment.key, "comment": comment.pk},
    )
    return comment
