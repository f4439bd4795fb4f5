"""Revisions no longer keep a full snapshot: 0011 moved every one into the change tables."""

from django.db import migrations

from records.guards import triggers_create

TABLE = "records_revision"


def guard(apps, schema_editor):
    # SQLite may rebuild the table to drop a column, and its triggers go with the old table
    # (PostgreSQL keeps its trigger from 0002).
    if schema_editor.connection.vendor == "sqlite":
        triggers_create(schema_editor, TABLE)


def refuse_backwards(apps, schema_editor):
    if apps.get_model("records", "Revision").objects.exists():
        raise RuntimeError(
            "revisions stored as changes cannot be turned back into snapshots: restore the "
            "database from before the migration instead"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0011_revision_changes_from_snapshots"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, guard),
        migrations.RemoveField(model_name="revision", name="snapshot"),
        migrations.RunPython(guard, refuse_backwards),
    ]
