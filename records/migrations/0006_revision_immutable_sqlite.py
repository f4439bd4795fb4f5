"""On SQLite too, refuse UPDATE and DELETE of revisions in the database itself."""

from django.db import migrations

from records.guards import sqlite_triggers


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in sqlite_triggers("records_revision"):
            schema_editor.execute(statement, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for op in ("update", "delete"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS records_revision_no_{op}", params=None)


class Migration(migrations.Migration):
    dependencies = [("records", "0005_source_language")]

    operations = [migrations.RunPython(forwards, backwards)]
