"""Who hears of a review action, and which language became ready to publish.

Recorded as notifications (:mod:`translations.notifications`) inside the action's transaction,
mailed by a task once it commits — one mail per recipient for the whole action:

- submitted → the reviewers of that language;
- approved, changes requested → the units' translators;
- a comment → everyone in the thread and the unit's translator in that language;
- approvals after which the publish gate would pass for a language of the head revision →
  the editors: "Japanese of X is ready to publish", once per release, language and revision;
  the webhooks subscribed to ``language.ready`` hear of it too (:mod:`translations.webhooks`).

Only active users hear anything, and never of their own actions.
"""

from collections import defaultdict
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config import languages
from records.models import Release, Revision
from records.services import revision_snapshot
from records.units import translatable_units
from translations.notifications.kinds import kind_register, release_label, release_payload
from translations.notifications.models import Notification
from translations.notifications.services import Notice, notifications_record
from translations.review.common import unit_label
from translations.review.models import Comment, Event, UnitStatus
from translations.review.vocabulary import EventAction, UnitState
from translations.webhooks.services import webhooks_language_ready

NOTIFIED = {
    EventAction.SUBMITTED,
    EventAction.APPROVED,
    EventAction.CHANGES_REQUESTED,
    EventAction.COMMENTED,
}
READY = "ready"
# The workbench filter that lists the units of an action on several units: those submitted
# wait for review, those sent back are drafts again, those commented on have open comments.
FILTER_OF = {
    EventAction.SUBMITTED: "review",
    EventAction.CHANGES_REQUESTED: "todo",
    EventAction.COMMENTED: "comments",
}
# A mail names at most this many units of one action ("and 40 more").
UNITS_NAMED = 50


def enqueue(batch):
    """Record who hears of the events of ``batch`` (inside its transaction); the mail goes
    out once the transaction commits."""
    events = list(
        Event.objects.filter(batch=batch, action__in=NOTIFIED).values(
            "action", "release_id", "language", "key", "actor_id", "reason"
        )
    )
    if not events:
        return
    groups = defaultdict(list)
    for event in events:
        groups[(event["action"], event["release_id"], event["language"])].append(event)
    releases = Release.objects.in_bulk({release_id for _a, release_id, _l in groups})
    wanted = []
    for (action, release_id, language), group in groups.items():
        keys = list(dict.fromkeys(event["key"] for event in group))
        actor_id = group[0]["actor_id"]
        payload = {
            **release_payload(releases[release_id]),
            "language": language,
            "actor": actor_id,
            "reason": group[0]["reason"][:1000],
        }
        for user_id, concerned in _interested(action, release_id, language, keys).items():
            mine = [key for key in keys if key in concerned]
            if user_id == actor_id or not mine:
                continue
            event = f"review:{batch}:{release_id}:{language}:{action}"
            units = {
                "count": len(mine),
                "keys": mine[:UNITS_NAMED],
                "path": workbench_path(release_id, language, action, mine),
            }
            wanted.append((user_id, event, action, {**payload, **units}))
        if action == EventAction.APPROVED:
            wanted += _ready(releases[release_id], language, actor_id)
    users = get_user_model().objects.in_bulk(
        {user_id for user_id, *_rest in wanted}
        | {payload["actor"] for *_rest, payload in wanted if payload.get("actor")}
    )
    notices = []
    for user_id, event, kind, payload in wanted:
        actor = users.get(payload.get("actor"))
        payload["actor"] = actor.get_username() if actor else ""
        if user_id in users:
            notices.append(Notice(users[user_id], event, kind, payload))
    notifications_record(notices, batch=batch)


def workbench_path(release_id, language, action, keys):
    """Return where a notification of ``action`` on ``keys`` opens the workbench: at the unit
    when it names one, else under the filter that lists the units it tells of."""
    path = reverse("translations:workbench", args=[release_id, language])
    if len(keys) == 1:
        return f"{path}?{urlencode({'unit': keys[0]})}#unit-{keys[0]}"
    name = FILTER_OF.get(action)
    return f"{path}?{urlencode({'filter': name})}" if name else path


def _interested(action, release_id, language, keys):
    """Return ``{user id: {unit keys}}`` of who hears of ``action`` on ``keys`` (one or two
    queries for a whole group of events)."""
    from translations.roles import reviewers

    if action == EventAction.SUBMITTED:
        ids = get_user_model().objects.filter(groups__name=reviewers(language), is_active=True)
        return {pk: set(keys) for pk in ids.values_list("pk", flat=True)}
    interested = defaultdict(set)
    pairs = list(
        UnitStatus.objects.filter(
            release_id=release_id, language=language, key__in=keys, translated_by__isnull=False
        ).values_list("key", "translated_by")
    )
    if action == EventAction.COMMENTED:
        pairs += Comment.objects.filter(
            release_id=release_id, language=language, key__in=keys
        ).values_list("key", "author")
    for key, user_id in pairs:
        interested[user_id].add(key)
    return interested


def _ready(release, language, actor_id):
    """Return the editors' "ready to publish" notices when approvals made ``language`` of
    the head revision pass the publish gate, unless it was announced for that revision (and
    tell the webhooks, once per revision)."""
    from translations.review.gate import language_problems
    from translations.roles import EDITORS

    waiting = UnitStatus.objects.filter(release=release, language=language).exclude(
        state=UnitState.APPROVED
    )
    event = f"{READY}:{release.pk}:{language}:{release.head_number}"
    if waiting.exists() or Notification.objects.filter(event=event).exists():
        return []
    revision = Revision.objects.get(release=release, number=release.head_number)
    if language_problems(release, language, revision):
        return []
    webhooks_language_ready(release, language, release.head_number)
    payload = {
        **release_payload(release),
        "language": language,
        "revision": release.head_number,
        "actor": actor_id,
        "path": reverse("admin:records_release_history", args=[release.pk]),
    }
    editors = get_user_model().objects.filter(groups__name=EDITORS, is_active=True)
    return [
        (pk, event, READY, dict(payload))
        for pk in editors.exclude(pk=actor_id).values_list("pk", flat=True)
    ]


# -- how they read ----------------------------------------------------------------------


def _values(payload):
    return {
        "actor": payload.get("actor") or _("Concord"),
        "count": payload.get("count", 0),
        # “Title” (date · slug): quoted already, so the messages do not quote it again.
        "quoted_release": release_label(payload),
        "language": languages.name_in_sentence(payload.get("language", "")),
        "revision": payload.get("revision", ""),
    }


def _summary_submitted(payload):
    values = _values(payload)
    # Translators: %(quoted_release)s is in quotation marks already: “Title” (date · slug).
    return (
        ngettext(
            "%(actor)s sent %(count)s unit of %(quoted_release)s in %(language)s for review",
            "%(actor)s sent %(count)s units of %(quoted_release)s in %(language)s for review",
            values["count"],
        )
        % values
    )


def _summary_approved(payload):
    values = _values(payload)
    # Translators: %(quoted_release)s is in quotation marks already: “Title” (date · slug).
    return (
        ngettext(
            "%(actor)s approved %(count)s unit of %(quoted_release)s in %(language)s",
            "%(actor)s approved %(count)s units of %(quoted_release)s in %(language)s",
            values["count"],
        )
        % values
    )


def _summary_changes(payload):
    values = _values(payload)
    # Translators: %(quoted_release)s is in quotation marks already: “Title” (date · slug).
    return (
        ngettext(
            "%(actor)s asked for changes to %(count)s unit of %(quoted_release)s in %(language)s",
            "%(actor)s asked for changes to %(count)s units of %(quoted_release)s in %(language)s",
            values["count"],
        )
        % values
    )


def _summary_commented(payload):
    # Translators: %(quoted_release)s is in quotation marks already: “Title” (date · slug).
    return _("%(actor)s commented on %(quoted_release)s in %(language)s") % _values(payload)


def _summary_ready(payload):
    # Translators: %(quoted_release)s is in quotation marks already: “Title” (date · slug).
    return _(
        "%(language)s of %(quoted_release)s is ready to publish: revision %(revision)s"
    ) % _values(payload)


def _unit_details(notifications):
    """Name the units of each notification (the head revision's labels, read once per
    release) and quote the comment or reason."""
    units_of, found = {}, {}
    for notification in notifications:
        payload = notification.payload
        release_id = payload.get("release")
        if release_id not in units_of:
            units_of[release_id] = _head_units(release_id)
        units = units_of[release_id]
        order = {key: index for index, key in enumerate(units)}
        keys = sorted(payload.get("keys", []), key=lambda key: order.get(key, len(order)))
        labels = ", ".join(unit_label(key, units) for key in keys)
        more = payload.get("count", len(keys)) - len(keys)
        if more > 0:
            labels += " " + ngettext("and %(n)s more", "and %(n)s more", more) % {"n": more}
        lines = [labels]
        if payload.get("reason"):
            lines += [f"“{line}”" for line in payload["reason"].splitlines() if line.strip()]
        found[notification.pk] = lines
    return found


def _head_units(release_id):
    release = Release.objects.filter(pk=release_id).select_related("topic").first()
    if release is None or not release.head_number:
        return {}
    snapshot = revision_snapshot(release, release.head_number)
    return {unit.key: unit for unit in translatable_units(snapshot, release.source_language)}


def _ready_details(notifications):
    line = _("Publish it from the release's history page.")
    return {notification.pk: [line] for notification in notifications}


def notification_kinds():
    """Register how review's notifications read (from ``TranslationsConfig.ready()``)."""
    kind_register(EventAction.SUBMITTED, _summary_submitted, _unit_details)
    kind_register(EventAction.APPROVED, _summary_approved, _unit_details)
    kind_register(EventAction.CHANGES_REQUESTED, _summary_changes, _unit_details)
    kind_register(EventAction.COMMENTED, _summary_commented, _unit_details)
    kind_register(READY, _summary_ready, _ready_details)
