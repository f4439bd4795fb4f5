"""Render term findings: mark their spans in a text."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


def _searched(text, start, end, found):
    """Return ``text[start:end]`` as HTML with the parts of the ``found`` spans inside it
    marked as search matches (a match across a finding's edge is marked on each side)."""
    parts = []
    cursor = start
    for match_start, match_end in found:
        match_start, match_end = max(match_start, cursor), min(match_end, end)
        if match_start >= match_end:
            continue
        parts.append((text[cursor:match_start], text[match_start:match_end]))
        cursor = match_end
    marks = format_html_join("", '{}<mark class="search">{}</mark>', parts)
    return format_html("{}{}", marks, text[cursor:end])


@register.simple_tag
def highlight(text, spans, found=None):
    """Return ``text`` as HTML with ``spans`` ``(start, end, severity, title)`` marked, and
    inside and around those marks the ``found`` spans ``(start, end)`` of a search.

    Overlapping, empty or out-of-range spans (a stale finding) are skipped: the earlier mark
    wins.
    """
    found = sorted(found or ())
    parts = []
    cursor = 0
    for start, end, severity, title in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < cursor or end > len(text) or start >= end:
            continue
        parts.append(
            (
                _searched(text, cursor, start, found),
                _searched(text, start, end, found),
                severity,
                title,
            )
        )
        cursor = end
    marks = format_html_join(
        "",
        '{}<mark class="finding {}" title="{}">{}</mark>',
        ((plain, severity, title, marked) for plain, marked, severity, title in parts),
    )
    return format_html("{}{}", marks, _searched(text, cursor, len(text), found))
