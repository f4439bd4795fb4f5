"""Concord's template filters for every page: language names as the active language writes
them (``{{ code|language_name }}`` alone, ``{{ code|language_in_sentence }}`` inside a
sentence), from ``config.languages``; dates and moments in one format each (``{{ value|when
}}``: ``DATE_FORMAT`` for a date, ``DATETIME_FORMAT`` for a moment, in the active language)."""

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html

from config import languages

register = template.Library()


@register.filter
def language_name(code):
    """Return the name of language ``code`` in the active language ("Japanese", "日本語")."""
    return languages.name(code)


@register.filter
def language_in_sentence(code):
    """Return the name of language ``code`` as the active language writes it mid-sentence."""
    return languages.name_in_sentence(code)


@register.filter
def when(value, precision=""):
    """Return ``value`` as ``<time>``: a date in ``DATE_FORMAT``, a moment in local time in
    ``DATETIME_FORMAT`` (``|when:"date"`` gives a moment's date only); "" for no value."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        if precision != "date":
            shown = formats.date_format(value, "DATETIME_FORMAT")
            return format_html('<time datetime="{}">{}</time>', value.isoformat(), shown)
        value = value.date()
    shown = formats.date_format(value, "DATE_FORMAT")
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), shown)
