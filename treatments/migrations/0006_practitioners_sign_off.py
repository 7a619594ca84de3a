"""Practitioners sign off treatment pages; Clinic managers may correct the review record.

- The "Practitioner approval" task of the "Medical review" workflow becomes a
  PractitionerApprovalTask (treatments.review_task) in place: the same task row, its groups
  and any review in progress are kept; only its type changes, so superusers and group members
  without a linked practitioner profile can no longer approve.
- A permission "Can correct the medical review record", given to Clinic managers, who also get
  "change page" on every /treatments/ index so they can reach the Medical review tab.
"""

import django.db.models.deletion
from django.db import migrations, models

WORKFLOW = "Medical review"
MANAGERS = "Clinic managers"


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    PractitionerApprovalTask = apps.get_model("treatments", "PractitionerApprovalTask")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    TreatmentIndexPage = apps.get_model("treatments", "TreatmentIndexPage")

    group_task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    practitioner_task_type, _ = ContentType.objects.get_or_create(app_label="treatments", model="practitionerapprovaltask")
    for task in Task.objects.filter(workflow_tasks__workflow__name=WORKFLOW, content_type=group_task_type):
        # A child row for the existing task: saving it keeps the parent rows (name, groups, states).
        PractitionerApprovalTask(
            pk=task.pk,
            task_ptr_id=task.pk,
            groupapprovaltask_ptr_id=task.pk,
            name=task.name,
            active=task.active,
            content_type=practitioner_task_type,
        ).save()

    page_type, _ = ContentType.objects.get_or_create(app_label="treatments", model="treatmentpage")
    correct, _ = Permission.objects.get_or_create(
        content_type=page_type,
        codename="correct_medical_review",
        defaults={"name": "Can correct the medical review record"},
    )
    wagtail_page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    change_page, _ = Permission.objects.get_or_create(
        content_type=wagtail_page_type, codename="change_page", defaults={"name": "Can change page"}
    )
    managers = Group.objects.filter(name=MANAGERS).first()
    if managers is None:
        return  # removed on purpose by the clinic
    managers.permissions.add(correct)
    for index in TreatmentIndexPage.objects.all():
        GroupPagePermission.objects.get_or_create(group=managers, page_id=index.pk, permission=change_page)


def backwards(apps, schema_editor):
    # The task table goes with this migration: hand the task back to Wagtail's own type first.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    group_task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    Task.objects.filter(content_type__app_label="treatments", content_type__model="practitionerapprovaltask").update(
        content_type=group_task_type
    )


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0005_clinic_models_move_to_clinic"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PractitionerApprovalTask",
            fields=[
                (
                    "groupapprovaltask_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.groupapprovaltask",
                    ),
                ),
            ],
            options={
                "verbose_name": "practitioner approval task",
                "verbose_name_plural": "practitioner approval tasks",
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.AlterModelOptions(
            name="treatmentpage",
            options={
                "permissions": [("correct_medical_review", "Can correct the medical review record")],
                "verbose_name": "treatment page",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
