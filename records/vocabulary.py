"""The words records use for structure, defined once; models, parsers and renderers share them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SegmentKind(models.TextChoices):
    PARAGRAPH = "paragraph", _("paragraph")
    HEADING = "heading", _("heading")
    # A paragraph that carries a number ("1. The Prime Minister explained …"), not a title.
    NUMBERED = "numbered", _("numbered paragraph")
    ITEM = "item", _("item")
    BULLET = "bullet", _("bullet")
    # An editorial note ("The foregoing is a provisional translation"), rendered small.
    NOTE = "note", _("note")


class MarkerStyle(models.TextChoices):
    """How a numbered segment's marker counts, as written; each language renders its own."""

    NONE = "", _("none")
    DECIMAL = "decimal", _("decimal")
    PARENTHESISED = "parenthesised", _("parenthesised decimal")
    LOWER_ROMAN = "lower-roman", _("lower roman")
    LOWER_LATIN = "lower-latin", _("lower latin")
    # Two markers on one line ("2. (1) …"): the segment opens the next decimal number and is
    # the first parenthesised one under it.
    DECIMAL_PARENTHESISED = "decimal-parenthesised", _("decimal, then parenthesised decimal")


# Kinds whose marker counts; the others (paragraph, bullet, note) have no style.
NUMBERED_KINDS = frozenset({SegmentKind.HEADING, SegmentKind.NUMBERED, SegmentKind.ITEM})


def implied_style(kind, level):
    """Return the style a segment of ``kind`` and ``level`` had before styles were recorded."""
    if kind == SegmentKind.HEADING:
        return MarkerStyle.DECIMAL if level <= 1 else MarkerStyle.PARENTHESISED
    if kind == SegmentKind.ITEM:
        return MarkerStyle.LOWER_ROMAN
    return MarkerStyle.NONE
