"""ClinicSettings and Practitioner move here from ``treatments``: the models only, not the data.

Their tables and rows stay where they are: this migration creates the two models in
Django's state only (``SeparateDatabaseAndState``), still on the tables ``treatments``
made, ``treatments_clinicsettings`` and ``treatments_practitioner``. ``treatments`` 0005
then forgets its copies, and 0002 here renames the tables and relabels the content types.
"""

import django.core.validators
import django.db.models.deletion
import modelsearch.index
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        # The tables exist, with every column, from treatments 0001-0004.
        ("treatments", "0004_optional_lists_start_empty"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="ClinicSettings",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(help_text="The clinic's name as patients know it.", max_length=200)),
                        ("phone", models.CharField(help_text="Shown on every page, e.g. 503-850-0414.", max_length=30, validators=[django.core.validators.RegexValidator("^\\+?[0-9][0-9 ().-]{6,}$", "Enter a phone number of digits, spaces, dashes or dots, e.g. 503-850-0414.")])),
                        ("public_email", models.EmailField(blank=True, help_text="Public contact address, if any.", max_length=254)),
                        ("notification_email", models.EmailField(blank=True, help_text="Where new consultation requests are sent. Never shown publicly.", max_length=254)),
                        ("street_address", models.CharField(blank=True, help_text="Street and number, as on the clinic's sign.", max_length=200)),
                        ("city", models.CharField(blank=True, help_text="e.g. Portland", max_length=100)),
                        ("region", models.CharField(blank=True, help_text="State or region, e.g. OR.", max_length=100)),
                        ("postal_code", models.CharField(blank=True, help_text="ZIP or postal code.", max_length=20)),
                        ("country", models.CharField(default="US", help_text="Two-letter country code.", max_length=2)),
                        ("consultation_url", models.CharField(default="/consultation/", help_text="Where 'Schedule Consultation' leads.", max_length=300)),
                        ("consultation_label", models.CharField(default="Schedule Consultation", help_text="The words on every booking button.", max_length=60)),
                        ("site", models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site")),
                    ],
                    options={
                        "verbose_name": "clinic details",
                        "verbose_name_plural": "clinic details",
                        "db_table": "treatments_clinicsettings",
                    },
                ),
                migrations.CreateModel(
                    name="Practitioner",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(help_text="As patients address them, e.g. Dr. Michael Kim.", max_length=200)),
                        ("credentials", models.CharField(blank=True, help_text="e.g. MD, board certification.", max_length=100)),
                        ("job_title", models.CharField(blank=True, help_text="e.g. Injector, BOTOX Portland.", max_length=200)),
                        ("bio", models.TextField(blank=True, help_text="A short introduction for patients.", max_length=2000)),
                        ("photo", models.ForeignKey(blank=True, help_text="A friendly portrait; its description is read aloud to blind visitors.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailimages.image")),
                        ("user", models.OneToOneField(blank=True, help_text="The practitioner's admin login: their approvals in the medical review are signed with this profile.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="practitioner", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "ordering": ["name"],
                        "db_table": "treatments_practitioner",
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
    ]
