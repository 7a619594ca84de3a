"""Editorial governance in the admin: the review dashboard panel, the review column, claim warnings."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.pages import PageViewSet

from . import (
    compliance_report,  # noqa: F401 (Reports > Testimonials and photos compliance: registers its own hooks)
    review,
    workflow,
)
from .claims import claim_warnings
from .models import TreatmentPage
from .review_fields import CORRECTION_ACTION, ReviewCorrectionFormatter
from .review_task import PractitionerApprovalTask


class MedicalReviewPanel(Component):
    """Dashboard panel: live treatment pages whose medical review is overdue or due soon."""

    name = "medical_review"
    template_name = "treatments/admin/medical_review_panel.html"
    order = 90  # above Wagtail's own panels: patient safety first

    # The most urgent pages shown; one more is read to know whether others wait (no count).
    limit = 50

    def get_context_data(self, parent_context):
        pages = workflow.pages_needing_review(limit=self.limit + 1)
        rows = [
            {"page": page, "label": review.STATE_LABELS[review.state_for_due(page.review_due)], "due": page.review_due}
            for page in pages[: self.limit]
        ]
        return {"pages": rows, "due_soon_days": review.DUE_SOON_DAYS, "more": len(pages) > self.limit}


@hooks.register("construct_homepage_panels")
def add_medical_review_panel(request, panels):
    panels.append(MedicalReviewPanel())


def _treatment(page):
    # The explorer may hand over base Page rows; the review fields live on the specific page.
    return page if isinstance(page, TreatmentPage) else page.specific_deferred


def _review_label(page):
    page = _treatment(page)
    label = review.STATE_LABELS[review.review_state(page)]
    due = review.review_due_date(page)
    return f"{label}, due {due:%-d %b %Y}" if due else f"{label}, never reviewed"


class TreatmentPageViewSet(PageViewSet):
    """Treatment pages in the explorer (children of /treatments/) with their medical review state."""

    model = TreatmentPage
    icon = "doc-full"
    columns = PageViewSet.columns + [
        Column("reviewed_by", label="Reviewed by", accessor=lambda page: _treatment(page).reviewed_by or "—"),
        StatusTagColumn(
            "medical_review",
            label="Medical review",
            accessor=_review_label,
            primary=lambda page: review.review_state(_treatment(page)) != review.CURRENT,
        ),
    ]


@hooks.register("register_admin_viewset")
def register_treatment_page_viewset():
    return TreatmentPageViewSet()


def _warn_about_claims(request, page):
    # Autosave posts expect JSON: their warnings would pile up unseen, so only full saves warn.
    if not isinstance(page.specific, TreatmentPage) or not request.accepts("text/html"):
        return
    for warning in claim_warnings(page.specific.body):
        messages.warning(request, f"Claims check: {warning}")


@hooks.register("after_create_page")
def warn_after_create(request, page):
    _warn_about_claims(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    _warn_about_claims(request, page)


@hooks.register("register_log_actions")
def register_review_correction(actions):
    actions.register_action(CORRECTION_ACTION)(ReviewCorrectionFormatter)


@hooks.register("before_edit_page")
def explain_who_may_approve(request, page):
    """A page awaiting Practitioner approval: tell a superuser or group member who may not approve why, and whom to ask."""
    task = page.current_workflow_task
    if not isinstance(task, PractitionerApprovalTask) or task.may_approve(request.user):
        return None
    if not (request.user.is_superuser or task.groups.filter(id__in=request.user.groups.all()).exists()):
        return None  # Editors and the like: Wagtail already tells them the page is locked in review
    if request.method == "POST" and request.POST.get("workflow-action-name") == "approve":
        # Wagtail would quietly save instead ("Page has been updated"): refuse, and say why.
        messages.error(request, review.who_may_approve())
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if request.method == "GET":
        messages.info(request, review.who_may_approve())
    return None
