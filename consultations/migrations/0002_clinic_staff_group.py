"""Create the "Clinic staff" group: admin access plus viewing, working and deleting consultation requests.

Page editors ("Editors", "Moderators") get none of these, so they never see the inbox.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Clinic staff"
CODENAMES = ["view_consultationrequest", "change_consultationrequest", "delete_consultationrequest"]


def create_clinic_staff(apps, schema_editor):
    # Permissions are normally created after all migrations ran; this migration needs them now.
    app_config = apps.get_app_config("consultations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="consultations", codename__in=CODENAMES),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


def remove_clinic_staff(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_clinic_staff, remove_clinic_staff)]
