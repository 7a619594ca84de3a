"""Reverting to an old revision never brings back the review record that revision carried (issue 13).

Wagtail's page history offers "Review this version" on every revision: the editor opens with that
revision's content and saves, submits or publishes it as a new revision. The review record
(``reviewed_by``, ``last_reviewed``) is not content: it is what the latest approval (or a clinic
manager's logged correction) says, so it stays as it is now whatever revision is restored. Real
logins, real admin POSTs to the revert URL.
"""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from clinic.models import Practitioner

from .editorial import make_user, page_form, patient_quote
from .factories import make_treatment

pytestmark = pytest.mark.django_db

OLD_REVIEW = datetime.date(2025, 3, 1)


@pytest.fixture
def users(demo):
    return {
        "editor": make_user("erin", "Editors"),
        "moderator": make_user("mo", "Moderators"),
        "practitioner": make_user("dr-kim", "Practitioners", practitioner="Dr. Michael Kim"),
        "manager": make_user("max", "Clinic managers"),
    }


@pytest.fixture
def kim(users):
    return Practitioner.objects.get(name="Dr. Michael Kim")


@pytest.fixture
def peel_with_withdrawn_review(treatment_index, kim):
    """A page once published as reviewed in March 2025, whose review record was later withdrawn."""
    page = make_treatment(treatment_index, title="Chemical peel", slug="chemical-peel", body=[])
    page.reviewed_by, page.last_reviewed = kim, OLD_REVIEW
    old = page.save_revision()
    old.publish()
    page.refresh_from_db()
    page.reviewed_by, page.last_reviewed = None, None  # e.g. a clinic manager found it never happened
    page.save_revision().publish()
    page.refresh_from_db()
    return page, old


def revert_url(page, revision):
    return reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])


def post_revert(client, user, page, revision, action=None, **fields):
    client.force_login(user)
    data = page_form([patient_quote()], action=action, title="Chemical peel", **fields)
    response = client.post(revert_url(page, revision), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


@pytest.mark.parametrize("role", ["editor", "moderator", "practitioner", "manager"])
def test_review_this_version_shows_the_current_review_record(client, users, peel_with_withdrawn_review, role):
    page, old = peel_with_withdrawn_review
    client.force_login(users[role])
    html = client.get(revert_url(page, old)).content.decode()
    assert "You are viewing a previous version of this page" in html
    # Neither the read-only record nor a clinic manager's editable fields show the old review.
    assert "March 1, 2025" not in html and "2025-03-01" not in html
    assert ('name="last_reviewed"' in html) is (role == "manager")


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_an_editor_reverting_keeps_the_current_review_record(client, users, kim, peel_with_withdrawn_review, role):
    page, old = peel_with_withdrawn_review
    # Even a crafted POST naming the old reviewer and date changes nothing (the fields are not in the form).
    draft = post_revert(
        client, users[role], page, old, action="submit", reviewed_by=str(kim.pk), last_reviewed="2025-03-01"
    )
    assert draft.reviewed_by is None and draft.last_reviewed is None
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"  # the old version waits for review
    assert page.reviewed_by is None and page.last_reviewed is None  # live page untouched


def test_a_practitioner_publishing_an_old_version_does_not_publish_its_review(
    client, users, peel_with_withdrawn_review
):
    page, old = peel_with_withdrawn_review
    post_revert(client, users["practitioner"], page, old, action="publish")
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    # Publishing directly is not a review: the record stays what the last approval or correction left.
    assert page.reviewed_by is None and page.last_reviewed is None


def test_a_manager_reverting_changes_the_record_only_as_a_logged_correction(
    client, users, kim, peel_with_withdrawn_review
):
    page, old = peel_with_withdrawn_review
    # Saving the old version as the form shows it: the current (empty) record, nothing to log.
    draft = post_revert(client, users["manager"], page, old, reviewed_by="", last_reviewed="")
    assert draft.reviewed_by is None and draft.last_reviewed is None
    entries = PageLogEntry.objects.filter(page=page, action="treatments.correct_medical_review")
    assert not entries.exists()
    # Typing the old record back in is a correction like any other, logged with old and new values.
    draft = post_revert(client, users["manager"], page, old, reviewed_by=str(kim.pk), last_reviewed="2025-03-01")
    assert draft.reviewed_by == kim and draft.last_reviewed == OLD_REVIEW
    (entry,) = entries.all()
    assert entry.user == users["manager"]
    assert {c["field"]: (c["old"], c["new"]) for c in entry.data["changes"]} == {
        "reviewed_by": ("", str(kim)),
        "last_reviewed": ("", "2025-03-01"),
    }


def test_the_approval_after_a_revert_stamps_todays_review(client, users, kim, peel_with_withdrawn_review):
    page, old = peel_with_withdrawn_review
    post_revert(client, users["editor"], page, old, action="submit")
    task_state = page.current_workflow_state.current_task_state
    client.force_login(users["practitioner"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert page.reviewed_by == kim and page.last_reviewed not in (None, OLD_REVIEW)
