"""What revisions store: texts once each, and per revision only the parts of a release it changed.

A release's content is split into *slots*: its own fields (``release``: slug, date, topic,
title …), the order of its segments and of its photos (``segments``, ``photos``), and one slot
per segment or photo (``segments:<key>``, ``photos:<key>``). A revision writes a
:class:`RevisionChange` for each slot whose value it changed; the slot keeps that value until
a later revision changes it again. Texts (titles, segment texts, captions, credits, one per
language) are :class:`RevisionText` rows named by their SHA-256, shared by every revision of
every release that holds the same text. Rows are only ever inserted: the ORM refuses updates
and deletes, and so do the database triggers (``records.guards``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..models import ImmutableModel


class RevisionText(ImmutableModel):
    """One text, stored once for every revision of every release that holds it."""

    # SHA-256 of the text's UTF-8 bytes, in hex.
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("revision text")
        verbose_name_plural = _("revision texts")

    def __str__(self):
        return self.digest[:12]


class RevisionSlot(ImmutableModel):
    """A part of a release that revisions change: its fields, an order, a segment or a photo."""

    # The unique (release, name) index serves lookups by release: no index of its own.
    release = models.ForeignKey(
        "records.Release",
        on_delete=models.PROTECT,
        related_name="revision_slots",
        verbose_name=_("release"),
        db_index=False,
    )
    # "release", "segments", "photos", "segments:<key>" or "photos:<key>".
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("revision slot")
        verbose_name_plural = _("revision slots")
        constraints = [
            models.UniqueConstraint(fields=["release", "name"], name="revision_slot_unique"),
        ]

    def __str__(self):
        return f"{self.release_id} {self.name}"


class RevisionChange(ImmutableModel):
    """The value a slot holds from revision ``number`` on, until a later change of the slot."""

    # The unique (slot, number) index serves lookups by slot: no index of its own.
    slot = models.ForeignKey(
        RevisionSlot,
        on_delete=models.PROTECT,
        related_name="changes",
        verbose_name=_("slot"),
        db_index=False,
    )
    revision = models.ForeignKey(
        "records.Revision",
        on_delete=models.PROTECT,
        related_name="changes",
        verbose_name=_("revision"),
    )
    # The revision's number again: reading revision N takes each slot's newest change ≤ N
    # from the (slot, number) index alone.
    number = models.PositiveIntegerField(_("number"))
    # JSON: an order is a list of slot ids (null: the list is absent); a release, segment
    # or photo is {"f": {field: value}, "t": {field: {language: RevisionText id}}}.
    value = models.TextField(_("value"))
    # What the change did, for the history: the languages whose text changed (",ja,ru,"),
    # and whether it changed structure or metadata, the source text, a translation.
    languages = models.CharField(_("languages"), max_length=100, blank=True)
    structure = models.BooleanField(_("structure"), default=False)
    source = models.BooleanField(_("source text"), default=False)
    translation = models.BooleanField(_("translation"), default=False)

    class Meta:
        verbose_name = _("revision change")
        verbose_name_plural = _("revision changes")
        constraints = [
            models.UniqueConstraint(fields=["slot", "number"], name="revision_change_unique"),
        ]

    def __str__(self):
        return f"{self.slot_id} r{self.number}"
