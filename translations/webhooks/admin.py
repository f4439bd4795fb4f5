"""The webhooks an admin keeps, and their deliveries (read-only, with "Send again").

No role has the webhooks' permissions: only superusers (or users given them one by one)
see these pages, since a webhook makes the server call an address of the admin's choice.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy, ngettext

from records.admin import ReadOnlyAdmin
from translations.webhooks.models import Event, Webhook, WebhookDelivery
from translations.webhooks.services import (
    deliveries_resend,
    webhook_save,
    webhook_secret_rotate,
)

SHORT_TEXT = 80


class WebhookForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=gettext_lazy("events"), choices=Event.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Webhook
        fields = ("url", "description", "events", "active")
        widgets = {"url": forms.URLInput(attrs={"size": 80})}


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    form = WebhookForm
    list_display = ("__str__", "url", "event_list", "active", "created")
    list_filter = ("active",)
    search_fields = ("url", "description")
    actions = ["rotate_secret"]

    def get_fields(self, request, obj=None):
        fields = ["url", "description", "events", "active"]
        return fields if obj is None else [*fields, "secret", "created"]

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else ("secret", "created")

    @admin.display(description=gettext_lazy("events"))
    def event_list(self, obj):
        labels = dict(Event.choices)
        return ", ".join(str(labels.get(event, event)) for event in obj.events)

    def save_model(self, request, obj, form, change):
        webhook_save(obj)

    @admin.action(description=gettext_lazy("Generate a new secret"), permissions=["change"])
    def rotate_secret(self, request, queryset):
        for webhook in queryset:
            webhook_secret_rotate(webhook)
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)s webhook has a new secret: update its receiver.",
                "%(count)s webhooks have a new secret: update their receivers.",
                count,
            )
            % {"count": count},
        )


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdmin):
    list_display = (
        "created",
        "webhook",
        "event",
        "release_slug",
        "language",
        "status",
        "attempts",
        "response_status",
        "short_error",
        "next_attempt_at",
        "delivered_at",
    )
    list_filter = ("status", "event", "webhook")
    list_select_related = ("webhook",)
    search_fields = ("key",)
    list_per_page = 100
    show_full_result_count = False
    actions = ["send_again"]
    fields = (
        "webhook",
        "event",
        "key",
        "status",
        "attempts",
        "created",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
        "response_status",
        "response_excerpt",
        "error",
        "attempts_log",
        "payload_json",
        "resent_from",
    )
    readonly_fields = fields

    @admin.display(description=gettext_lazy("release"))
    def release_slug(self, obj):
        return (obj.payload.get("release") or {}).get("slug", "")

    @admin.display(description=gettext_lazy("language"))
    def language(self, obj):
        return obj.payload.get("language", "")

    @admin.display(description=gettext_lazy("last error"))
    def short_error(self, obj):
        return Truncator(obj.error).chars(SHORT_TEXT)

    @admin.display(description=gettext_lazy("payload"))
    def payload_json(self, obj):
        return format_html("<pre>{}</pre>", json.dumps(obj.payload, ensure_ascii=False, indent=2))

    @admin.display(description=gettext_lazy("attempts log"))
    def attempts_log(self, obj):
        return format_html("<pre>{}</pre>", json.dumps(obj.log, ensure_ascii=False, indent=2))

    def has_resend_permission(self, request):
        return request.user.has_perm("translations.change_webhook")

    @admin.action(description=gettext_lazy("Send again"), permissions=["resend"])
    def send_again(self, request, queryset):
        try:
            created = deliveries_resend(queryset)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(
            request,
            ngettext(
                "%(count)s delivery is sent again.",
                "%(count)s deliveries are sent again.",
                len(created),
            )
            % {"count": len(created)},
        )


__all__ = ["WebhookAdmin", "WebhookDeliveryAdmin"]
