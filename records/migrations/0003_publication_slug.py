from django.db import migrations, models


def fill_slugs(apps, schema_editor):
    Publication = apps.get_model("records", "Publication")
    for publication in Publication.objects.select_related("revision"):
        publication.slug = publication.revision.snapshot["slug"]
        publication.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("records", "0002_revision_immutable")]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="slug",
            field=models.SlugField(default="", max_length=200, verbose_name="slug"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(fields=["slug", "language"], name="records_pub_slug_lang_idx"),
        ),
    ]
