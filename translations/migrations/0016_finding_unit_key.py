"""Findings name any unit (the title, a photo's caption or credit, a segment), not only
segments: the key column becomes text, every existing finding is kept, and the releases
checked before are checked again so their titles and photo texts get findings too."""

from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Concat, Length, Substr

# Where the five groups of a UUID's hex digits stand: in the 32 digits alone (how SQLite
# stored the old column) and in the text form "1b4e28ba-2fa1-11d2-883f-0016d3cca427".
_IN_HEX = ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12))
_IN_TEXT = ((1, 8), (10, 4), (15, 4), (20, 4), (25, 12))


def _regrouped(groups, separator):
    """Return the key column rebuilt from its ``groups``, joined by ``separator``."""
    parts = []
    for start, length in groups:
        if parts and separator:
            parts.append(Value(separator))
        parts.append(Substr("segment_key", start, length))
    return Concat(*parts, output_field=models.CharField())


def keys_as_text(apps, schema_editor):
    """Give every segment key the form the units use ("1b4e28ba-2fa1-…"): PostgreSQL's cast
    writes it so already, SQLite kept the bare hex digits."""
    Finding = apps.get_model("translations", "Finding")
    Finding.objects.annotate(key_length=Length("segment_key")).filter(key_length=32).exclude(
        segment_key__contains="-"
    ).update(segment_key=_regrouped(_IN_HEX, "-"))


def check_again(apps, schema_editor):
    """Make the releases checked so far wait for a check of the new kind (the findings stay
    until it replaces them; approving or publishing checks at once, as with any pending
    check)."""
    CheckRun = apps.get_model("translations", "CheckRun")
    PendingCheck = apps.get_model("translations", "PendingCheck")
    Release = apps.get_model("records", "Release")
    checked = set(CheckRun.objects.values_list("release_id", flat=True))
    waiting = set(PendingCheck.objects.values_list("release_id", flat=True))
    heads = Release.objects.filter(pk__in=sorted(checked - waiting)).values_list(
        "pk", "head_number"
    )
    PendingCheck.objects.bulk_create(
        [PendingCheck(release_id=pk, revision_number=head) for pk, head in heads],
        batch_size=500,
    )
    CheckRun.objects.all().delete()


def keys_as_uuids(apps, schema_editor):
    """Going back: findings of titles and photo texts cannot be kept (the old column holds
    segment UUIDs only); the others keep their keys as bare hex digits, which either database
    reads back as a UUID."""
    Finding = apps.get_model("translations", "Finding")
    Finding.objects.exclude(segment_key__regex=r"^[0-9a-fA-F-]{32,36}$").delete()
    Finding.objects.filter(segment_key__contains="-").update(segment_key=_regrouped(_IN_TEXT, ""))


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0013_scheduled_publication"),
        ("translations", "0015_webhooks"),
    ]

    operations = [
        migrations.AlterField(
            model_name="finding",
            name="segment_key",
            field=models.CharField(max_length=80, verbose_name="unit"),
        ),
        migrations.RunPython(keys_as_text, keys_as_uuids),
        migrations.RunPython(check_again, migrations.RunPython.noop),
    ]
