"""The words records use for structure, defined once; models, parsers and renderers share them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SegmentKind(models.TextChoices):
    PARAGRAPH = "paragraph", _("paragraph")
    HEADING = "heading", _("heading")
    ITEM = "item", _("item")
    BULLET = "bullet", _("bullet")
