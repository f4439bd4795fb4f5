"""Data migrations of the translations app, run back and forth on the test database."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from translations.models import ReleaseTermFindings

BEFORE = ("translations", "0004_review")
AFTER = ("translations", "0005_remove_legacy_view_permission")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


@pytest.mark.django_db(transaction=True)
def test_legacy_view_permission_is_deleted_and_its_holders_keep_access():
    migrate(BEFORE)
    try:
        content_type = ContentType.objects.get_for_model(
            ReleaseTermFindings, for_concrete_model=False
        )
        legacy = Permission.objects.create(
            content_type=content_type, codename="view_releasetranslation", name="old name"
        )
        group = Group.objects.create(name="Old readers")
        group.permissions.add(legacy)
        user = User.objects.create_user("old-reader")
        user.user_permissions.add(legacy)
    finally:
        migrate(AFTER)
    assert not Permission.objects.filter(codename="view_releasetranslation").exists()
    current = Permission.objects.get(content_type=content_type, codename="view_releasetermfindings")
    assert list(group.permissions.all()) == [current]
    assert list(user.user_permissions.all()) == [current]
