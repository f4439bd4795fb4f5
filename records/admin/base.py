"""Helpers shared by the records admin and the admins of apps built on records."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from config import languages

from .. import permissions
from ..models import REVISION_NUMBER_MAX


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


def release_cell(release, *, date=False):
    """Return a release's title for a list, its slug (and ``date``) beneath: releases with
    the same title are told apart."""
    about = [formats.date_format(release.date, "DATE_FORMAT")] if date and release.date else []
    about.append(release.slug)
    return format_html('{}<br><span class="help">{}</span>', release, " · ".join(about))


release_cell.short_description = gettext_lazy("title")


def locked_fields(user, fields):
    """Return the translated ``fields`` of languages ``user`` may not edit."""
    allowed = set(permissions.editable_languages(user))
    return [
        f"{field}_{code}" for field in fields for code in languages.CODES if code not in allowed
    ]


class ReadOnlyAdmin(admin.ModelAdmin):
    """An admin that lists and shows records that only services may write."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
