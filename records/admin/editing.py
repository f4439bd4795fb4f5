"""Saving the release add and change forms, as one explicit flow.

The POST goes: the form and its inlines → content on top of the revision the page was loaded
from (:func:`.forms.content_from_forms`) → ``release_write``, the one write path, which
merges it three ways with anything saved since. Then one of three pages: a redirect with what
the write did, the same form again with the editor's text and why nothing was saved, or the
conflict page (base / theirs / yours) when a change collides with someone else's.
Neither the forms nor ModelAdmin.save_model/save_related write anything.
"""

from django.contrib.admin import helpers
from django.contrib.admin.exceptions import DisallowedModelAdminToField
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.formsets import all_valid
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from ..extensions import registry
from ..services import (
    ActionNotAllowed,
    MergeConflict,
    ReleaseContentError,
    release_write,
    revision_snapshot,
)
from .forms import content_from_forms
from .paging import page_query
from .views import conflict_response, saved_message

NEW_RELEASE = {"title": {}, "segments": [], "photos": []}


class ReleaseSaveView(View):
    """The POST of the release add and change forms; ``model_admin`` is the ReleaseAdmin."""

    model_admin = None
    http_method_names = ["post"]

    def post(self, request, object_id=None, form_url="", extra_context=None):
        admin = self.model_admin
        to_field = request.POST.get(TO_FIELD_VAR, request.GET.get(TO_FIELD_VAR))
        if to_field and not admin.to_field_allowed(request, to_field):
            raise DisallowedModelAdminToField(f"The field {to_field} cannot be referenced.")
        if object_id is None:
            if not admin.has_add_permission(request):
                raise PermissionDenied
            release = None
        else:
            release = admin.get_object(request, unquote(object_id), to_field)
            if not admin.has_change_permission(request, release):
                raise PermissionDenied
            if release is None:
                return admin._get_obj_does_not_exist_redirect(request, admin.opts, object_id)

        fieldsets = admin.get_fieldsets(request, release)
        form_class = admin.get_form(
            request, release, change=release is not None, fields=flatten_fieldsets(fieldsets)
        )
        form = form_class(request.POST, request.FILES, instance=release)
        formsets, inlines = admin._create_formsets(
            request, form.instance, change=release is not None
        )
        form_valid = form.is_valid()
        if all_valid(formsets) and form_valid:
            try:
                write = write_from_forms(release, form, formsets)
                result = release_write(
                    write["content"],
                    author=request.user,
                    message=write["message"],
                    based_on=write["based_on"],
                    release_id=write["release"],
                )
            except MergeConflict as conflict:
                pending = {"kind": "edit", **write}
                return conflict_response(request, admin, conflict.release, conflict, pending)
            except (ReleaseContentError, ActionNotAllowed) as error:
                # Nothing was written: the same form again, with the editor's text.
                form.add_error(None, ValidationError(str(error), code="refused"))
            else:
                return self.saved(request, result, added=release is None)
        page = FormPage(admin, request, release, object_id, fieldsets)
        return page.render(form, formsets, inlines, form_url, extra_context)

    def saved(self, request, result, added):
        """Say what the write did, log it, and go where the button pressed says."""
        admin, release = self.model_admin, result.release
        saved_message(request, result)
        change = _("Revision %(n)s") % {"n": result.revision.number} if result.revision else []
        if added:
            admin.log_addition(request, release, change)
        else:
            admin.log_change(request, release, change)
        if IS_POPUP_VAR in request.POST:
            # Django's popup answers add no message of their own, so they serve as they are.
            return (admin.response_add if added else admin.response_change)(request, release)
        # Django's own answers would add "was changed successfully" to what the write said.
        info = f"admin:{admin.opts.app_label}_{admin.opts.model_name}"
        if "_continue" in request.POST:
            url = reverse(f"{info}_change", args=[release.pk], current_app=admin.admin_site.name)
            url = page_query(request, url)  # the same page of segments again
        elif "_addanother" in request.POST:
            url = reverse(f"{info}_add", current_app=admin.admin_site.name)
        elif added:
            return admin.response_post_save_add(request, release)
        else:
            return admin.response_post_save_change(request, release)
        preserved = {"preserved_filters": admin.get_preserved_filters(request), "opts": admin.opts}
        return HttpResponseRedirect(add_preserved_filters(preserved, url))


def write_from_forms(release, form, formsets):
    """Return the write the editor's forms describe: its content, base revision and message.

    ``release`` is None for a new release.
    """
    based_on = form.cleaned_data.get("based_on") if release else None
    message = form.cleaned_data.get("revision_message") or (
        _("Edited in the admin") if release else _("Created in the admin")
    )
    base = revision_snapshot(release, based_on) if release else NEW_RELEASE
    return {
        "release": release.pk if release else None,
        "content": content_from_forms(base, form, formsets),
        "based_on": based_on,
        "message": message,
    }


class FormPage:
    """The add or change page of a release, for forms that were not saved."""

    def __init__(self, admin, request, release, object_id, fieldsets):
        self.admin, self.request, self.release = admin, request, release
        self.object_id, self.fieldsets = object_id, fieldsets

    def render(self, form, formsets, inlines, form_url="", extra_context=None):
        admin, request, release = self.admin, self.request, self.release
        add = release is None
        admin_form = helpers.AdminForm(
            form,
            list(self.fieldsets),
            admin.get_prepopulated_fields(request, release),
            admin.get_readonly_fields(request, release),
            model_admin=admin,
        )
        media = admin.media + admin_form.media
        inline_formsets = admin.get_inline_formsets(request, formsets, inlines, release)
        for inline_formset in inline_formsets:
            media += inline_formset.media
        title = _("Add %s") if add else _("Change %s")
        context = {
            **admin.admin_site.each_context(request),
            "title": title % admin.opts.verbose_name,
            "subtitle": None if add else str(release),
            "adminform": admin_form,
            "object_id": self.object_id,
            "original": release,
            "is_popup": IS_POPUP_VAR in request.POST or IS_POPUP_VAR in request.GET,
            "to_field": request.POST.get(TO_FIELD_VAR, request.GET.get(TO_FIELD_VAR)),
            "media": media,
            "inline_admin_formsets": inline_formsets,
            "errors": helpers.AdminErrorList(form, formsets),
            "preserved_filters": admin.get_preserved_filters(request),
            "release_links": [] if add else registry.links_for(request, release),
            **(extra_context or {}),
        }
        return admin.render_change_form(
            request, context, add=add, change=not add, obj=release, form_url=form_url
        )
