from django.db import migrations

LEGACY, CURRENT = "view_releasetranslation", "view_releasetermfindings"


def remove_legacy_view_permission(apps, schema_editor):
    """Delete the old-name view permission; whoever held it keeps access through the new one.

    A fresh database has neither row yet (post_migrate creates permissions), so this is a
    no-op there.
    """
    Permission = apps.get_model("auth", "Permission")
    legacy = Permission.objects.filter(content_type__app_label="translations", codename=LEGACY)
    current = Permission.objects.filter(
        content_type__app_label="translations", codename=CURRENT
    ).first()
    if current is not None:
        for permission in legacy:
            for group in permission.group_set.all():
                group.permissions.add(current)
            for user in permission.user_set.all():
                user.user_permissions.add(current)
    legacy.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("translations", "0004_review"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="releasetermfindings",
            options={
                "verbose_name": "release term findings",
                "verbose_name_plural": "release term findings",
            },
        ),
        migrations.RunPython(remove_legacy_view_permission, migrations.RunPython.noop),
    ]
