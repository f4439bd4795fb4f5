"""How each kind of notification reads, registered by the package that sends it.

A kind gives a *summary*, one line from the stored payload alone (the list page shows a page of
them without a query), and optionally *details*, more lines for the mail, computed for a
whole mail at once (``details(notifications)`` → ``{notification id: [line, …]}``; it may
query). The kind ``message`` is this package's own: the sender wrote its subject and body.

Payloads may describe a release (:func:`release_payload`): every language's title, its date
and slug, so releases with the same title are told apart (:func:`release_label`).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from config import languages

MESSAGE = "message"


@dataclass(frozen=True)
class Kind:
    summary: Callable
    details: Callable | None = None


_kinds = {}


def kind_register(name, summary, details=None):
    """Register how notifications of kind ``name`` read (from ``AppConfig.ready()``)."""
    _kinds[name] = Kind(summary, details)


def summary(notification):
    """Return the one line that says what ``notification`` tells."""
    kind = _kinds.get(notification.kind)
    if kind is None:
        return notification.payload.get("subject") or notification.kind
    return kind.summary(notification.payload)


def details(notifications):
    """Return ``{notification id: [line, …]}``: what the mail says beyond each summary."""
    found = {}
    by_kind = {}
    for notification in notifications:
        by_kind.setdefault(notification.kind, []).append(notification)
    for name, group in by_kind.items():
        kind = _kinds.get(name)
        if kind is not None and kind.details is not None:
            found.update(kind.details(group))
    return found


def release_payload(release):
    """Return what a notification keeps of ``release``: id, titles, date and slug."""
    titles = {code: getattr(release, f"title_{code}", "") or "" for code in languages.CODES}
    return {
        "release": release.pk,
        "titles": titles,
        "source": release.source_language,
        "slug": release.slug,
        "date": release.date.isoformat() if release.date else "",
    }


def release_label(payload):
    """Return “Title” (date · slug) in the active language, from a :func:`release_payload`."""
    titles = payload.get("titles") or {}
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    title = titles.get(language) or titles.get(payload.get("source", "")) or payload.get("slug")
    parts = []
    if payload.get("date"):
        date = datetime.date.fromisoformat(payload["date"])
        parts.append(formats.date_format(date, "DATE_FORMAT"))
    if payload.get("slug"):
        parts.append(payload["slug"])
    return _("“%(title)s” (%(about)s)") % {"title": title, "about": " · ".join(parts)}


def _message_details(notifications):
    return {n.pk: n.payload.get("body", "").splitlines() for n in notifications}


kind_register(MESSAGE, lambda payload: payload.get("subject", ""), _message_details)
