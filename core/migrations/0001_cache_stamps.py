import django.utils.timezone
from django.db import migrations, models


def create_sequence(apps, schema_editor):
    # The row every change increments: the sequence its stamps take their versions from.
    apps.get_model("core", "CacheStamp").objects.create(tag="*", version=0, changed_at=django.utils.timezone.now())


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="CacheStamp",
            fields=[
                ("tag", models.CharField(max_length=255, primary_key=True, serialize=False)),
                ("version", models.BigIntegerField(default=0)),
                ("changed_at", models.DateTimeField()),
            ],
            options={"verbose_name": "cache stamp"},
        ),
        migrations.RunPython(create_sequence, migrations.RunPython.noop),
    ]
