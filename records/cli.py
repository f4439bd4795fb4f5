"""Helpers shared by management commands of records and of the apps built on it."""

import json
import re

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from records.models import Release


def user_by_username(username):
    """Return the user called ``username`` (None for None), or raise CommandError."""
    if username is None:
        return None
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(_("unknown user “%(name)s”") % {"name": username}) from None


def release_by_slug(slug):
    """Return the release with ``slug`` or raise CommandError."""
    try:
        return Release.objects.select_related("topic").get(slug=slug)
    except Release.DoesNotExist:
        raise CommandError(_("no release with slug “%(slug)s”") % {"slug": slug}) from None


def write_output(path, data):
    """Write ``data`` (bytes) to ``path``, or raise CommandError naming the path."""
    try:
        with open(path, "wb") as file:
            file.write(data)
    except OSError as error:
        raise CommandError(
            _("cannot write %(path)s: %(reason)s")
            % {"path": path, "reason": error.strerror or error}
        ) from None


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text):
    """Return ``text`` with control characters shown as escapes, never sent to a terminal."""
    return _UNPRINTABLE.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


# json.dumps escapes U+0000–U+001F itself but leaves DEL and the C1 controls raw (some
# terminals read U+009B as CSI); outside strings JSON text is plain ASCII.
_RAW_IN_JSON = re.compile("[\x7f-\x9f]")


def printable_json(data):
    """Return ``data`` as indented JSON with every control character written as an escape.

    Unlike :func:`printable` the data stays exact: a JSON reader gets the same strings back.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match[0]):04x}", text)
