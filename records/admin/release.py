"""The admin of releases, topics and publications; every save goes through release_write."""

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.urls import path
from django.utils.html import format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from config import languages

from .. import permissions
from ..extensions import registry
from ..models import Photo, Publication, Release, Segment, Topic
from ..services import (
    ActionNotAllowed,
    MergeConflict,
    ReleaseContentError,
    release_write,
    revision_snapshot,
)
from .base import ReadOnlyAdmin, locked_fields
from .forms import (
    KeyedInlineForm,
    KeyedInlineFormSet,
    PhotoInlineForm,
    ReleaseAdminForm,
    content_from_forms,
)
from .importing import ReleaseImportView
from .views import (
    CompareView,
    HistoryView,
    PublishView,
    ResolveView,
    RestoreView,
    conflict_response,
    publish,
    saved_message,
)

NEW_RELEASE = {"title": {}, "segments": [], "photos": []}


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


class PhotoInline(_StructureInline, TranslationTabularInline):
    model = Photo
    form = PhotoInlineForm
    fields = ("row_key", "position", "caption", "credit", "image")
    translated = ("caption", "credit")
    structure = ("position", "image")


class _WriteRefused(Exception):
    """Carries a refused write out of the admin's transaction, to show it on the form."""

    def __init__(self, error):
        self.error = error


class _PendingConflict(Exception):
    def __init__(self, release, conflict, pending):
        self.release, self.conflict, self.pending = release, conflict, pending


def _publish_action(code):
    def action(modeladmin, request, queryset):
        for release in queryset:
            publish(request, release, code)

    action.__name__ = f"publish_{code}"
    return action


class ReleaseChangeList(ChangeList):
    """The release list, with what other apps summarise of each release on the page."""

    def get_results(self, request):
        super().get_results(request)
        summaries = registry.summaries_for(self.result_list)
        for release in self.result_list:
            release.summaries = summaries.get(release.pk, [])


@admin.register(Release)
class ReleaseAdmin(TabbedTranslationAdmin):
    form = ReleaseAdminForm
    list_display = ("title", "date", "topic", "head_number", "published_in", "progress")
    list_filter = ("topic", "date")
    search_fields = ("slug", *(f"title_{code}" for code in languages.CODES))
    date_hierarchy = "date"
    inlines = [PhotoInline, SegmentInline]
    fields = ("slug", "topic", "date", "source_language", "title", "based_on", "revision_message")
    list_select_related = ("topic",)

    class Media:
        css = {"all": ("records/release_admin.css",)}

    def get_queryset(self, request):
        # The revision readers see, per language, in the list query: no query per row.
        published = {
            f"published_{code}": Subquery(
                Publication.objects.filter(release=OuterRef("pk"), language=code)
                .order_by("-id")
                .values("revision__number")[:1]
            )
            for code in languages.CODES
        }
        return super().get_queryset(request).select_related("topic").annotate(**published)

    @admin.display(description=gettext_lazy("Readers see"))
    def published_in(self, obj):
        shown = [
            (code, getattr(obj, f"published_{code}", None))
            for code in languages.CODES
            if getattr(obj, f"published_{code}", None)
        ]
        if not shown:
            return "—"
        return format_html_join(
            ", ", '<span lang="{}">{}</span> {}', ((code, code, number) for code, number in shown)
        )

    def get_changelist(self, request, **kwargs):
        return ReleaseChangeList

    @admin.display(description=gettext_lazy("Translation progress"))
    def progress(self, obj):
        entries = [entry for entry in getattr(obj, "summaries", []) if entry[2]]
        if not entries:
            return "—"
        return format_html_join(
            " ",
            '<span class="release-progress" title="{}" style="white-space:nowrap">'
            '<span lang="{}">{}</span> <progress max="{}" value="{}" style="width:4em">'
            "</progress> {}/{}</span>",
            (
                (
                    _("%(language)s: %(done)s of %(total)s units approved")
                    % {"language": languages.name(code), "done": done, "total": total},
                    code,
                    code,
                    total,
                    done,
                    done,
                    total,
                )
                for code, done, total in entries
            ),
        )

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

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        refused = getattr(request, "release_write_refused", None)
        if refused is None:
            return form

        def clean(self):
            form.clean(self)
            raise ValidationError(str(refused), code="refused")

        return type(form.__name__, (form,), {"clean": clean})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        if object_id:
            release = self.get_object(request, object_id)
            if release is not None:
                extra_context["release_links"] = registry.links_for(request, release)
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except _PendingConflict as pending:
            return conflict_response(
                request, self, pending.release, pending.conflict, pending.pending
            )
        except _WriteRefused as refused:
            # The same form again, with the user's text and the reason it was not saved.
            request.release_write_refused = refused.error
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Save nothing yet: ``save_related`` writes the release and its rows as one revision."""

    def save_related(self, request, form, formsets, change):
        release = form.instance
        based_on = form.cleaned_data.get("based_on") if change else None
        message = form.cleaned_data.get("revision_message") or (
            _("Edited in the admin") if change else _("Created in the admin")
        )
        try:
            base = revision_snapshot(release, based_on) if change else NEW_RELEASE
            content = content_from_forms(base, form, formsets)
            result = release_write(
                content,
                author=request.user,
                message=message,
                based_on=based_on,
                release_id=release.pk if change else None,
            )
        except MergeConflict as conflict:
            pending = {
                "kind": "edit",
                "release": release.pk,
                "content": content,
                "based_on": based_on,
                "message": message,
            }
            raise _PendingConflict(conflict.release, conflict, pending) from None
        except (ReleaseContentError, ActionNotAllowed) as error:
            raise _WriteRefused(error) from None
        form.instance = release = result.release
        request.release_write_result = result
        saved_message(request, result)

    def construct_change_message(self, request, form, formsets, add=False):
        result = getattr(request, "release_write_result", None)
        if result is None or result.revision is None:
            return []
        return _("Revision %(n)s") % {"n": result.revision.number}

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # The write already said what it did ("Saved as revision 8", "Nothing changed").
        if level == messages.SUCCESS and hasattr(request, "release_write_result"):
            return
        super().message_user(request, message, level, *args, **kwargs)

    def response_add(self, request, obj, post_url_continue=None):
        result = getattr(request, "release_write_result", None)
        return super().response_add(request, result.release if result else obj, post_url_continue)

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
    list_display = ("release", "language", "revision_number", "published_by", "published_at")
    list_filter = ("language",)
    list_select_related = ("release", "revision", "published_by")

    @admin.display(description=gettext_lazy("revision"))
    def revision_number(self, obj):
        return obj.revision.number
