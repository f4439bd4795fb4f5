"""On PostgreSQL, refuse UPDATE and DELETE of revisions in the database itself."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION records_revision_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'records_revision rows are immutable (% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER records_revision_immutable
    BEFORE UPDATE OR DELETE ON records_revision
    FOR EACH ROW EXECUTE FUNCTION records_revision_immutable();
"""

DROP = """
DROP TRIGGER IF EXISTS records_revision_immutable ON records_revision;
DROP FUNCTION IF EXISTS records_revision_immutable();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
