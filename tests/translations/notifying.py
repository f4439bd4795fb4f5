"""Helpers of the notification tests: committing an action, settling what a scenario left."""

from django.contrib.auth.models import Group, User
from django.utils import timezone

from records.services import release_write
from records.snapshots import release_snapshot
from translations.notifications.models import Notification
from translations.roles import reviewers


def settle():
    """Mark every notification recorded so far as mailed: building a scenario never commits,
    so its notifications were never sent, and the next mail would carry them too."""
    Notification.objects.update(sent_at=timezone.now())


def reviewer(username, code, email=None):
    """Return another reviewer of ``code``."""
    email = f"{username}@example.org" if email is None else email
    user = User.objects.create_user(username, email=email, password="test-password-123")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.add(Group.objects.get(name=reviewers(code)))
    return user


def japanese_edited(release, author, count, *, start=0):
    """Write new Japanese for ``count`` segments from ``start`` in one revision (drafts, still
    rendering every number and name of the English: approvable); return the release and the
    keys."""
    content = release_snapshot(release)
    keys = []
    for segment in content["segments"][start : start + count]:
        segment["text"]["ja"] = f"{segment['text']['ja']}（改）"
        keys.append(segment["key"])
    release_write(content, author=author, based_on=release.head_number)
    release.refresh_from_db()
    return release, keys


def to(mails):
    """Return the mails by their one address."""
    found = {}
    for mail in mails:
        assert len(mail.to) == 1, mail.to
        assert mail.to[0] not in found, f"two mails to {mail.to[0]}"
        found[mail.to[0]] = mail
    return found
