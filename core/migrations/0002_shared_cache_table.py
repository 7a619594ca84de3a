from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0001_cache_stamps")]

    operations = [
        migrations.CreateModel(
            name="SharedCacheEntry",
            fields=[
                ("cache_key", models.CharField(max_length=255, primary_key=True, serialize=False)),
                ("value", models.TextField()),
                ("expires", models.DateTimeField(db_index=True)),
            ],
            options={"db_table": "cms_cache", "verbose_name": "shared cache entry"},
        ),
    ]
