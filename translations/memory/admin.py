"""The translation memory's read-only admin list (written by approvals and TMX imports only)."""

from django.contrib import admin
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy

from translations.memory.models import MemoryEntry
from translations.review.admin import SHORT_TEXT, ReviewRecordAdmin


@admin.register(MemoryEntry)
class MemoryEntryAdmin(ReviewRecordAdmin):
    """The translation memory: written by approvals and TMX imports only."""

    list_display = (
        "changed_at",
        "source_language",
        "target_language",
        "short_source",
        "short_target",
        "release_slug",
        "revision_number",
        "approver",
    )
    list_filter = ("source_language", "target_language")
    search_fields = ("source_text", "target_text", "release_slug")
    ordering = ("-changed_at", "-pk")
    exclude = ("source_hash", "pair_hash", "length")

    def get_readonly_fields(self, request, obj=None):
        return [
            name for name in super().get_readonly_fields(request, obj) if name not in self.exclude
        ]

    @admin.display(description=gettext_lazy("source text"))
    def short_source(self, obj):
        return Truncator(obj.source_text).chars(SHORT_TEXT)

    @admin.display(description=gettext_lazy("target text"))
    def short_target(self, obj):
        return Truncator(obj.target_text).chars(SHORT_TEXT)
