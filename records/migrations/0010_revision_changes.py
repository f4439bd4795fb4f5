"""Revisions store what they changed: texts stored once, slots, and change rows (insert only)."""

import django.db.models.deletion
from django.db import migrations, models

from records.guards import triggers_create, triggers_drop

TABLES = ("records_revisiontext", "records_revisionslot", "records_revisionchange")


def guard(apps, schema_editor):
    triggers_create(schema_editor, *TABLES)


def unguard(apps, schema_editor):
    triggers_drop(schema_editor, *TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0009_photo_image"),
    ]

    operations = [
        migrations.CreateModel(
            name="RevisionText",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("digest", models.CharField(max_length=64, unique=True, verbose_name="digest")),
                ("body", models.TextField(blank=True, verbose_name="text")),
            ],
            options={
                "verbose_name": "revision text",
                "verbose_name_plural": "revision texts",
            },
        ),
        migrations.CreateModel(
            name="RevisionSlot",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                (
                    "release",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="revision_slots",
                        to="records.release",
                        verbose_name="release",
                    ),
                ),
            ],
            options={
                "verbose_name": "revision slot",
                "verbose_name_plural": "revision slots",
            },
        ),
        migrations.CreateModel(
            name="RevisionChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveIntegerField(verbose_name="number")),
                ("value", models.TextField(verbose_name="value")),
                (
                    "languages",
                    models.CharField(blank=True, max_length=100, verbose_name="languages"),
                ),
                ("structure", models.BooleanField(default=False, verbose_name="structure")),
                ("source", models.BooleanField(default=False, verbose_name="source text")),
                ("translation", models.BooleanField(default=False, verbose_name="translation")),
                (
                    "revision",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="changes",
                        to="records.revision",
                        verbose_name="revision",
                    ),
                ),
                (
                    "slot",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="changes",
                        to="records.revisionslot",
                        verbose_name="slot",
                    ),
                ),
            ],
            options={
                "verbose_name": "revision change",
                "verbose_name_plural": "revision changes",
            },
        ),
        migrations.AddConstraint(
            model_name="revisionslot",
            constraint=models.UniqueConstraint(
                fields=("release", "name"), name="revision_slot_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="revisionchange",
            constraint=models.UniqueConstraint(
                fields=("slot", "number"), name="revision_change_unique"
            ),
        ),
        migrations.RunPython(guard, unguard),
    ]
