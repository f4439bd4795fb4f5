"""Admin for editors and translators; every save goes through the revision services."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Q, Subquery
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from . import permissions
from .diff import UNCHANGED, diff_revisions_all
from .models import REVISION_NUMBER_MAX, Photo, Publication, Release, Revision, Segment, Topic
from .selectors import release_history
from .services import (
    PublicationError,
    ReleaseContentError,
    RevisionConflict,
    language_name,
    release_edit_commit,
    release_lock,
    release_publish,
    revision_restore,
)
from .snapshots import LANGUAGE_CODES

HISTORY_PAGE_SIZE = 50


def object_pk_or_404(model, object_id):
    """Return the primary key in an admin URL's ``object_id``, or raise Http404 if it is none."""
    try:
        return model._meta.pk.to_python(unquote(object_id))
    except ValidationError:
        raise Http404 from None


def revision_number(value):
    """Return ``value`` as a revision number (1 to REVISION_NUMBER_MAX), or None."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= REVISION_NUMBER_MAX else None


def _locked_fields(user, fields):
    """Return the translated ``fields`` of languages ``user`` may not edit."""
    allowed = set(permissions.editable_languages(user))
    return [f"{field}_{code}" for field in fields for code in LANGUAGE_CODES if code not in allowed]


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_ja", "name_ru", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


class AppendingInlineFormSet(BaseInlineFormSet):
    """Offer new rows a position after the existing ones, so they are added at the end."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if form.instance.pk is None and "position" in form.fields:
            # Every new row (the "Add another" template included) gets the same value, so a
            # row left untouched still counts as unchanged; release_edit_commit renumbers
            # 1..n. The initial rows are the formset's cached queryset: no extra query.
            positions = [obj.position for obj in self.get_queryset()]
            form.fields["position"].initial = max(positions, default=0) + 1


class SegmentInline(TranslationStackedInline):
    model = Segment
    formset = AppendingInlineFormSet
    fields = ("position", "kind", "level", "text")
    extra = 0
    ordering = ("position", "id")

    def get_readonly_fields(self, request, obj=None):
        locked = _locked_fields(request.user, ["text"])
        if not permissions.can_edit_structure(request.user):
            locked += ["position", "kind", "level"]
        return locked

    def has_add_permission(self, request, obj=None):
        return permissions.can_edit_structure(request.user)

    def has_delete_permission(self, request, obj=None):
        return permissions.can_edit_structure(request.user)


class PhotoInline(TranslationTabularInline):
    model = Photo
    formset = AppendingInlineFormSet
    fields = ("position", "caption", "credit")
    extra = 0
    ordering = ("position", "id")

    def get_readonly_fields(self, request, obj=None):
        locked = _locked_fields(request.user, ["caption", "credit"])
        if not permissions.can_edit_structure(request.user):
            locked.append("position")
        return locked

    def has_add_permission(self, request, obj=None):
        return permissions.can_edit_structure(request.user)

    def has_delete_permission(self, request, obj=None):
        return permissions.can_edit_structure(request.user)


class ReleaseAdminForm(forms.ModelForm):
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    revision_message = forms.CharField(
        label=gettext_lazy("Revision message"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("What changed and why; shown in the release's history."),
    )

    class Meta:
        model = Release
        fields = ["slug", "topic", "date", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Without it the stale-write check below could not run: a change must name the
            # revision it was based on.
            self.fields["based_on"].required = True
            if not self.is_bound:
                self.fields["based_on"].initial = self.instance.head_number

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.has_error("based_on"):
            # based_on is a hidden field, whose own error the admin does not show.
            raise ValidationError(
                _(
                    "This form does not say which revision it started from, so someone else's "
                    "change could be lost. Nothing was saved: reload the page and apply your "
                    "change again."
                ),
                code="based_on",
            )
        if self.instance.pk:
            # The admin view runs in one transaction, so this row lock holds until the save
            # (and its revision) commit: nobody can slip a revision in between.
            try:
                locked = release_lock(self.instance.pk, cleaned.get("based_on"))
            except RevisionConflict as conflict:
                url = reverse("admin:records_release_compare", args=[self.instance.pk])
                # The form comes back with the user's text, now based on the newest revision:
                # saving again after reading the difference is a deliberate choice.
                self.data = self.data.copy()
                self.data[self.add_prefix("based_on")] = str(conflict.head)
                raise ValidationError(
                    format_html(
                        '{} <a href="{}?a={}&amp;b={}">{}</a> {}',
                        str(conflict),
                        url,
                        conflict.based_on,
                        conflict.head,
                        _("See what changed in revision %(n)s.") % {"n": conflict.head},
                        _(
                            "Your text is kept below; saving it again replaces revision %(n)s "
                            "with this page as it stands."
                        )
                        % {"n": conflict.head},
                    ),
                    code="conflict",
                ) from None
            self.instance.head_number = locked.head_number
        return cleaned


@admin.register(Release)
class ReleaseAdmin(TabbedTranslationAdmin):
    form = ReleaseAdminForm
    list_display = ("title", "date", "topic", "head_number", "published_in")
    list_filter = ("topic", "date")
    search_fields = ("slug", "title_en", "title_ja", "title_ru")
    date_hierarchy = "date"
    inlines = [PhotoInline, SegmentInline]
    fields = ("slug", "topic", "date", "title", "based_on", "revision_message")
    actions = ["publish_en", "publish_ja", "publish_ru"]
    list_select_related = ("topic",)

    def get_queryset(self, request):
        # One EXISTS per language in the list query: no query per row.
        # The revision readers see, per language, in the list query: no query per row.
        published = {
            f"published_{code}": Subquery(
                Publication.objects.filter(release=OuterRef("pk"), language=code)
                .order_by("-id")
                .values("revision__number")[:1]
            )
            for code in LANGUAGE_CODES
        }
        return super().get_queryset(request).select_related("topic").annotate(**published)

    @admin.display(description=gettext_lazy("Readers see"))
    def published_in(self, obj):
        shown = [
            (code, getattr(obj, f"published_{code}", None))
            for code in LANGUAGE_CODES
            if getattr(obj, f"published_{code}", None)
        ]
        if not shown:
            return "—"
        return format_html_join(
            ", ", '<span lang="{}">{}</span> {}', ((code, code, number) for code, number in shown)
        )

    def get_readonly_fields(self, request, obj=None):
        locked = _locked_fields(request.user, ["title"])
        if obj is not None and not permissions.can_edit_structure(request.user):
            locked += ["slug", "topic", "date"]
        return locked

    def has_delete_permission(self, request, obj=None):
        # Revisions are kept forever, so their release is too.
        return False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        release = form.instance
        # Rows the editor placed (new ones, or a changed position) win ties at their place.
        moved = [
            row.instance.pk
            for formset in formsets
            for row in formset.forms
            if row.instance.pk and "position" in row.changed_data
        ]
        revision = release_edit_commit(
            release,
            moved=moved,
            author=request.user,
            message=form.cleaned_data.get("revision_message")
            or (_("Edited in the admin") if change else _("Created in the admin")),
        )
        if revision is None:
            request._concord_unchanged = True
            messages.info(request, _("Nothing changed: no new revision."))
        else:
            messages.success(request, _("Saved as revision %(n)s.") % {"n": revision.number})

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # "changed successfully" would contradict "Nothing changed" for an unchanged save.
        if level == messages.SUCCESS and getattr(request, "_concord_unchanged", False):
            return
        super().message_user(request, message, level, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "term_languages": LANGUAGE_CODES[1:]}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/compare/", view(self.compare_view), name=f"{info}_compare"),
            path("<path:object_id>/restore/", view(self.restore_view), name=f"{info}_restore"),
            path("<path:object_id>/publish/", view(self.publish_view), name=f"{info}_publish"),
        ] + super().get_urls()

    def _release_or_404(self, request, object_id):
        release = get_object_or_404(
            Release.objects.select_related("topic"), pk=object_pk_or_404(Release, object_id)
        )
        if not self.has_view_or_change_permission(request, release):
            raise PermissionDenied
        return release

    def _context(self, request, release, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": release,
            "title": title,
            "subtitle": None,
            "languages": LANGUAGE_CODES,
            "can_publish": permissions.can_publish(request.user),
            "can_restore": permissions.can_restore(request.user),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        """List the release's revisions, paginated, in a constant number of queries."""
        release = self._release_or_404(request, object_id)
        revisions = release_history(release).defer("snapshot")
        paginator = self.get_paginator(request, revisions, HISTORY_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("p", 1))
        published = {
            (publication.language, publication.revision_id): publication
            for publication in Publication.objects.filter(
                release=release, revision_id__in=[revision.pk for revision in page]
            )
        }
        current = {}
        for publication in Publication.objects.filter(release=release).order_by("id"):
            current[publication.language] = publication.revision_id
        rows = [
            {
                "revision": revision,
                "published": [code for code in LANGUAGE_CODES if (code, revision.pk) in published],
                "current": [code for code in LANGUAGE_CODES if current.get(code) == revision.pk],
            }
            for revision in page
        ]
        context = self._context(
            request,
            release,
            _("History of %(release)s") % {"release": release},
            page=page,
            rows=rows,
            page_range=paginator.get_elided_page_range(page.number),
            # The code, marked up with its language and its name in that language.
            language_labels=[
                {
                    "code": code,
                    "label": format_html(
                        '<abbr lang="{0}" title="{1}">{0}</abbr>',
                        code,
                        get_language_info(code)["name_local"],
                    ),
                }
                for code in LANGUAGE_CODES
            ],
        )
        return TemplateResponse(request, "admin/records/release/history.html", context)

    def compare_view(self, request, object_id):
        """Compare two revisions of a release, one language at a time."""
        release = self._release_or_404(request, object_id)
        history = reverse("admin:records_release_history", args=[release.pk])
        head = release.head_number
        numbers = {"a": max(head - 1, 1), "b": head}
        for name in numbers:
            if name not in request.GET:
                continue
            value = request.GET[name]
            numbers[name] = revision_number(value)
            if numbers[name] is None:
                messages.error(
                    request,
                    _(
                        "“%(value)s” is not a revision number: revision numbers are whole "
                        "numbers from 1 to %(max)s."
                    )
                    % {"value": Truncator(value).chars(40), "max": REVISION_NUMBER_MAX},
                )
                return HttpResponseRedirect(history)
        a, b = numbers["a"], numbers["b"]
        # Exact lookups: Django turns an out-of-range one into "no rows" on every database.
        found = {
            revision.number: revision
            for revision in Revision.objects.filter(release=release)
            .filter(Q(number=a) | Q(number=b))
            .select_related("author")
        }
        if a not in found or b not in found:
            messages.error(
                request,
                _("Release “%(slug)s” has no revision %(n)s.")
                % {"slug": release.slug, "n": a if a not in found else b},
            )
            return HttpResponseRedirect(history)
        diffs = diff_revisions_all(found[a].snapshot, found[b].snapshot, LANGUAGE_CODES)
        language = request.GET.get("lang")
        if language not in diffs:
            # Open on the first language that changed, not on an English page saying "no
            # changes" when a translator's edit is what the editor came to see.
            changed = [code for code, diff in diffs.items() if diff.changed]
            language = (changed or list(LANGUAGE_CODES))[0]
        diff = diffs[language]
        kinds = dict(Segment.Kind.choices)
        context = self._context(
            request,
            release,
            _("Revision %(a)s → %(b)s of %(release)s") % {"a": a, "b": b, "release": release},
            old=found[a],
            new=found[b],
            diff=diff,
            language=language,
            language_tabs=[
                {"code": code, "changed": diffs[code].changed} for code in LANGUAGE_CODES
            ],
            metadata=[
                {"label": Release._meta.get_field(change.field).verbose_name, "change": change}
                for change in diff.metadata
            ],
            segments=[
                {
                    "change": change,
                    "kind": kinds.get(change.kind, change.kind),
                    "old_kind": kinds.get(change.old_kind, change.old_kind),
                }
                for change in diff.segments
                if change.status != UNCHANGED or change.moved
            ],
            photos=[change for change in diff.photos if change.status != UNCHANGED or change.moved],
        )
        return TemplateResponse(request, "admin/records/release/compare.html", context)

    def restore_view(self, request, object_id):
        """Restore an old revision as a new one (POST only)."""
        release = self._release_or_404(request, object_id)
        history = reverse("admin:records_release_history", args=[release.pk])
        if request.method != "POST":
            return HttpResponseRedirect(history)
        if not permissions.can_restore(request.user):
            raise PermissionDenied
        try:
            number = int(request.POST["number"])
            based_on = int(request.POST["based_on"])
        except (KeyError, ValueError):
            messages.error(request, _("Choose a revision to restore."))
            return HttpResponseRedirect(history)
        try:
            result = revision_restore(release, number, author=request.user, based_on=based_on)
        except (RevisionConflict, ReleaseContentError) as error:
            messages.error(request, str(error))
        else:
            if result.revision is None:
                messages.info(
                    request, _("Revision %(n)s is already the current content.") % {"n": number}
                )
            else:
                messages.success(
                    request,
                    _("Restored revision %(old)s as revision %(new)s.")
                    % {"old": number, "new": result.revision.number},
                )
        return HttpResponseRedirect(history)

    def publish_view(self, request, object_id):
        """Publish a revision in one language (POST only)."""
        release = self._release_or_404(request, object_id)
        history = reverse("admin:records_release_history", args=[release.pk])
        if request.method != "POST":
            return HttpResponseRedirect(history)
        if not permissions.can_publish(request.user):
            raise PermissionDenied
        try:
            number = int(request.POST["number"])
        except (KeyError, ValueError):
            messages.error(request, _("Choose a revision to publish."))
            return HttpResponseRedirect(history)
        self._publish(request, release, request.POST.get("language", ""), number)
        return HttpResponseRedirect(history)

    def _publish(self, request, release, language, number=None):
        try:
            publication, created = release_publish(
                release, language, revision_number=number, author=request.user
            )
        except PublicationError as error:
            messages.error(request, f"“{release}”: {error}")
            return
        if created:
            messages.success(
                request,
                _("Published revision %(n)s of “%(slug)s” in %(language)s.")
                % {
                    "n": publication.revision.number,
                    "slug": release,
                    "language": language_name(language),
                },
            )
        else:
            messages.info(
                request,
                _("Revision %(n)s of “%(slug)s” was already published in %(language)s.")
                % {
                    "n": publication.revision.number,
                    "slug": release,
                    "language": language_name(language),
                },
            )

    def _publish_action(self, request, queryset, language):
        if not permissions.can_publish(request.user):
            raise PermissionDenied
        for release in queryset:
            self._publish(request, release, language)

    @admin.action(
        description=gettext_lazy("Publish newest revision in English"), permissions=["publish"]
    )
    def publish_en(self, request, queryset):
        self._publish_action(request, queryset, "en")

    @admin.action(
        description=gettext_lazy("Publish newest revision in Japanese"), permissions=["publish"]
    )
    def publish_ja(self, request, queryset):
        self._publish_action(request, queryset, "ja")

    @admin.action(
        description=gettext_lazy("Publish newest revision in Russian"), permissions=["publish"]
    )
    def publish_ru(self, request, queryset):
        self._publish_action(request, queryset, "ru")

    def has_publish_permission(self, request):
        return permissions.can_publish(request.user)


class ReadOnlyAdmin(admin.ModelAdmin):
    """An admin that lists and shows records that only services may write."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ("release", "language", "revision_number", "published_by", "published_at")
    list_filter = ("language",)
    list_select_related = ("release", "revision", "published_by")

    @admin.display(description=gettext_lazy("revision"))
    def revision_number(self, obj):
        return obj.revision.number
