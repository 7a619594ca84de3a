"""Clinic managers keep the clinic's photo authorizations: view, add and change (which includes revoking).

Nobody else gets a permission on them: Editors choose an authorization in a before-and-after
block through the chooser, which needs none and shows only its label and status. Nobody but a
superuser deletes one (the record of what a patient signed is kept, revoked or expired).
"""

from django.db import migrations

MANAGERS = "Clinic managers"
CODENAMES = ("view_photoauthorization", "add_photoauthorization", "change_photoauthorization")


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    managers = Group.objects.filter(name=MANAGERS).first()
    if managers is None:
        return  # removed on purpose by the clinic
    content_type, _ = ContentType.objects.get_or_create(app_label="photos", model="photoauthorization")
    for codename in CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} photo authorization"},
        )
        managers.permissions.add(permission)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    managers = Group.objects.filter(name=MANAGERS).first()
    if managers is not None:
        managers.permissions.remove(
            *Permission.objects.filter(content_type__app_label="photos", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("photos", "0001_photo_authorization"),
        # The Clinic managers group is created there.
        ("treatments", "0003_medical_review_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
