"""ClinicSettings and Practitioner now belong to the ``clinic`` app (see clinic 0001).

State only: the rows stay, and the database foreign key of ``reviewed_by`` already points
at the practitioners' table, which clinic 0002 renames (the key follows the table).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0001_initial"),
        ("treatments", "0004_optional_lists_start_empty"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="treatmentpage",
                    name="reviewed_by",
                    field=models.ForeignKey(blank=True, help_text="The practitioner who last reviewed this page medically.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="reviewed_treatments", to="clinic.practitioner"),
                ),
                migrations.DeleteModel(name="ClinicSettings"),
                migrations.DeleteModel(name="Practitioner"),
            ],
        ),
    ]
