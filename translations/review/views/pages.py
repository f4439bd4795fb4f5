"""The history pages (a release's language, one unit) and "My work"."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from config import languages
from translations.review import permissions
from translations.review.actions import unit_label
from translations.review.history import PAGE_SIZE, event_rows, head_units, release_events
from translations.review.models import UnitStatus
from translations.review.queue import PAGE_SIZE as QUEUE_PAGE_SIZE
from translations.review.queue import all_releases, my_work, queue_releases
from translations.review.views.base import ReleaseLanguageView, admin_context, refused
from translations.review.vocabulary import UnitState
from translations.review.workbench import comments_of, threads_of


def _page(request, items, size):
    paginator = Paginator(items, size)
    page = paginator.get_page(request.GET.get("page"))
    return page, paginator.get_elided_page_range(page.number)


class HistoryView(ReleaseLanguageView):
    def get(self, request):
        """List the review events of the release in the language, newest first."""
        batch = request.GET.get("batch") or None
        if batch is not None:
            try:
                batch = uuid.UUID(batch)
            except ValueError:
                messages.warning(
                    request, _("“%(batch)s” is not a batch id.") % {"batch": batch[:40]}
                )
                batch = None
        events = release_events(self.release, self.language, batch=batch)
        page, page_range = _page(request, events, PAGE_SIZE)
        units = head_units(self.release)
        context = self.context(
            _("Review history: %(release)s (%(language)s)")
            % {"release": self.release, "language": languages.name_in_sentence(self.language)},
            page=page,
            page_range=page_range,
            rows=event_rows(page.object_list, units),
            batch=batch,
            unit_history=True,
        )
        return TemplateResponse(request, "translations/review/history.html", context)


class UnitHistoryView(ReleaseLanguageView):
    def get(self, request, key):
        """List one unit's events and comment threads in the language (and its source)."""
        units = head_units(self.release)
        events = release_events(self.release, self.language, key=key)
        page, page_range = _page(request, events, PAGE_SIZE)
        rows = event_rows(page.object_list, units)
        unit = units.get(key)
        if unit is None and not rows:
            return refused(
                request,
                _("“%(release)s” has no unit %(key)s.") % {"release": self.release, "key": key},
                404,
            )
        comments = comments_of(self.release, [self.language, self.source_language], keys=[key])
        label = unit_label(key, units)
        status = (
            UnitStatus.objects.filter(release=self.release, language=self.language, key=key)
            .select_related("translated_by", "approved_by", "revised_by")
            .first()
        )
        context = self.context(
            _("History of %(unit)s: %(release)s (%(language)s)")
            % {
                "unit": label,
                "release": self.release,
                "language": languages.name_in_sentence(self.language),
            },
            page=page,
            page_range=page_range,
            rows=rows,
            unit=unit,
            key=key,
            label=label,
            source_text=unit.text(self.source_language) if unit else "",
            target_text=unit.text(self.language) if unit else "",
            status=status,
            state_name=UnitState(status.state).name.lower().replace("_", "-") if status else "",
            threads=threads_of(comments).get(key, []),
            unit_history=False,
        )
        return TemplateResponse(request, "translations/review/unit_history.html", context)


class MyWorkView(View):
    def get(self, request):
        """List, per release and language the user works in, what waits and the progress."""
        user = request.user
        if not permissions.can_view(user):
            raise PermissionDenied
        work_languages = permissions.work_languages(user)
        everything = request.GET.get("all") == "1"
        if not work_languages:
            return self.readers_list(request)
        page, page_range = _page(
            request, queue_releases(user, everything=everything), QUEUE_PAGE_SIZE
        )
        rows = my_work(user, page.object_list)
        for row in rows:
            row.url = reverse("translations:workbench", args=[row.release.pk, row.language])
        context = admin_context(
            request,
            _("My work"),
            page=page,
            page_range=page_range,
            rows=rows,
            everything=everything,
            work_languages=work_languages,
        )
        return TemplateResponse(request, "translations/review/my_work.html", context)

    def readers_list(self, request):
        """For a user who neither translates nor reviews: every release's workbenches."""
        page, page_range = _page(request, all_releases(), QUEUE_PAGE_SIZE)
        releases = [
            {
                "release": release,
                "workbenches": [
                    (code, reverse("translations:workbench", args=[release.pk, code]))
                    for code in release.target_languages
                ],
                "terms": reverse(
                    "admin:translations_releasetermfindings_change", args=[release.pk]
                ),
            }
            for release in page.object_list
        ]
        context = admin_context(
            request,
            _("My work"),
            page=page,
            page_range=page_range,
            releases=releases,
            work_languages=[],
        )
        return TemplateResponse(request, "translations/review/my_work.html", context)
