"""Read-only admin lists of review records: the audit log, comments and unit states; and the
release page's links to its workbenches.

Only the review services write these rows, so nobody adds, changes or deletes them here,
superusers included; each list reads its related rows in the page's one query."""

from django.contrib import admin
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from records.admin import ReadOnlyAdmin
from translations.review.models import Comment, Event, UnitStatus

SHORT_TEXT = 80


class ReviewRecordAdmin(ReadOnlyAdmin):
    list_per_page = 100
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


@admin.register(Event)
class EventAdmin(ReviewRecordAdmin):
    list_display = (
        "created_at",
        "release",
        "language",
        "key",
        "action",
        "from_state",
        "to_state",
        "revision_number",
        "actor",
        "short_reason",
    )
    list_filter = ("action", "language")
    search_fields = ("key",)
    list_select_related = ("release", "actor")

    @admin.display(description=gettext_lazy("reason or comment"))
    def short_reason(self, obj):
        return Truncator(obj.reason).chars(SHORT_TEXT)


class OpenFilter(admin.SimpleListFilter):
    title = gettext_lazy("status")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("1", gettext_lazy("open")), ("0", gettext_lazy("resolved"))]

    def queryset(self, request, queryset):
        if self.value() in ("0", "1"):
            return queryset.filter(resolved_at__isnull=self.value() == "1")
        return queryset


@admin.register(Comment)
class CommentAdmin(ReviewRecordAdmin):
    list_display = (
        "created_at",
        "release",
        "language",
        "key",
        "author",
        "short_text",
        "is_reply",
        "resolved_at",
        "resolved_by",
    )
    list_filter = ("language", OpenFilter)
    search_fields = ("key", "text")
    list_select_related = ("release", "author", "resolved_by")

    @admin.display(description=gettext_lazy("comment"))
    def short_text(self, obj):
        return Truncator(obj.text).chars(SHORT_TEXT)

    @admin.display(description=gettext_lazy("reply"), boolean=True)
    def is_reply(self, obj):
        return obj.parent_id is not None


@admin.register(UnitStatus)
class UnitStatusAdmin(ReviewRecordAdmin):
    list_display = (
        "release",
        "key",
        "language",
        "state",
        "translated_by",
        "revised_by",
        "approved_by",
        "revision_number",
        "changed_at",
    )
    list_filter = (("release", admin.RelatedOnlyFieldListFilter), "language", "state")
    search_fields = ("key",)
    list_select_related = ("release", "translated_by", "revised_by", "approved_by")


def release_workbench_links(request, release):
    """Return links to the release's workbench, one per target language."""
    return [
        (
            reverse("translations:workbench", args=[release.pk, code]),
            _("Workbench (%(code)s)") % {"code": code},
            code,
        )
        for code in release.target_languages
    ]
