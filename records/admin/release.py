"""The admin of releases, topics and publications; every save goes through release_write."""

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db import router, transaction
from django.template.loader import render_to_string
from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from config import languages

from .. import permissions
from ..dashboard import release_cells, with_publication_state
from ..extensions import registry
from ..models import Photo, Publication, Release, ScheduledPublication, Segment, Topic
from .base import ReadOnlyAdmin, locked_fields, release_cell
from .dashboard import DashboardView
from .editing import ReleaseSaveView
from .forms import KeyedInlineForm, KeyedInlineFormSet, PhotoInlineForm, ReleaseAdminForm
from .importing import ReleaseImportView
from .paging import requested_page
from .views import CompareView, HistoryView, PublishView, ResolveView, RestoreView, publish


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("slug", *(f"name_{code}" for code in languages.CODES))
    prepopulated_fields = {"slug": (f"name_{languages.DEFAULT_SOURCE}",)}


class _StructureInline:
    """Rows only editors add, delete or move; everyone edits their own languages' text."""

    form = KeyedInlineForm
    formset = KeyedInlineFormSet
    extra = 0
    ordering = ("position", "id")
    translated = ()
    structure = ()

    def get_readonly_fields(self, request, obj=None):
        locked = locked_fields(request.user, self.translated)
        if not permissions.can_edit_structure(request.user):
            locked += list(self.structure)
        return locked

    def has_add_permission(self, request, obj=None):
        return permissions.can_edit_structure(request.user)

    def has_delete_permission(self, request, obj=None):
        return permissions.can_edit_structure(request.user)


class SegmentInline(_StructureInline, TranslationStackedInline):
    model = Segment
    fields = ("row_key", "position", "kind", "level", "style", "text")
    translated = ("text",)
    structure = ("position", "kind", "level", "style")
    # The inline as Django draws it, with the pager of a large release above and below.
    template = "admin/records/release/segments_inline.html"

    def get_formset(self, request, obj=None, **kwargs):
        """The segment rows of one page (``?segments=N``) of a release too long for one."""
        formset = super().get_formset(request, obj, **kwargs)
        formset.page_number = requested_page(request)
        formset.page_query = request.GET
        return formset


class PhotoInline(_StructureInline, TranslationTabularInline):
    model = Photo
    form = PhotoInlineForm
    fields = ("row_key", "position", "caption", "credit", "image")
    translated = ("caption", "credit")
    structure = ("position", "image")
    # Input widths (characters) that keep the photo table, its Delete column included,
    # inside a 1,366 px window beside the admin's navigation.
    widths = {"position": 4, "caption": 24, "credit": 18}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        name = getattr(getattr(db_field, "translated_field", None), "name", db_field.name)
        if field is not None and name in self.widths:
            field.widget.attrs["size"] = self.widths[name]
            field.widget.attrs["style"] = f"width: {self.widths[name] + 2}ch"
        return field


def _publish_action(code):
    def action(modeladmin, request, queryset):
        for release in queryset:
            publish(request, release, code)

    action.__name__ = f"publish_{code}"
    return action


class ReleaseChangeList(ChangeList):
    """The release list, with each language's state (as the editor's dashboard shows it) for
    the releases on the page, in a constant number of queries."""

    def get_results(self, request):
        super().get_results(request)
        rows = release_cells(self.result_list, schedules=False)
        for release, row in zip(self.result_list, rows, strict=True):
            release.language_cells = row.cells


@admin.register(Release)
class ReleaseAdmin(TabbedTranslationAdmin):
    form = ReleaseAdminForm
    list_display = ("title_slug", "date", "topic", "head_number", "language_states")
    list_filter = ("topic", "date")
    search_fields = ("slug", *(f"title_{code}" for code in languages.CODES))
    date_hierarchy = "date"
    inlines = [PhotoInline, SegmentInline]
    fields = ("slug", "topic", "date", "source_language", "title", "based_on", "revision_message")
    list_select_related = ("topic",)

    class Media:
        css = {"all": ("records/release_admin.css", "records/dashboard.css")}

    def get_queryset(self, request):
        # What readers of each language see, in the list query: no query per row.
        return with_publication_state(super().get_queryset(request).select_related("topic"))

    @admin.display(description=gettext_lazy("title"), ordering=f"title_{languages.DEFAULT_SOURCE}")
    def title_slug(self, obj):
        return release_cell(obj)

    def get_changelist(self, request, **kwargs):
        return ReleaseChangeList

    @admin.display(description=gettext_lazy("Languages"))
    def language_states(self, obj):
        cells = getattr(obj, "language_cells", None)
        if cells is None:
            return "—"
        return render_to_string("admin/records/release/_language_states.html", {"cells": cells})

    def get_actions(self, request):
        actions = super().get_actions(request)
        if permissions.can_publish(request.user):
            for code in languages.CODES:
                description = format_lazy(
                    gettext_lazy("Publish newest revision in {}"), languages.get(code).name
                )
                actions[f"publish_{code}"] = (_publish_action(code), f"publish_{code}", description)
        return actions

    def get_readonly_fields(self, request, obj=None):
        locked = locked_fields(request.user, ["title"])
        if obj is not None and not permissions.can_edit_structure(request.user):
            locked += ["slug", "topic", "date", "source_language"]
        return locked

    def has_delete_permission(self, request, obj=None):
        # Revisions are kept forever, so their release is too.
        return False

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """Show the form as Django does; save it through :class:`.editing.ReleaseSaveView`."""
        if request.method == "POST":
            save = ReleaseSaveView.as_view(model_admin=self)
            with transaction.atomic(using=router.db_for_write(self.model)):
                return save(request, object_id, form_url, extra_context)
        extra_context = dict(extra_context or {})
        extra_context["may_import"] = bool(permissions.editable_languages(request.user))
        if object_id:
            release = self.get_object(request, object_id)
            if release is not None:
                extra_context["release_links"] = registry.links_for(request, release)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        # The import page refuses users who edit no language: they are not offered it.
        extra_context = dict(extra_context or {})
        extra_context["may_import"] = bool(permissions.editable_languages(request.user))
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        pages = [
            ("history", HistoryView),
            ("compare", CompareView),
            ("restore", RestoreView),
            ("publish", PublishView),
            ("resolve", ResolveView),
        ]
        return [
            path(
                "dashboard/",
                view(DashboardView.as_view(model_admin=self)),
                name=f"{info}_dashboard",
            ),
            path(
                "import/",
                view(ReleaseImportView.as_view(model_admin=self)),
                name=f"{info}_import",
            ),
            *(
                path(
                    f"<path:object_id>/{name}/",
                    view(page.as_view(model_admin=self)),
                    name=f"{info}_{name}",
                )
                for name, page in pages
            ),
        ] + super().get_urls()


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ("release_label", "language", "revision_number", "published_by", "published_at")
    list_filter = ("language",)
    list_select_related = ("release", "revision", "published_by")

    @admin.display(description=gettext_lazy("release"), ordering="release")
    def release_label(self, obj):
        return release_cell(obj.release, date=True)

    @admin.display(description=gettext_lazy("revision"))
    def revision_number(self, obj):
        return obj.revision.number


@admin.register(ScheduledPublication)
class ScheduledPublicationAdmin(ReadOnlyAdmin):
    list_display = (
        "release",
        "language_codes",
        "publish_at",
        "state",
        "created_by",
        "published_at",
        "late",
        "last_error",
    )
    list_filter = ("state", "late")
    list_select_related = ("release", "created_by")

    @admin.display(description=gettext_lazy("languages"))
    def language_codes(self, obj):
        return ", ".join(obj.languages)
