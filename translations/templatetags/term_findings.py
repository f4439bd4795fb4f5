"""Render term findings: mark their spans in a text."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.simple_tag
def highlight(text, spans):
    """Return ``text`` as HTML with ``spans`` ``(start, end, severity, title)`` marked.

    Overlapping, empty or out-of-range spans (a stale finding) are skipped: the earlier mark
    wins.
    """
    parts = []
    cursor = 0
    for start, end, severity, title in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < cursor or end > len(text) or start >= end:
            continue
        parts.append((text[cursor:start], text[start:end], severity, title))
        cursor = end
    marks = format_html_join(
        "",
        '{}<mark class="finding {}" title="{}">{}</mark>',
        ((plain, severity, title, marked) for plain, marked, severity, title in parts),
    )
    return format_html("{}{}", marks, text[cursor:])
