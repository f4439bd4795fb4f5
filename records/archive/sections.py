"""Sections of an archive: one table each, read in key-ordered chunks, restored in batches.

A section writes every concrete column of its model under the column's name (the language
columns modeltranslation adds included), so ids, revision numbers and timestamps come back
as they were: rows are inserted raw, without ``save()``, ``auto_now`` or the model's own
guards (the database's immutability triggers refuse only UPDATE and DELETE, never INSERT).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .format import DATA_DIR, ArchiveError

READ_CHUNK = 1000
WRITE_BATCH = 500
# Columns whose JSON form is text that becomes a Python value again; the others are as read.
CONVERTED = {"DateTimeField", "DateField", "TimeField", "UUIDField", "DecimalField"}


def _batches(rows, size):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def rows_insert(model, fields, values):
    """Insert ``values`` (dicts of column values) into ``model``'s table as they are."""
    if not values:
        return
    # The connection itself, not the proxy: this runs once per value of the archive.
    database = connections[DEFAULT_DB_ALIAS]
    quote = database.ops.quote_name
    statement = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    params = [
        [field.get_db_prep_save(row[field.attname], database) for field in fields] for row in values
    ]
    with database.cursor() as cursor:
        cursor.executemany(statement, params)


class ModelSection:
    """Every row of one model, in primary key order."""

    def __init__(self, model, *, chunk=READ_CHUNK, batch=WRITE_BATCH):
        self.model = model
        self.chunk = chunk
        self.batch = batch
        self.name = model._meta.label_lower
        self.file = f"{DATA_DIR}/{self.name}.jsonl"
        self.fields = list(model._meta.concrete_fields)
        self._columns = [
            (field.attname, field.to_python if field.get_internal_type() in CONVERTED else None)
            for field in self.fields
        ]
        # Columns added after an archive was written: its rows take the column's default.
        self._defaults = {
            field.attname: field.get_default
            for field in self.fields
            if field.has_default() or field.null or field.blank
        }

    def queryset(self):
        # A plain QuerySet: no manager rewrites column names (modeltranslation) or refuses.
        return QuerySet(model=self.model)

    def rows(self):
        """Yield the rows as dicts of column values, a chunk of rows per query."""
        names = [field.attname for field in self.fields]
        pk = self.model._meta.pk.attname
        last = None
        while True:
            query = self.queryset().order_by(pk)
            if last is not None:
                query = query.filter(**{f"{pk}__gt": last})
            chunk = list(query.values(*names)[: self.chunk])
            yield from self.extend(chunk)
            if len(chunk) < self.chunk:
                return
            last = chunk[-1][pk]

    def extend(self, chunk):
        """Return the rows of ``chunk`` with what the section adds to their columns."""
        return chunk

    def media(self, row):
        """Return the names of stored files ``row`` refers to."""
        return ()

    def has_rows(self):
        return self.queryset().exists()

    def decode(self, row, line):
        """Return the column values of archived ``row`` (line ``line`` of the section's file)."""
        values = {}
        try:
            for name, convert in self._columns:
                if name not in row and name in self._defaults:
                    values[name] = self._defaults[name]()
                    continue
                value = row[name]
                values[name] = value if value is None or convert is None else convert(value)
        except (KeyError, ValidationError) as error:
            problem = _("no column %s") % error if isinstance(error, KeyError) else error
            raise ArchiveError(
                ArchiveError.BAD_ROW % {"line": line, "name": self.file, "problem": problem}
            ) from None
        return values

    def insert(self, batch, first_line):
        """Insert a batch of archived rows, the first of them on line ``first_line``."""
        values = [self.decode(row, first_line + index) for index, row in enumerate(batch)]
        try:
            rows_insert(self.model, self.fields, values)
        except DatabaseError as error:
            raise ArchiveError(
                ArchiveError.REFUSED_ROWS % {"name": self.file, "problem": error}
            ) from error

    def load(self, rows):
        """Insert ``rows`` read from the archive; return how many there were."""
        count = 0
        for batch in _batches(rows, self.batch):
            self.insert(batch, count + 1)
            count += len(batch)
        return count

    def restored(self):
        """Run once every section is loaded (rebuild what derives from the rows)."""

    def models(self):
        """Return the models whose id sequences need a reset after loading."""
        return [self.model]


def _permission_names(permissions):
    return sorted(f"{app_label}.{codename}" for app_label, codename in permissions)


def _permissions_by_name(names):
    """Return the permissions named ``app_label.codename``; refuse a name that is unknown."""
    found = {
        f"{perm.content_type.app_label}.{perm.codename}": perm
        for perm in Permission.objects.select_related("content_type")
    }
    unknown = sorted(set(names) - set(found))
    if unknown:
        raise ArchiveError(ArchiveError.UNKNOWN_PERMISSION % {"name": unknown[0]})
    return [found[name] for name in names]


class GroupSection:
    """Groups by name with their permissions; ``migrate`` has already made the role groups."""

    name = "auth.group"
    file = f"{DATA_DIR}/auth.group.jsonl"

    def rows(self):
        permissions = {name: [] for name in Group.objects.values_list("name", flat=True)}
        for name, *permission in Group.permissions.through.objects.values_list(
            "group__name", "permission__content_type__app_label", "permission__codename"
        ):
            permissions[name].append(permission)
        for name in sorted(permissions):
            yield {"name": name, "permissions": _permission_names(permissions[name])}

    def media(self, row):
        return ()

    def has_rows(self):
        # Groups are part of an empty, migrated database (the roles); they are matched by name.
        return False

    def load(self, rows):
        count = 0
        for row in rows:
            group, _created = Group.objects.get_or_create(name=row["name"])
            group.permissions.set(_permissions_by_name(row["permissions"]))
            count += 1
        return count

    def restored(self):
        pass

    def models(self):
        return [Group]


class UserSection(ModelSection):
    """Users with their password hashes (logins survive a restore), groups and permissions."""

    def __init__(self):
        super().__init__(get_user_model())

    @property
    def _user(self):
        return self.model.groups.through._meta.get_field("user").attname

    def extend(self, chunk):
        """Add each user's group names and permissions, in two queries per chunk."""
        groups = {row["id"]: [] for row in chunk}
        permissions = {row["id"]: [] for row in chunk}
        of_chunk = {f"{self._user}__in": list(groups)}
        for user, name in self.model.groups.through.objects.filter(**of_chunk).values_list(
            self._user, "group__name"
        ):
            groups[user].append(name)
        for user, *permission in self.model.user_permissions.through.objects.filter(
            **of_chunk
        ).values_list(self._user, "permission__content_type__app_label", "permission__codename"):
            permissions[user].append(permission)
        return [
            {
                **row,
                "groups": sorted(groups[row["id"]]),
                "permissions": _permission_names(permissions[row["id"]]),
            }
            for row in chunk
        ]

    def load(self, rows):
        groups = dict(Group.objects.values_list("name", "id"))
        memberships, grants = [], []
        count = 0
        for batch in _batches(rows, self.batch):
            self.insert(batch, count + 1)
            for row in batch:
                for name in row.get("groups", ()):
                    if name not in groups:
                        groups[name] = Group.objects.create(name=name).pk
                    memberships.append((row["id"], groups[name]))
                grants.extend((row["id"], name) for name in row.get("permissions", ()))
            count += len(batch)
        membership = self.model.groups.through
        membership.objects.bulk_create(
            membership(**{self._user: user, "group_id": group}) for user, group in memberships
        )
        names = sorted({name for _user, name in grants})
        permissions = dict(zip(names, _permissions_by_name(names), strict=True))
        grant = self.model.user_permissions.through
        grant.objects.bulk_create(
            grant(**{self._user: user, "permission_id": permissions[name].pk})
            for user, name in grants
        )
        return count


class PhotoSection(ModelSection):
    def media(self, row):
        return [row["image"]] if row.get("image") else []


class PublicationSection(ModelSection):
    """Publications; the reader read model is rebuilt from them rather than archived."""

    def restored(self):
        from ..reader import reader_rebuild

        reader_rebuild()
