"""Creating, finding and revoking API tokens."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken

# Every key starts with this, so a leaked key is recognisable in logs and secret scanners.
KEY_PREFIX = "cnc_"
PREFIX_CHARS = len(KEY_PREFIX) + 6
MAX_ACTIVE_TOKENS = 20
# A token's last use is written at most this often (one UPDATE per minute, not per request).
LAST_USED_EVERY_SECONDS = 60


def token_digest(key):
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def token_create(user, name):
    """Create a token for ``user``; return ``(token, key)``. The key is never shown again."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Give the token a name, such as the tool that will use it."))
    if len(name) > ApiToken._meta.get_field("name").max_length:
        raise ValidationError(_("A token's name has at most 100 characters."))
    active = ApiToken.objects.select_for_update().filter(user=user, revoked_at=None)
    if active.count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            _("You have %(count)d active tokens; revoke one before creating another.")
            % {"count": MAX_ACTIVE_TOKENS}
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=key[:PREFIX_CHARS], digest=token_digest(key)
    )
    return token, key


@transaction.atomic
def token_revoke(user, token_id):
    """Revoke one of ``user``'s tokens; revoking twice changes nothing."""
    try:
        token = ApiToken.objects.select_for_update().get(pk=token_id, user=user)
    except (ApiToken.DoesNotExist, ValueError, TypeError):
        raise ValidationError(_("No such token of yours.")) from None
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_user(key):
    """Return the active token for ``key`` with its user, or None."""
    if not key or not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(key), revoked_at=None, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    last = token.last_used_at
    if last is None or (now - last).total_seconds() >= LAST_USED_EVERY_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def tokens_of(user):
    """Return ``user``'s tokens, newest first (revoked ones too: the list says when)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")
