"""Who may publish, approve a medical review and stamp the review record: one real login per role.

Every user is in groups the migrations create (Wagtail's Editors and Moderators, Practitioners,
Clinic managers, Clinic staff) or is a superuser without a practitioner profile; after each
POST the database says what happened.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from clinic.models import Practitioner
from home.models import HomePage
from treatments.models import TreatmentPage

from .editorial import make_user, page_form, patient_quote
from .factories import make_treatment

pytestmark = pytest.mark.django_db

ROLES = ["editor", "moderator", "practitioner", "manager", "staff", "superuser"]


@pytest.fixture
def users(demo, django_user_model):
    chief = django_user_model.objects.create_superuser("chief", "chief@clinic.test", "pw")
    return {
        "editor": make_user("erin", "Editors"),
        "moderator": make_user("mo", "Moderators"),
        "practitioner": make_user("dr-kim", "Practitioners", practitioner="Dr. Michael Kim"),
        "manager": make_user("max", "Clinic managers"),
        "staff": make_user("reception", "Clinic staff"),
        "superuser": chief,  # no practitioner profile
    }


@pytest.fixture
def peel(treatment_index):
    return make_treatment(treatment_index, title="Chemical peel", slug="chemical-peel", body=[])


def edit(client, page, user, **fields):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), page_form([patient_quote()], **fields))


@pytest.mark.parametrize("role", ROLES)
def test_only_a_practitioner_publishes_from_the_edit_view(client, users, peel, role):
    response = edit(client, peel, users[role], action="publish", title="Chemical peel, renewed")
    assert response.status_code == 302
    peel.refresh_from_db()
    assert (peel.title == "Chemical peel, renewed") is (role == "practitioner")
    if role in ("editor", "moderator", "manager", "superuser"):
        # They may edit: the change waits as a draft for Medical review.
        assert peel.get_latest_revision_as_object().title == "Chemical peel, renewed"


@pytest.mark.parametrize("role", ROLES)
def test_only_a_practitioner_publishes_a_new_treatment(client, users, treatment_index, role):
    client.force_login(users[role])
    add = reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", treatment_index.pk))
    client.post(add, page_form([patient_quote()], action="publish"))
    page = TreatmentPage.objects.filter(slug="chemical-peel").first()
    assert (page is not None and page.live) is (role == "practitioner")


@pytest.mark.parametrize("role", ROLES)
def test_only_a_practitioner_publishes_with_the_bulk_action(client, users, peel, role):
    peel.title = "Chemical peel, bulk"
    peel.save_revision()
    client.force_login(users[role])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={peel.pk}", {"include_descendants": ""})
    peel.refresh_from_db()
    assert (peel.title == "Chemical peel, bulk") is (role == "practitioner")


def test_code_that_names_a_user_is_held_to_the_same_rule(users, peel):
    # Page.publish(user=...) asks the same permission tester; code that names no user (scheduled
    # publishing, the demo loader, management commands) is trusted, as in Wagtail.
    peel.title = "By code"
    revision = peel.save_revision()
    with pytest.raises(PermissionDenied):
        revision.publish(user=users["moderator"])
    revision.publish(user=users["practitioner"])
    peel.refresh_from_db()
    assert peel.title == "By code"


def submit(client, treatment_index, editor):
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", treatment_index.pk))
    assert client.post(add, page_form([patient_quote()], action="submit")).status_code == 302
    return TreatmentPage.objects.get(slug="chemical-peel")


@pytest.mark.parametrize("role", ROLES)
def test_only_a_practitioner_approves_the_medical_review(client, users, treatment_index, role):
    page = submit(client, treatment_index, users["editor"])
    task_state = page.current_workflow_state.current_task_state
    client.force_login(users[role])
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    approved = role == "practitioner"
    assert page.live is approved
    assert (page.reviewed_by == Practitioner.objects.get(name="Dr. Michael Kim")) is approved
    assert (page.last_reviewed == timezone.localdate()) is approved


def test_a_superuser_is_told_why_they_cannot_approve_and_whom_to_ask(client, users, treatment_index):
    page = submit(client, treatment_index, users["editor"])
    client.force_login(users["superuser"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(edit_url).content.decode()
    assert "Only a practitioner with a linked profile can approve a medical review" in html
    assert "Ask Dr. Michael Kim (dr-kim)." in html
    assert 'data-workflow-action-name="approve"' not in html  # no Approve button
    # Approving through the edit form anyway: refused with the same message, nothing published.
    data = page_form([patient_quote()], title="Chemical peel")
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = client.post(edit_url, data, follow=True)
    assert "Only a practitioner with a linked profile" in response.content.decode()
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state.status == "in_progress"


@pytest.mark.parametrize("role", ROLES)
def test_only_a_clinic_manager_or_superuser_sets_the_review_record(client, users, peel, role):
    kim = Practitioner.objects.get(name="Dr. Michael Kim")
    response = edit(client, peel, users[role], reviewed_by=str(kim.pk), last_reviewed="2026-01-15")
    assert response.status_code == 302
    peel.refresh_from_db()
    draft = peel.get_latest_revision_as_object()
    corrected = role in ("manager", "superuser")
    assert (draft.reviewed_by_id == kim.pk) is corrected
    assert (draft.last_reviewed == datetime.date(2026, 1, 15)) is corrected
    entries = PageLogEntry.objects.filter(page=peel, action="treatments.correct_medical_review")
    if corrected:
        (entry,) = entries
        assert entry.user == users[role]
        assert {c["field"]: (c["old"], c["new"]) for c in entry.data["changes"]} == {
            "reviewed_by": ("", str(kim)),
            "last_reviewed": ("", "2026-01-15"),
        }
        assert "Reviewed by: 'none' → 'Dr. Michael Kim" in entry.message
    else:
        assert not entries.exists()


def test_review_record_is_read_only_for_editors(client, users, peel):
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[peel.pk])).content.decode()
    assert "Reviewed by" in html and "Last reviewed" in html
    assert 'name="reviewed_by"' not in html and 'name="last_reviewed"' not in html
    client.force_login(users["manager"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[peel.pk])).content.decode()
    assert 'name="reviewed_by"' in html and 'name="last_reviewed"' in html


@pytest.fixture
def marketing(demo):
    """A group a clinic adds itself, with every page right on the whole tree (publish included)."""
    group = Group.objects.create(name="Marketing")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(group=group, page=root, permission=Permission.objects.get(codename=codename))
    return make_user("mia", "Marketing")


def test_a_group_the_clinic_adds_publishes_elsewhere_but_not_treatment_pages(client, marketing, peel):
    home = HomePage.objects.get()
    client.force_login(marketing)
    home_form = nested_form_data(
        {"title": "Welcome", "slug": home.slug, "intro": "", "featured_treatments": inline_formset([])}
    )
    home_form.update({"comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0", "action-publish": "publish"})
    assert client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), home_form).status_code == 302
    assert HomePage.objects.get().title == "Welcome"  # its right to publish holds outside Treatments
    edit(client, peel, marketing, action="publish", title="Chemical peel, renewed")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={peel.pk}", {"include_descendants": ""})
    peel.refresh_from_db()
    assert peel.title == "Chemical peel" and peel.has_unpublished_changes


def test_publish_copies_is_a_practitioners_right_too(client, users, demo):
    form = {
        "new_title": "BOTOX copy",
        "new_slug": "botox-copy",
        "new_parent_page": str(demo.get_parent().pk),
        "publish_copies": "on",
        "alias": "",
    }
    url = reverse("wagtailadmin_pages:copy", args=[demo.pk])
    client.force_login(users["moderator"])
    response = client.post(url, form)
    # Refused on the form, with Wagtail's reason; no copy is made.
    assert response.status_code == 200
    assert "You do not have permission to publish pages at" in response.content.decode()
    assert not TreatmentPage.objects.filter(slug="botox-copy").exists()
    client.force_login(users["practitioner"])
    assert client.post(url, form).status_code == 302
    assert TreatmentPage.objects.get(slug="botox-copy").live
