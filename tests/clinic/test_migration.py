"""Moving ClinicSettings and Practitioner from ``treatments`` to ``clinic`` keeps every row and reference.

A database holding the demo content is taken back to the layout before the move, more content
is written there with the models of that time, and the database is migrated forward again.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import ModelLogEntry, ReferenceIndex

from clinic.models import ClinicSettings, Practitioner
from treatments.models import TreatmentPage

# The last treatments migration before the move; clinic did not exist.
BEFORE_THE_MOVE = ("treatments", "0004_optional_lists_start_empty")


def migrate(targets):
    """Migrate to ``targets``; return the executor, its graph reloaded."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    # Content types were relabelled under the cache's feet.
    ContentType.objects.clear_cache()
    return executor


def old_layout(executor):
    """Every app at its latest migration, except treatments (before the move) and clinic (absent)."""
    graph = executor.loader.graph
    nodes = [BEFORE_THE_MOVE] + [node for node in graph.leaf_nodes() if node[0] not in ("treatments", "clinic")]
    for node in nodes:
        assert not any(app == "clinic" for app, _ in graph.forwards_plan(node)), f"{node} needs clinic"
    return nodes


def add_treatment_page(apps, parent, title, slug, **fields):
    """A live treatment page under ``parent``, written with historical models (no treebeard API)."""
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TreatmentPage = apps.get_model("treatments", "TreatmentPage")
    last_child = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    step = int(last_child.path[-4:], 36) + 1 if last_child else 1
    page = TreatmentPage.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        path=parent.path + base36(step).rjust(4, "0"),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=True,
        locale_id=parent.locale_id,
        content_type=ContentType.objects.get(app_label="treatments", model="treatmentpage"),
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    return page


def base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


@pytest.fixture
def content_types_known_again():
    """After the test, the content-type cache holds every model again.

    The test empties the cache (content types are relabelled under it). The next test restores
    the database from its snapshot with raw saves, and a handler asking for a content type then
    would insert a row the snapshot is about to insert with its own id.
    """
    yield
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_moving_clinic_models_keeps_the_demo_content(reviewed_demo, content_types_known_again):
    demo = reviewed_demo
    kim = demo.reviewed_by
    assert kim is not None and kim.name == "Dr. Michael Kim"
    practitioner_type_id = ContentType.objects.get_for_model(Practitioner).pk
    clinic_type_id = ContentType.objects.get_for_model(ClinicSettings).pk
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor = migrate([*old_layout(executor), ("clinic", None)])
        tables = connection.introspection.table_names()
        assert "treatments_practitioner" in tables and "clinic_practitioner" not in tables
        old = executor.loader.project_state(old_layout(executor)).apps
        # Code already deployed, database not yet migrated: a request creates a stray content type.
        assert ContentType.objects.get_for_model(Practitioner).pk != practitioner_type_id

        # Content written with the models as they were before the move.
        OldContentType = old.get_model("contenttypes", "ContentType")
        OldPractitioner = old.get_model("treatments", "Practitioner")
        old_practitioner_type = OldContentType.objects.get(app_label="treatments", model="practitioner")
        assert old_practitioner_type.pk == practitioner_type_id
        assert OldContentType.objects.get(app_label="treatments", model="clinicsettings").pk == clinic_type_id
        assert OldPractitioner.objects.get(pk=kim.pk).name == "Dr. Michael Kim"
        lee = OldPractitioner.objects.create(name="Dr. Ana Lee", credentials="MD", job_title="Injector")
        old.get_model("treatments", "ClinicSettings").objects.update(phone="503-555-0123")
        index = old.get_model("wagtailcore", "Page").objects.get(pk=demo.get_parent().pk)
        testimonial = {
            "quote": "Gentle and clear.",
            "attribution": "Ana's patient",
            "practitioner": lee.pk,
            "consent_on_file": True,
            "consent_date": "2026-01-05",
            "consent_method": "written",
            "material_connection": False,
        }
        page = add_treatment_page(
            old,
            index,
            "Fillers",
            "fillers",
            summary="Dermal fillers.",
            reviewed_by=lee,
            body=[{"type": "testimonial", "value": testimonial, "id": "7d3a9c1e-0000-4000-8000-000000000001"}],
        )
        front_desk = old.get_model("auth", "Group").objects.create(name="Front desk")
        front_desk.permissions.add(
            old.get_model("auth", "Permission").objects.get(
                content_type=old_practitioner_type, codename="change_practitioner"
            )
        )
        old.get_model("wagtailcore", "ModelLogEntry").objects.create(
            content_type=old_practitioner_type,
            label="Dr. Ana Lee",
            action="wagtail.create",
            object_id=str(lee.pk),
            timestamp=timezone.now(),
        )
    finally:
        migrate(latest)

    tables = connection.introspection.table_names()
    assert {"clinic_practitioner", "clinic_clinicsettings"} <= set(tables)
    assert not {"treatments_practitioner", "treatments_clinicsettings"} & set(tables)
    connection.check_constraints(table_names=["treatments_treatmentpage", "clinic_practitioner"])

    # The same content types, relabelled: nothing that points at them by id lost its target.
    assert ContentType.objects.get_for_model(Practitioner).pk == practitioner_type_id
    assert ContentType.objects.get_for_model(ClinicSettings).pk == clinic_type_id
    assert not ContentType.objects.filter(app_label="treatments", model__in=["practitioner", "clinicsettings"])

    # Rows, ids and the reviewer foreign keys.
    assert Practitioner.objects.get(pk=kim.pk).name == "Dr. Michael Kim"
    assert Practitioner.objects.get(pk=lee.pk).job_title == "Injector"
    assert ClinicSettings.objects.get().phone == "503-555-0123"
    assert TreatmentPage.objects.get(pk=demo.pk).reviewed_by_id == kim.pk
    fillers = TreatmentPage.objects.get(pk=page.pk)
    assert fillers.reviewed_by.name == "Dr. Ana Lee"
    assert list(Practitioner.objects.get(pk=lee.pk).reviewed_treatments.all()) == [fillers]

    # The snippet chooser in a page body finds the practitioner in its new home.
    chosen = fillers.body[0].value["practitioner"]
    assert isinstance(chosen, Practitioner) and chosen.pk == lee.pk
    demo_testimonials = [
        block.value for block in TreatmentPage.objects.get(pk=demo.pk).body if block.block_type == "testimonial"
    ]
    assert demo_testimonials and all(value["practitioner"] == kim for value in demo_testimonials)

    # Permissions: the group keeps its permission, now clinic.change_practitioner.
    permission = Permission.objects.get(content_type_id=practitioner_type_id, codename="change_practitioner")
    assert permission in Group.objects.get(name="Front desk").permissions.all()
    user = User.objects.create_user("desk", password="x")
    user.groups.add(Group.objects.get(name="Front desk"))
    assert user.has_perm("clinic.change_practitioner")
    assert Group.objects.get(name="Clinic managers").permissions.filter(codename="add_practitioner").exists()

    # Log entries and the reference index still point at the practitioners.
    assert ModelLogEntry.objects.filter(content_type_id=practitioner_type_id, object_id=str(lee.pk)).exists()
    referencing_pages = {reference.object_id for reference in ReferenceIndex.get_references_to(kim)}
    assert str(demo.pk) in referencing_pages
