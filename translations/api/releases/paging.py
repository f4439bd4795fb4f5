"""Pages of a release's units in the release's order, behind an opaque cursor.

Units are not rows of one table (they are read from the newest revision), so the cursor names
the last unit of the page before: the next page starts after it wherever it now is, and at
the same position when it is gone. Each unit says the revision it was read at, so a client
that pages while others save sees which base each unit has.
"""

import base64
import binascii
import json

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.utils.urls import remove_query_param, replace_query_param

from config import limits

# A whole release of the largest size fits one page: the title, and every segment, or every
# photo's caption and credit.
MAX_PAGE_SIZE = 2 * limits.MAX_UNITS + 1
PAGE_SIZE = 100


def _encode(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _decode(value):
    try:
        data = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        offset = int(data["o"])
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        raise NotFound(_("Invalid cursor")) from None
    if offset < 0:
        raise NotFound(_("Invalid cursor"))
    after = data.get("k")
    return offset, after if isinstance(after, str) else None


def page_size(request):
    """Return the page size a request asks for (``page_size``), within bounds."""
    try:
        size = int(request.query_params.get("page_size", PAGE_SIZE))
    except ValueError:
        return PAGE_SIZE
    return min(max(size, 1), MAX_PAGE_SIZE)


def units_page(request, rows):
    """Return ``(rows of the page, next address, previous address)`` (None: no such page)."""
    keys = [row.key for row in rows]
    start = 0
    cursor = request.query_params.get("cursor")
    if cursor:
        offset, after = _decode(cursor)
        start = min(offset, len(rows))
        if after is not None and after in keys:
            start = keys.index(after) + 1
    size = page_size(request)
    page = rows[start : start + size]
    url = request.build_absolute_uri()
    following = previous = None
    if start + size < len(rows):
        following = replace_query_param(
            url, "cursor", _encode({"o": start + size, "k": keys[start + size - 1]})
        )
    if start > 0:
        before = max(start - size, 0)
        previous = (
            replace_query_param(url, "cursor", _encode({"o": before}))
            if before
            else remove_query_param(url, "cursor")
        )
    return page, following, previous
