"""Immutability of the history in the database itself, on SQLite as on PostgreSQL.

Revisions, their changes, slots and texts (and translations' audit events) are insert only.
On SQLite a trigger refuses UPDATE and DELETE of their rows while ``concord_guard()`` is true.
The function is registered on every connection Django opens; a connection that lacks it (a
stray ``sqlite3`` shell) fails the trigger too, so it cannot change the history either. The
test suite turns the guard off only to flush the tables after a transactional test.

Every SQLite connection also tells Django its real limit of query variables: Django 5.2
assumes 999 and splits bulk writes of a few hundred rows into many queries.
"""

import sqlite3
import threading

from django.db.backends.signals import connection_created

_state = threading.local()


def guard_enabled():
    return getattr(_state, "enabled", True)


def guard_set(enabled):
    """Turn the database guard on or off for this thread (tests flush tables with it off)."""
    _state.enabled = enabled


def _install(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "concord_guard", 0, lambda: 1 if guard_enabled() else 0, deterministic=False
        )
        # Bulk creates and updates then take one query up to the limit SQLite was built with
        # (32,766 or more since SQLite 3.32), as Django 6 does by itself.
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        connection.features.max_query_params = max(limit, 999)


def sqlite_triggers(table):
    """Return the statements creating the SQLite triggers that guard ``table``."""
    return [
        f"""CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table}
        WHEN concord_guard() BEGIN
            SELECT RAISE(ABORT, '{table} rows are immutable ({op} refused)');
        END"""
        for op in ("UPDATE", "DELETE")
    ]


def postgresql_trigger(table):
    """Return the statement creating the PostgreSQL trigger that guards ``table``."""
    return f"""
CREATE OR REPLACE FUNCTION {table}_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{table} rows are immutable (% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER {table}_immutable
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_immutable();
"""


def triggers_create(schema_editor, *tables):
    """Guard ``tables`` (insert only) in the database of ``schema_editor``: for migrations."""
    vendor = schema_editor.connection.vendor
    for table in tables:
        if vendor == "postgresql":
            schema_editor.execute(postgresql_trigger(table), params=None)
        elif vendor == "sqlite":
            for statement in sqlite_triggers(table):
                schema_editor.execute(statement, params=None)


def triggers_drop(schema_editor, *tables):
    """Remove the guards of ``tables``: the reverse of :func:`triggers_create`."""
    vendor = schema_editor.connection.vendor
    for table in tables:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_immutable()")
        elif vendor == "sqlite":
            for op in ("update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_{op}")


def connect():
    connection_created.connect(_install, dispatch_uid="records.guards")
