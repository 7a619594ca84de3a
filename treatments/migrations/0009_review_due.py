"""Store each treatment page's review due date (last_reviewed + review_interval_months).

Reports (the dashboard's Medical review panel) filter and order by it in the database; month
arithmetic differs per database backend, a stored date does not. ``TreatmentPage.save()`` keeps
it from now on; this fills it for existing pages, one UPDATE per distinct (date, interval) pair.
"""

from dateutil.relativedelta import relativedelta
from django.db import migrations, models


def fill_review_due(apps, schema_editor):
    TreatmentPage = apps.get_model("treatments", "TreatmentPage")
    pairs = (
        TreatmentPage.objects.filter(last_reviewed__isnull=False)
        .values_list("last_reviewed", "review_interval_months")
        .distinct()
    )
    for last_reviewed, months in list(pairs):
        TreatmentPage.objects.filter(last_reviewed=last_reviewed, review_interval_months=months).update(
            review_due=last_reviewed + relativedelta(months=months)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0008_treatment_performed_by"),
    ]

    operations = [
        migrations.AddField(
            model_name="treatmentpage",
            name="review_due",
            field=models.DateField(
                blank=True,
                db_index=True,
                editable=False,
                help_text="When the next medical review falls due (worked out from the last review).",
                null=True,
                verbose_name="Review due",
            ),
        ),
        migrations.RunPython(fill_review_due, migrations.RunPython.noop),
    ]
