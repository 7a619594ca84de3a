"""Medical review of treatment pages: when each page is due, and stamping a finished review.

The one place that knows the review schedule. The dashboard panel, the page explorer's
"Medical review" column and the workflow's finish action all ask this module.
"""

import datetime

from dateutil.relativedelta import relativedelta
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
    return page.last_reviewed + relativedelta(months=page.review_interval_months)


def review_state(page, today=None):
    """``overdue`` (including never reviewed), ``due_soon`` (within 30 days) or ``current``."""
    today = today or timezone.localdate()
    due = review_due_date(page)
    if due is None or due < today:
        return OVERDUE
    if due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return DUE_SOON
    return CURRENT


def pages_needing_review(today=None):
    """Live treatment pages whose review is overdue or due soon, most urgent first.

    Drafts never published are left out: the workflow reviews them before they go live.
    """
    from .models import TreatmentPage

    today = today or timezone.localdate()
    pages = TreatmentPage.objects.live().select_related("reviewed_by").order_by("path")
    due = []
    for page in pages:
        state = review_state(page, today)
        if state != CURRENT:
            due.append(page)
    # Never reviewed first, then by due date.
    return sorted(due, key=lambda page: review_due_date(page) or datetime.date.min)


def practitioner_for(user):
    """The Practitioner snippet linked to a user account, or None."""
    from clinic.models import Practitioner

    if user is None or not user.is_authenticated:
        return None
    return Practitioner.objects.filter(user=user).first()


def publish_with_review(workflow_state, user=None):
    """Finish a workflow: for the medical review of a treatment page, stamp the review, then publish.

    Set as ``WAGTAIL_FINISH_WORKFLOW_ACTION``. The review date and reviewer go into a new
    revision *before* publishing, so the published page, the API cache and publish webhooks
    all see them (the ``workflow_approved`` signal only fires after publishing). An approver
    without a linked Practitioner changes neither field: a review date without a reviewer
    would tell patients something that did not happen.
    """
    from wagtail.workflows import publish_workflow_state

    from .models import TreatmentPage

    page = workflow_state.content_object
    practitioner = practitioner_for(user)
    if (
        workflow_state.workflow.name == MEDICAL_REVIEW_WORKFLOW
        and isinstance(page.specific, TreatmentPage)
        and practitioner is not None
    ):
        reviewed = page.specific.get_latest_revision_as_object()
        reviewed.last_reviewed = timezone.localdate()
        reviewed.reviewed_by = practitioner
        reviewed.save_revision(user=user, log_action=False).publish(user=user)
        return
    publish_workflow_state(workflow_state, user=user)
