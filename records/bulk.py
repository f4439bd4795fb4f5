"""Update many rows of one model in one statement executed per row (``executemany``).

Django's ``bulk_update`` builds one ``CASE WHEN pk = … THEN …`` expression per row and field,
which costs seconds of Python for the 2,000 units a release may hold; the database driver's
``executemany`` of a plain ``UPDATE … WHERE pk = %s`` does the same work in milliseconds and
is still a single query for Django's accounting (``CaptureQueriesContext``).
"""

from django.db import connections, router


def rows_update(model, objs, fields):
    """Write ``fields`` of every saved instance in ``objs`` to the database."""
    if not objs:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(column.column)} = %s" for column in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"
    params = [
        [
            *(
                column.get_db_prep_save(getattr(obj, column.attname), connection)
                for column in columns
            ),
            meta.pk.get_db_prep_save(obj.pk, connection),
        ]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def statistics_refresh(*models):
    """Have PostgreSQL analyse the tables of ``models`` after a bulk write (other databases
    plan without statistics): until autovacuum runs, fresh rows are invisible to the planner,
    which then picks plans made for empty tables."""
    for model in models:
        connection = connections[router.db_for_write(model)]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
