"""Clinic managers keep products' safety information: they may view, add and edit products.

Editors choose products on treatment pages but cannot change them: a product's safety text is
the manufacturer's, quoted by whoever the clinic trusts with it. Deleting a product is left to
superusers.
"""

from django.db import migrations

MANAGERS = "Clinic managers"
ACTIONS = ("view", "add", "change")


def forwards(apps, schema_editor):
    # Permissions of new models are only created after migrate finishes: create them here.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="products", model="product")
    managers, _ = Group.objects.get_or_create(name=MANAGERS)
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_product", defaults={"name": f"Can {action} product"}
        )
        managers.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("products", "0001_product"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Reversing leaves the permissions: the clinic may have given them itself.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
