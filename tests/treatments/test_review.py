"""Medical review: due dates, the dashboard panel, the explorer column and the Medical review workflow."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow, WorkflowPage

from clinic.models import Practitioner
from treatments import review, workflow
from treatments.models import TreatmentIndexPage, TreatmentPage

from .editorial import make_user, page_form, patient_quote
from .factories import faq_block, make_treatment

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)


def page(last_reviewed, months=12):
    return TreatmentPage(title="x", last_reviewed=last_reviewed, review_interval_months=months)


@pytest.mark.parametrize(
    ("last_reviewed", "months", "due", "state"),
    [
        (None, 12, None, review.OVERDUE),  # never reviewed
        (datetime.date(2025, 11, 24), 12, datetime.date(2026, 11, 24), review.OVERDUE),
        (datetime.date(2025, 11, 25), 12, datetime.date(2026, 11, 25), review.DUE_SOON),  # due today
        (datetime.date(2025, 12, 25), 12, datetime.date(2026, 12, 25), review.DUE_SOON),  # in 30 days
        (datetime.date(2025, 12, 26), 12, datetime.date(2026, 12, 26), review.CURRENT),  # in 31 days
        (datetime.date(2026, 8, 31), 3, datetime.date(2026, 11, 30), review.DUE_SOON),  # month ends clamp
        (datetime.date(2026, 11, 1), 12, datetime.date(2027, 11, 1), review.CURRENT),  # the demo page
    ],
)
def test_due_date_and_state(last_reviewed, months, due, state):
    treatment = page(last_reviewed, months)
    assert review.review_due_date(treatment) == due
    assert review.review_state(treatment, today=TODAY) == state


@pytest.fixture
def due_pages(treatment_index):
    today = timezone.localdate()
    return {
        "never": make_treatment(treatment_index, title="Peel", body=[faq_block()]),
        "overdue": make_treatment(treatment_index, title="Filler", last_reviewed=today.replace(year=today.year - 2)),
        "soon": make_treatment(treatment_index, title="Laser", last_reviewed=today - datetime.timedelta(days=365 - 10)),
        "current": make_treatment(treatment_index, title="Microneedling", last_reviewed=today),
        "draft": make_treatment(treatment_index, title="Draft", publish=False),
    }


def test_pages_needing_review_most_urgent_first(reviewed_demo, due_pages, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        titles = [p.title for p in workflow.pages_needing_review()]
    assert titles == ["Peel", "Filler", "Laser"]


def test_dashboard_panel_lists_due_pages_with_edit_links(reviewed_demo, due_pages, admin_client):
    soup = BeautifulSoup(admin_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = soup.find(id="medical-review-section")
    assert panel is not None, "no Medical review panel on the dashboard"
    rows = [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in panel.select("tbody tr")]
    assert [row[0] for row in rows] == ["Edit Peel", "Edit Filler", "Edit Laser"]
    assert rows[0][1:3] == ["Review overdue", "Never reviewed"]
    assert rows[2][1] == "Review due soon"
    links = [a["href"] for a in panel.select("tbody a")]
    assert links == [reverse("wagtailadmin_pages:edit", args=[due_pages[k].pk]) for k in ("never", "overdue", "soon")]


def test_dashboard_panel_says_when_all_is_current(reviewed_demo, admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Every treatment page is within its review interval." in html


def test_explorer_shows_review_state_of_each_treatment(reviewed_demo, due_pages, admin_client, treatment_index):
    response = admin_client.get(reverse("wagtailadmin_explore", args=[treatment_index.pk]))
    soup = BeautifulSoup(response.content, "html.parser")
    headers = [th.get_text(" ", strip=True) for th in soup.select("thead th")]
    assert "Medical review" in headers and "Reviewed by" in headers
    text = " ".join(soup.select_one("tbody").get_text(" ").split())
    due = review.review_due_date(due_pages["current"])
    assert f"Reviewed, due {due:%-d %b %Y}" in text
    assert "Review overdue, never reviewed" in text
    assert "Review due soon" in text
    assert "Dr. Michael Kim" in text  # the BOTOX page's reviewer


# The Medical review workflow.


def test_migration_created_the_workflow_on_the_treatments_section(demo, treatment_index):
    workflow = Workflow.objects.get(name="Medical review")
    (task,) = [t.specific for t in workflow.tasks]
    assert [g.name for g in task.groups.all()] == ["Practitioners"]
    assert WorkflowPage.objects.get(page=treatment_index).workflow == workflow
    assert demo.get_workflow() == workflow


def test_a_new_treatments_index_gets_the_workflow(demo):
    home = demo.get_parent().get_parent()
    TreatmentIndexPage.objects.filter(pk=demo.get_parent().pk).delete()
    index = home.add_child(instance=TreatmentIndexPage(title="Treatments", slug="treatments"))
    assert WorkflowPage.objects.get(page=index).workflow.name == "Medical review"


def submit_and_approve(client, treatment_index, editor, approver):
    """An editor creates a page and submits it; ``approver`` approves the review task."""
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=("treatments", "treatmentpage", treatment_index.pk))
    response = client.post(add, page_form([patient_quote()], action="submit"))
    assert response.status_code == 302
    treatment = TreatmentPage.objects.get(slug="chemical-peel")
    assert not treatment.live
    state = treatment.current_workflow_state
    assert state.workflow.name == "Medical review"
    client.force_login(approver)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[treatment.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Checked against the leaflet."})
    assert response.status_code in (200, 302), response.content[:500]
    treatment.refresh_from_db()
    return treatment


def test_practitioner_approval_publishes_and_stamps_the_review(demo, treatment_index, client):
    editor = make_user("erin", "Editors")
    practitioner_user = make_user("dr-kim", "Practitioners", practitioner="Dr. Michael Kim")
    treatment = submit_and_approve(client, treatment_index, editor, practitioner_user)
    assert treatment.live
    assert treatment.last_reviewed == timezone.localdate()
    assert treatment.reviewed_by == Practitioner.objects.get(name="Dr. Michael Kim")
    assert not treatment.has_unpublished_changes
    # The stamp is in the published revision too, so the next edit keeps it.
    latest = treatment.get_latest_revision_as_object()
    assert latest.last_reviewed == timezone.localdate() and latest.reviewed_by_id == treatment.reviewed_by_id
    api = client.get("/api/v2/pages/", {"type": "treatments.TreatmentPage", "fields": "last_reviewed,reviewed_by"})
    (item,) = [i for i in api.json()["items"] if i["meta"]["slug"] == "chemical-peel"]
    assert item["last_reviewed"] == timezone.localdate().isoformat()
    assert item["reviewed_by"]["name"] == "Dr. Michael Kim"


def test_approver_without_practitioner_profile_cannot_approve(demo, treatment_index, client):
    # Issue 13: a group member without a linked profile no longer approves (before, it published unstamped).
    editor = make_user("erin", "Editors")
    approver = make_user("nurse", "Practitioners")  # in the group, but no Practitioner snippet
    treatment = submit_and_approve(client, treatment_index, editor, approver)
    assert not treatment.live
    assert treatment.last_reviewed is None and treatment.reviewed_by is None
    assert treatment.current_workflow_state.status == "in_progress"


def test_editor_cannot_approve_their_own_submission(demo, treatment_index, client):
    editor = make_user("erin", "Editors")
    treatment = submit_and_approve(client, treatment_index, editor, editor)
    assert not treatment.live
    assert treatment.current_workflow_state.status == "in_progress"
