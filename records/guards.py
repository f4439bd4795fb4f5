"""Immutability of revisions in the database itself, on SQLite as on PostgreSQL.

On SQLite a trigger refuses UPDATE and DELETE of revisions while ``concord_guard()`` is true.
The function is registered on every connection Django opens; a connection that lacks it (a
stray ``sqlite3`` shell) fails the trigger too, so it cannot change revisions either. The
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


def connect():
    connection_created.connect(_install, dispatch_uid="records.guards")
