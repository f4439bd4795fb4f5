from django.db import migrations, models


def fill_match_forms(apps, schema_editor):
    from translations.glossary.services import term_match_forms_refresh

    term_match_forms_refresh(apps.get_model("translations", "Term"))


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0006_pending_check"),
    ]

    operations = [
        migrations.AddField(
            model_name="term",
            name="match_forms",
            field=models.JSONField(
                blank=True, default=dict, editable=False, verbose_name="match forms"
            ),
        ),
        migrations.RunPython(fill_match_forms, migrations.RunPython.noop),
    ]
