"""Signals other apps listen to; they carry events, never business rules."""

from django.dispatch import Signal

# Sent inside the writing transaction with ``revision``; receivers defer work to on_commit.
revision_created = Signal()
