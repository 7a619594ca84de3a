"""Editorial governance in the admin: the review dashboard panel, the review column, claim warnings."""

from django.contrib import messages
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.pages import PageViewSet

from . import review, workflow
from .claims import claim_warnings
from .models import TreatmentPage


class MedicalReviewPanel(Component):
    """Dashboard panel: live treatment pages whose medical review is overdue or due soon."""

    name = "medical_review"
    template_name = "treatments/admin/medical_review_panel.html"
    order = 90  # above Wagtail's own panels: patient safety first

    def get_context_data(self, parent_context):
        rows = [
            {
                "page": page,
                "label": review.STATE_LABELS[review.review_state(page)],
                "due": review.review_due_date(page),
            }
            for page in workflow.pages_needing_review()
        ]
        return {"pages": rows, "due_soon_days": review.DUE_SOON_DAYS}


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
