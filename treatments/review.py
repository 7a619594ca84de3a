"""Medical review of treatment pages: when each page is due, and stamping a finished review.

The one place that knows the review schedule (it reads pages, never queries them). The dashboard
panel, the page explorer's "Medical review" column and the workflow (``workflow.py``) ask it.
The due date is also stored on each page (``TreatmentPage.review_due``, kept by ``save()``), so
reports filter and order by it in the database on SQLite and PostgreSQL alike.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

DUE_SOON_DAYS = 30
MEDICAL_REVIEW_WORKFLOW = "Medical review"
PRACTITIONERS_GROUP = "Practitioners"

OVERDUE = "overdue"
DUE_SOON = "due_soon"
CURRENT = "current"
STATE_LABELS = {OVERDUE: "Review overdue", DUE_SOON: "Review due soon", CURRENT: "Reviewed"}


def review_due_date(page):
    """The date the next review falls due, or None for a page never reviewed."""
    if page.last_reviewed is None:
        return None
    # Code that assigns an ISO string (an import, a form's raw data) gets the date it names.
    last_reviewed = page._meta.get_field("last_reviewed").to_python(page.last_reviewed)
    return last_reviewed + relativedelta(months=page.review_interval_months)


def review_state(page, today=None):
    """``overdue`` (including never reviewed), ``due_soon`` (within 30 days) or ``current``."""
    return state_for_due(review_due_date(page), today)


def due_soon_limit(today=None):
    """The last due date that counts as due soon: a page due on or before it needs review."""
    return (today or timezone.localdate()) + datetime.timedelta(days=DUE_SOON_DAYS)


def state_for_due(due, today=None):
    """The review state of a page due on ``due`` (None: never reviewed)."""
    today = today or timezone.localdate()
    if due is None or due < today:
        return OVERDUE
    if due <= due_soon_limit(today):
        return DUE_SOON
    return CURRENT


def practitioner_for(user):
    """The Practitioner snippet linked to a user account, or None."""
    if user is None or not user.is_authenticated:
        return None
    # The profile's one-to-one link to the login (clinic.Practitioner.user, related_name "practitioner").
    try:
        return user.practitioner
    except ObjectDoesNotExist:
        return None


def signs_off_reviews(user):
    """True for a practitioner: a linked Practitioner profile, and in the Practitioners group (or a superuser).

    Only such a user publishes treatment pages and approves a medical review. The answer is
    kept on the user object for the rest of the request (permission testers ask it per page).
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    cached = getattr(user, "_treatments_signs_off", None)
    if cached is None:
        in_group = user.is_superuser or user.groups.filter(name=PRACTITIONERS_GROUP).exists()
        cached = in_group and practitioner_for(user) is not None
        user._treatments_signs_off = cached
    return cached


def who_may_approve():
    """The message for someone who may not approve: why, and whom to ask."""
    logins = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=PRACTITIONERS_GROUP, practitioner__isnull=False)
        .select_related("practitioner")
        .order_by("practitioner__name")
    )
    names = [f"{user.practitioner.name} ({user.get_username()})" for user in logins]
    ask = (
        f"Ask {', '.join(names)}."
        if names
        else "No practitioner has an admin login yet: ask a clinic manager to link one."
    )
    return (
        "Only a practitioner with a linked profile can approve a medical review "
        "(a practitioner in Snippets > Practitioners whose 'Admin login' is set, in the Practitioners group). " + ask
    )


def publish_with_review(workflow_state, user=None):
    """Finish a workflow: for the medical review of a treatment page, stamp the review, then publish.

    Set as ``WAGTAIL_FINISH_WORKFLOW_ACTION``. The review date and reviewer go into a new
    revision *before* publishing, so the published page, the API cache and publish webhooks
    all see them (the ``workflow_approved`` signal only fires after publishing). An approver
    without a linked Practitioner changes neither field: a review date without a reviewer
    would tell patients something that did not happen.
    """
    # Wagtail imports this action while its models load: its own workflow helper is read here.
    from wagtail.workflows import publish_workflow_state

    page = workflow_state.content_object
    practitioner = practitioner_for(user)
    if (
        workflow_state.workflow.name == MEDICAL_REVIEW_WORKFLOW
        and getattr(page.specific, "records_medical_review", False)
        and practitioner is not None
    ):
        reviewed = page.specific.get_latest_revision_as_object()
        reviewed.last_reviewed = timezone.localdate()
        reviewed.reviewed_by = practitioner
        reviewed.save_revision(user=user, log_action=False).publish(user=user)
        return
    publish_workflow_state(workflow_state, user=user)
