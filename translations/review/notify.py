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
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from config import languages
from translations.enqueue import task_send
from translations.review.models import Comment, Event, UnitStatus
from translations.review.vocabulary import EventAction

# The task that sends them (translations.review.tasks), by name.
REVIEW_NOTIFY = "translations.review.notify"

NOTIFIED = {
    EventAction.SUBMITTED,
    EventAction.APPROVED,
    EventAction.CHANGES_REQUESTED,
    EventAction.COMMENTED,
}


def enqueue(batch):
    """Send the notifications of ``batch`` from a task once the transaction commits."""
    batch = str(batch)
    task_send(REVIEW_NOTIFY, batch, label=f"the notifications of batch {batch}")


def _interested(action, release_id, language, keys):
    """Return ``{user id: {unit keys}}`` of who hears of ``action`` on ``keys`` (one or two
    queries for a whole group of events)."""
    from translations.roles import reviewers

    if action == EventAction.SUBMITTED:
        ids = get_user_model().objects.filter(groups__name=reviewers(language))
        return {pk: set(keys) for pk in ids.values_list("pk", flat=True)}
    interested = defaultdict(set)
    translators = UnitStatus.objects.filter(
        release_id=release_id, language=language, key__in=keys, translated_by__isnull=False
    ).values_list("key", "translated_by")
    pairs = list(translators)
    if action == EventAction.COMMENTED:
        pairs += Comment.objects.filter(
            release_id=release_id, language=language, key__in=keys
        ).values_list("key", "author")
    for key, user_id in pairs:
        interested[user_id].add(key)
    return interested


def notifications(batch):
    """Return the ``(subject, body, from, [to])`` messages for the events of ``batch``."""
    events = list(
        Event.objects.filter(batch=batch, action__in=NOTIFIED).select_related("release", "actor")
    )
    groups = defaultdict(list)
    for event in events:
        groups[(event.action, event.release_id, event.language)].append(event)
    wanted = defaultdict(list)
    for (action, release_id, language), group in groups.items():
        keys = {event.key for event in group}
        for user_id, concerned in _interested(action, release_id, language, keys).items():
            wanted[user_id] += [
                event for event in group if event.key in concerned and event.actor_id != user_id
            ]
    users = {
        user.pk: user
        for user in get_user_model()
        .objects.filter(pk__in=[pk for pk, found in wanted.items() if found], is_active=True)
        .exclude(email="")
    }
    per_user = {pk: wanted[pk] for pk in users}
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
