"""Give the moved models their own tables and content types, keeping every row and every id.

- Tables: ``treatments_practitioner`` -> ``clinic_practitioner`` and ``treatments_clinicsettings``
  -> ``clinic_clinicsettings`` (a rename: foreign keys follow on SQLite and PostgreSQL).
- Content types: the existing rows are relabelled ``treatments`` -> ``clinic`` in place, so
  everything that points at them by id keeps pointing at the right model: permissions and
  group permissions, revisions, log entries, the reference index, search index entries.
  Creating new content types instead would orphan all of that.
"""

from django.db import migrations

MODELS = ["practitioner", "clinicsettings"]


def relabel(old_app_label, new_app_label):
    def run(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_types = ContentType.objects.using(schema_editor.connection.alias)
        for model in MODELS:
            if not content_types.filter(app_label=old_app_label, model=model).exists():
                continue  # never created (post_migrate will), or relabelled already
            # A row under the new label can only come from code that ran ahead of this migration
            # (a request during a deploy: ``get_for_model`` creates what it does not find). The old
            # row is the one permissions, revisions and references point at: keep it, drop the stray.
            content_types.filter(app_label=new_app_label, model=model).delete()
            content_types.filter(app_label=old_app_label, model=model).update(app_label=new_app_label)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0001_initial"),
        # treatments no longer has these models in its state.
        ("treatments", "0005_clinic_models_move_to_clinic"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="clinicsettings", table=None),
        migrations.AlterModelTable(name="practitioner", table=None),
        migrations.RunPython(relabel("treatments", "clinic"), relabel("clinic", "treatments")),
    ]
