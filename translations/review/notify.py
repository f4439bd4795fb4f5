"""Who hears of a review action, by email, sent by a Celery task after the action commits.

- submitted → the reviewers of that language;
- approved, changes requested → the units' translators;
- a comment → everyone in the thread and the unit's translator in that language.

Only users with an email address hear anything, and never of their own actions.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from config import languages

from ..vocabulary import EventAction
from .models import Comment, Event, UnitStatus

NOTIFIED = {
    EventAction.SUBMITTED,
    EventAction.APPROVED,
    EventAction.CHANGES_REQUESTED,
    EventAction.COMMENTED,
}


def enqueue(batch):
    """Send the notifications of ``batch`` from a task once the transaction commits."""
    from ..tasks import review_notify

    batch = str(batch)
    transaction.on_commit(lambda: review_notify.delay(batch), robust=True)


def _recipients(event):
    from ..roles import reviewers

    User = get_user_model()
    if event.action == EventAction.SUBMITTED:
        return User.objects.filter(groups__name=reviewers(event.language), is_active=True)
    translators = UnitStatus.objects.filter(
        release_id=event.release_id, key=event.key, language=event.language
    ).values("translated_by")
    if event.action == EventAction.COMMENTED:
        thread = Comment.objects.filter(
            release_id=event.release_id, key=event.key, language=event.language
        ).values("author")
        return User.objects.filter(
            Q(pk__in=thread) | Q(pk__in=translators), is_active=True
        ).distinct()
    return User.objects.filter(is_active=True, pk__in=translators)


def notifications(batch):
    """Return the ``(subject, body, from, [to])`` messages for the events of ``batch``."""
    events = list(
        Event.objects.filter(batch=batch, action__in=NOTIFIED).select_related("release", "actor")
    )
    per_user = defaultdict(list)
    users = {}
    for event in events:
        for user in _recipients(event):
            if user.email and user.pk != event.actor_id:
                per_user[user.pk].append(event)
                users[user.pk] = user
    messages = []
    for pk, found in sorted(per_user.items()):
        first = found[0]
        url = reverse("translations:workbench", args=[first.release_id, first.language])
        base = settings.CONCORD_BASE_URL.rstrip("/")
        with override(settings.LANGUAGE_CODE):
            subject = _("[Concord] %(who)s: %(action)s — %(release)s (%(language)s)") % {
                "who": first.actor.get_username() if first.actor else _("Concord"),
                "action": first.get_action_display(),
                "release": first.release.title,
                "language": languages.name(first.language),
            }
            lines = [
                _("%(count)s unit(s) of “%(release)s” in %(language)s: %(action)s.")
                % {
                    "count": len(found),
                    "release": first.release.title,
                    "language": languages.name(first.language),
                    "action": first.get_action_display(),
                }
            ]
            if first.reason:
                lines += ["", first.reason]
            lines += ["", _("Open the workbench: %(url)s") % {"url": f"{base}{url}"}]
        messages.append((subject, "\n".join(lines), None, [users[pk].email]))
    return messages


def send(batch):
    """Send the notifications of ``batch``; return how many went out."""
    messages = notifications(batch)
    if messages:
        send_mass_mail(messages, fail_silently=False)
    return len(messages)
