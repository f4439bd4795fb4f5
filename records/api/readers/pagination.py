"""Cursors of the readers' lists: in the reader site's order, and over ranked search results."""

from rest_framework.pagination import Cursor as Position

from ..pagination import Cursor


class LatestCursor(Cursor):
    """Newest release first, as the reader site lists them (the date decides, the slug breaks
    ties)."""

    ordering = ("-date", "slug")


class TopicCursor(Cursor):
    ordering = ("slug",)


class RankedCursor(Cursor):
    """Pages of search results, best first.

    A rank is no position a query can resume from (it is a score, not a column), so this
    cursor carries how many results came before it: opaque to clients like every other
    cursor, and bounded like them (``offset_cutoff``: the first thousand or so results).
    """

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        cursor = self.decode_cursor(request)
        self.offset = cursor.offset if cursor else 0
        results = list(queryset[self.offset : self.offset + self.page_size + 1])
        self.page = results[: self.page_size]
        further = self.offset + self.page_size
        self.has_next = len(results) > self.page_size and further <= self.offset_cutoff
        self.has_previous = self.offset > 0
        self.display_page_controls = self.has_next or self.has_previous
        return self.page

    def get_next_link(self):
        if not self.has_next:
            return None
        return self.encode_cursor(Position(self.offset + self.page_size, False, None))

    def get_previous_link(self):
        if not self.has_previous:
            return None
        return self.encode_cursor(Position(max(0, self.offset - self.page_size), False, None))
