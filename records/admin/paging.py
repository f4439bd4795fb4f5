"""The segments of a large release, edited one page at a time in the release change form.

A release of more segments than one page holds shows ``PAGE_SIZE`` of them, the page chosen
by the ``?segments=N`` parameter of the change form's address. A page number out of range
clamps to the nearest page (the first or the last); one that is not a number is the first.
A save reads only the rows the page showed: :func:`.forms.content_from_forms` carries every
other row of the base revision over untouched, so the merge with newer work sees no change
there. A row moves to another page by its position field.
"""

from django.core.paginator import Paginator
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

PAGE_SIZE = 100
PAGE_PARAMETER = "segments"


class SegmentPage:
    """One page of a release's segment rows, and the pager's links around it."""

    def __init__(self, rows, number, query, size=PAGE_SIZE):
        self.paginator = Paginator(rows, size)
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        self.page = self.paginator.page(min(max(number, 1), self.paginator.num_pages))
        self.query = query

    @property
    def paged(self):
        """True where the release has more segments than one page shows."""
        return self.paginator.num_pages > 1

    @property
    def rows(self):
        return self.page.object_list

    @property
    def number(self):
        return self.page.number

    @property
    def label(self):
        """Say which segments the page shows: "Segments 101–200 of 2,000"."""
        return _("Segments %(first)s–%(last)s of %(count)s") % {
            "first": number_format(self.page.start_index(), force_grouping=True),
            "last": number_format(self.page.end_index(), force_grouping=True),
            "count": number_format(self.paginator.count, force_grouping=True),
        }

    def url(self, number):
        """Return the change form's query string for page ``number``, other parameters kept."""
        query = self.query.copy()
        query[PAGE_PARAMETER] = str(number)
        return f"?{query.urlencode()}"

    def links(self):
        """Return the pager's items: (page number or None for an ellipsis, its link, current)."""
        links = []
        for number in self.paginator.get_elided_page_range(self.number, on_each_side=2):
            if number == self.paginator.ELLIPSIS:
                links.append((None, None, False))
            else:
                links.append((number, self.url(number), number == self.number))
        return links

    def previous_url(self):
        return self.url(self.page.previous_page_number()) if self.page.has_previous() else None

    def next_url(self):
        return self.url(self.page.next_page_number()) if self.page.has_next() else None


def requested_page(request):
    """Return the segment page the request's address asks for (clamped later), 1 by default."""
    return request.GET.get(PAGE_PARAMETER) or 1


def page_query(request, url):
    """Return ``url`` with the request's segment page kept, for save-and-continue."""
    number = request.GET.get(PAGE_PARAMETER)
    if not number:
        return url
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({PAGE_PARAMETER: number})}"
