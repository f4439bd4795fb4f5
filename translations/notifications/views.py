"""The notification pages in the admin's look: "My notifications" (the list, marking read,
opening one) and the settings of how often mail comes and in which language. Each shows the
user's own only."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_info, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views import View

from config import languages
from translations.notifications.models import Notification, NotificationProfile
from translations.notifications.selectors import (
    PAGE_SIZE,
    notification_rows,
    notifications_of,
)
from translations.notifications.services import (
    NotificationError,
    notifications_read,
    profile_digest,
    profile_update,
)


def _context(request, title, **extra):
    return {**admin.site.each_context(request), "title": title, "subtitle": None, **extra}


def _ids(values):
    try:
        return [int(value) for value in values]
    except ValueError:
        raise NotificationError(
            _("a notification is named by its number; nothing was changed")
        ) from None


class NotificationListView(View):
    def get(self, request):
        """List the user's notifications, newest first, unread ones marked."""
        paginator = Paginator(notifications_of(request.user), PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        context = _context(
            request,
            _("My notifications"),
            page=page,
            page_range=paginator.get_elided_page_range(page.number),
            rows=notification_rows(page.object_list),
        )
        return TemplateResponse(request, "translations/notifications/list.html", context)

    def post(self, request):
        """Mark the chosen notifications (or all of them) read."""
        try:
            ids = None if request.POST.get("all") == "1" else _ids(request.POST.getlist("id"))
            changed = notifications_read(request.user, ids)
        except NotificationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s notification marked read.",
                    "%(count)s notifications marked read.",
                    changed,
                )
                % {"count": changed},
            )
        return HttpResponseRedirect(reverse("translations:notifications"))


class NotificationOpenView(View):
    def get(self, request, notification_id):
        """Mark one of the user's notifications read and go where it points."""
        found = Notification.objects.filter(recipient=request.user, pk=notification_id).first()
        if found is None:
            messages.error(
                request, _("There is no notification %(id)s of yours.") % {"id": notification_id}
            )
            return HttpResponseRedirect(reverse("translations:notifications"))
        notifications_read(request.user, [found.pk])
        path = found.payload.get("path", "")
        local = path.startswith("/") and url_has_allowed_host_and_scheme(path, allowed_hosts=None)
        if not local:
            path = reverse("translations:notifications")
        return HttpResponseRedirect(path)


class DigestForm(forms.Form):
    digest = forms.ChoiceField(
        label=gettext_lazy("Send me notification mail"),
        choices=NotificationProfile.Digest.choices,
        widget=forms.RadioSelect(attrs={"class": "radiolist"}),
    )
    language = forms.ChoiceField(label=gettext_lazy("Write my mail in"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = languages.name(settings.LANGUAGE_CODE)
        # Each language in its own name, so that whoever reads it finds theirs.
        self.fields["language"].choices = [
            ("", _("the site’s language: %(language)s") % {"language": default}),
            *((code, get_language_info(code)["name_local"]) for code in languages.CODES),
        ]


class NotificationSettingsView(View):
    template = "translations/notifications/settings.html"

    def get(self, request):
        """Show how often the user gets notification mail."""
        chosen = NotificationProfile.objects.filter(user=request.user).first()
        initial = {
            "digest": profile_digest(request.user),
            "language": chosen.language if chosen else "",
        }
        return self.render(request, DigestForm(initial=initial))

    def post(self, request):
        """Change how often the user gets notification mail, and in which language (their own
        settings only)."""
        form = DigestForm(request.POST)
        if not form.is_valid():
            return self.render(request, form, status=400)
        profile_update(
            request.user,
            digest=form.cleaned_data["digest"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your notification settings are saved."))
        return HttpResponseRedirect(reverse("translations:notification_settings"))

    def render(self, request, form, status=200):
        context = _context(
            request,
            _("Notification settings"),
            form=form,
            email=request.user.email,
            digest_hour=f"{settings.CONCORD_DIGEST_HOUR:02d}:00",
            time_zone=settings.TIME_ZONE,
        )
        return TemplateResponse(request, self.template, context, status=status)
