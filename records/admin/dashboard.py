"""The editor's dashboard: every release's languages at a glance, published together or on a
schedule from one form (the release history's publish-together form posts here too)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from config import languages

from .. import permissions
from ..dashboard import SORTS, dashboard_releases, release_cells, schedules_pending
from ..models import Release
from ..scheduling import (
    ScheduleError,
    moment,
    publication_schedule,
    schedule_cancel,
    schedule_warnings,
)
from ..services import ActionNotAllowed, PublicationError, PublicationsRefused, releases_publish

PAGE_SIZE = 25

ERR_NOTHING_CHOSEN = gettext_lazy("Choose at least one language version; nothing was changed.")
ERR_BAD_CHOICE = gettext_lazy(
    "“%(value)s” names no language version of a release; nothing was changed."
)
ERR_NO_TIME = gettext_lazy(
    "Give the date and time to publish at (YYYY-MM-DD HH:MM, time zone %(zone)s); nothing was "
    "scheduled."
)


class DashboardRefusal(ValueError):
    """The form's request cannot be read; nothing was changed."""


def chosen_cells(values):
    """Return ``[(release, language, revision seen)]`` named by the form's ``cell`` values
    (``"<release id>:<language>:<revision>"``), in one query; refuse any it cannot read."""
    parsed = []
    for value in values:
        parts = value.split(":")
        if len(parts) != 3 or not parts[0].isdigit() or not parts[2].isdigit():
            raise DashboardRefusal(ERR_BAD_CHOICE % {"value": value[:60]})
        parsed.append((int(parts[0]), parts[1], int(parts[2])))
    if not parsed:
        raise DashboardRefusal(ERR_NOTHING_CHOSEN)
    releases = Release.objects.in_bulk({release_id for release_id, _code, _n in parsed})
    chosen = []
    for release_id, code, seen in parsed:
        if release_id not in releases or code not in languages.CODES:
            raise DashboardRefusal(ERR_BAD_CHOICE % {"value": f"{release_id}:{code}:{seen}"})
        chosen.append((releases[release_id], code, seen))
    return chosen


def publish_at_parse(value):
    """Return the aware datetime a ``datetime-local`` field gave (current time zone)."""
    try:
        when = datetime.datetime.fromisoformat((value or "").strip())
    except ValueError:
        raise DashboardRefusal(
            ERR_NO_TIME % {"zone": timezone.get_current_timezone_name()}
        ) from None
    return timezone.make_aware(when) if timezone.is_naive(when) else when


def _publish(request, chosen):
    done = releases_publish(chosen, author=request.user)
    for publication, created in done:
        values = {
            "n": publication.revision.number,
            "release": publication.release,
            "language": languages.name_in_sentence(publication.language),
        }
        if created:
            messages.success(
                request, _("Published revision %(n)s of “%(release)s” in %(language)s.") % values
            )
        else:
            messages.info(
                request,
                _("Revision %(n)s of “%(release)s” was already published in %(language)s.")
                % values,
            )


@transaction.atomic
def _schedule(request, chosen, when):
    by_release = {}
    for release, code, _seen in chosen:
        by_release.setdefault(release, []).append(code)
    # All releases' schedules or none: one refusal leaves nothing scheduled.
    schedules = [
        publication_schedule(release, codes, when, author=request.user)
        for release, codes in by_release.items()
    ]
    for schedule in schedules:
        messages.success(
            request,
            _("“%(release)s” in %(languages)s will be published at %(when)s.")
            % {
                "release": schedule.release,
                "languages": ", ".join(languages.name(code) for code in schedule.languages),
                "when": moment(schedule.publish_at),
            },
        )
        for warning in schedule_warnings(schedule):
            messages.warning(request, warning)


class DashboardView(View):
    """GET: the dashboard. POST: publish the chosen language versions together, schedule them,
    or cancel a schedule; then back to the page the form came from."""

    model_admin = None

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_view_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        sort = request.GET.get("o") if request.GET.get("o") in SORTS else "waiting"
        waiting_only = request.GET.get("waiting") == "1"
        paginator = self.model_admin.get_paginator(
            request, dashboard_releases(sort, waiting_only), PAGE_SIZE
        )
        page = paginator.get_page(request.GET.get("p", 1))
        query = {"o": sort, **({"waiting": "1"} if waiting_only else {})}
        context = {
            **self.model_admin.admin_site.each_context(request),
            "opts": self.model_admin.opts,
            "title": _("Editor’s dashboard"),
            "subtitle": None,
            "rows": release_cells(page.object_list),
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number),
            "sorts": SORTS,
            "sort": sort,
            "waiting_only": waiting_only,
            "query": urlencode(query),
            "languages": [(code, languages.name(code)) for code in languages.CODES],
            "pending": schedules_pending(),
            "can_publish": permissions.can_publish(request.user),
            "time_zone": timezone.get_current_timezone_name(),
            "now": timezone.localtime(),
        }
        return TemplateResponse(request, "admin/records/release/dashboard.html", context)

    def post(self, request):
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = ""
        back = back or reverse("admin:records_release_dashboard")
        try:
            if request.POST.get("cancel"):
                schedule = schedule_cancel(_number(request.POST["cancel"]), author=request.user)
                messages.success(
                    request,
                    _("The publication of “%(release)s” planned for %(when)s was cancelled.")
                    % {"release": schedule.release, "when": moment(schedule.publish_at)},
                )
            elif request.POST.get("action") == "schedule":
                chosen = chosen_cells(request.POST.getlist("cell"))
                _schedule(request, chosen, publish_at_parse(request.POST.get("publish_at")))
            elif request.POST.get("action") == "publish":
                _publish(request, chosen_cells(request.POST.getlist("cell")))
            else:
                raise DashboardRefusal(_("Choose what to do; nothing was changed."))
        except PublicationsRefused as refused:
            messages.error(request, _("Nothing was published:"))
            for release, code, reason in refused.refusals:
                messages.error(
                    request,
                    _("“%(release)s” in %(language)s: %(reason)s")
                    % {
                        "release": release,
                        "language": languages.name_in_sentence(code),
                        "reason": reason,
                    },
                )
        except (DashboardRefusal, ScheduleError, PublicationError, ActionNotAllowed) as error:
            messages.error(request, str(error))
        return HttpResponseRedirect(back)


def _number(value):
    """Return a schedule id from the form; an unreadable one names no schedule."""
    return int(value) if str(value).isdigit() else 0
