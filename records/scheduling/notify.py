"""The mail that tells an editor their scheduled publication was refused when it was due.

Sent after the refusal commits, once per schedule (not at every retry), to the editor who
scheduled it, when they have an email address. Kept apart so that a notification service
can take over how it is delivered.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from config import languages

from .models import ScheduledPublication


def schedule_refusal_message(schedule):
    """Return ``(subject, body)`` telling why ``schedule`` published nothing."""
    names = ", ".join(languages.name_in_sentence(code) for code in schedule.languages)
    base = settings.CONCORD_BASE_URL.rstrip("/")
    values = {"release": schedule.release.title, "languages": names}
    if schedule.state == ScheduledPublication.State.FAILED:
        subject = _("[Concord] Scheduled publication failed — %(release)s (%(languages)s)")
        lines = [
            _(
                "The scheduled publication of “%(release)s” in %(languages)s failed and will "
                "not be tried again; nothing was published:"
            )
            % values
        ]
    else:
        subject = _("[Concord] Scheduled publication waiting — %(release)s (%(languages)s)")
        lines = [
            _(
                "The scheduled publication of “%(release)s” in %(languages)s was due, but "
                "nothing was published:"
            )
            % values
        ]
    lines += ["", schedule.last_error, ""]
    if schedule.state == ScheduledPublication.State.PENDING:
        lines += [
            _("It is tried again every half minute until it can be published or is cancelled.")
        ]
    dashboard = reverse("admin:records_release_dashboard")
    lines += [_("The editor's dashboard: %(url)s") % {"url": f"{base}{dashboard}"}]
    return subject % values, "\n".join(lines)


def schedule_refusal_mail(schedule_id):
    """Mail the editor who scheduled ``schedule_id`` why it published nothing; return how
    many mails went out (0 or 1)."""
    schedule = (
        ScheduledPublication.objects.select_related("release", "created_by")
        .filter(pk=schedule_id)
        .first()
    )
    if schedule is None or not schedule.last_error:
        return 0
    user = schedule.created_by
    if not user.email or not user.is_active:
        return 0
    with override(settings.LANGUAGE_CODE):
        subject, body = schedule_refusal_message(schedule)
    send_mail(subject, body, None, [user.email], fail_silently=False)
    return 1
