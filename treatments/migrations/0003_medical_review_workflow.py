"""The "Medical review" workflow, its "Practitioners" group and who may edit practitioners and clinic details.

- Practitioners: admin access, may view and edit practitioner profiles; on every /treatments/
  index that exists now, may add, edit and publish pages (approving a review publishes).
  Index pages created later get the same through treatments.workflow.
- Clinic managers: admin access, manage practitioners (and link their logins) and edit
  Settings > Clinic details.
- Editors (Wagtail's group): may view practitioners, to choose them in testimonials;
  they cannot change practitioners or clinic details.
- A GroupApprovalTask "Practitioner approval" for the Practitioners group, in a workflow
  "Medical review" assigned to the /treatments/ index pages.
"""

from django.db import migrations

WORKFLOW = "Medical review"
TASK = "Practitioner approval"
PRACTITIONERS = "Practitioners"
MANAGERS = "Clinic managers"
EDITORS = "Editors"


def permission(apps, app_label, model, codename, name):
    # Permissions of new models are only created after migrate finishes: create them here.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    TreatmentIndexPage = apps.get_model("treatments", "TreatmentIndexPage")

    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    practitioner_perms = {
        action: permission(apps, "treatments", "practitioner", f"{action}_practitioner", f"Can {action} practitioner")
        for action in ["add", "change", "delete", "view"]
    }
    clinic_details = permission(apps, "treatments", "clinicsettings", "change_clinicsettings", "Can change clinic details")
    page_perms = [
        permission(apps, "wagtailcore", "page", codename, name)
        for codename, name in [("add_page", "Can add page"), ("change_page", "Can change page"), ("publish_page", "Can publish page")]
    ]

    practitioners, _ = Group.objects.get_or_create(name=PRACTITIONERS)
    practitioners.permissions.add(access_admin, practitioner_perms["view"], practitioner_perms["change"])
    managers, _ = Group.objects.get_or_create(name=MANAGERS)
    managers.permissions.add(access_admin, clinic_details, *practitioner_perms.values())
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(practitioner_perms["view"])

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.add(practitioners)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    for index in TreatmentIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})
        for perm in page_perms:
            GroupPagePermission.objects.get_or_create(group=practitioners, page_id=index.pk, permission=perm)


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0002_practitioner_login_and_clinic_help_text"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Reversing leaves the groups and workflow in place: they may hold the clinic's own changes.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
