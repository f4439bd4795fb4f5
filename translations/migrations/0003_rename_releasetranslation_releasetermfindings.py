from django.db import migrations

OLD, NEW = "releasetranslation", "releasetermfindings"


def rename_permissions(apps, schema_editor):
    """Keep existing groups' access: rename the proxy's default permissions in place.

    RenameModel already renamed the content type; the permission rows keep their codenames
    unless renamed here (a fresh database has none yet: post_migrate creates them).
    """
    Permission = apps.get_model("auth", "Permission")
    for action in ("add", "change", "delete", "view"):
        for permission in Permission.objects.filter(
            content_type__app_label="translations", codename=f"{action}_{OLD}"
        ):
            if not Permission.objects.filter(
                content_type=permission.content_type, codename=f"{action}_{NEW}"
            ).exists():
                permission.codename = f"{action}_{NEW}"
                permission.name = f"Can {action} release term findings"
                permission.save(update_fields=["codename", "name"])


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("translations", "0002_finding_message_template"),
    ]

    operations = [
        migrations.RenameModel(old_name="ReleaseTranslation", new_name="ReleaseTermFindings"),
        migrations.AlterModelOptions(
            name="releasetermfindings",
            options={
                "permissions": [
                    ("view_releasetranslation", "Can view release term findings (old name)")
                ],
                "verbose_name": "release term findings",
                "verbose_name_plural": "release term findings",
            },
        ),
        migrations.RunPython(rename_permissions, migrations.RunPython.noop),
    ]
