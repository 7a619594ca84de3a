"""Reports > Compliance: every published testimonial and before-and-after pair with its records (CSV/XLSX).

Read from what is live (the live pages' own rows, never drafts), one row per testimonial, with
the consent, provenance and connection records that the public never sees, the disclosures the
site shows and the expected-results statement beside it; and one row per before-and-after pair
with its patient's photo authorization (patient reference, what it covers, signed, expires,
revoked, and whether it is current today: a pair that is not is hidden from the site). Wagtail's ``ReportView`` gives the
listing and the spreadsheet export (``?export=csv`` or ``?export=xlsx``).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from .blocks.before_after import results_disclosure
from .blocks.expected_results import expected_results
from .models import TreatmentPage

# Who may read the clinic's records of patients: superusers and clinic managers.
REPORT_GROUPS = ("Clinic managers",)
PLACEHOLDER = "demo_placeholder"


@dataclass
class ComplianceRow:
    """One published testimonial or before-and-after pair and its records."""

    kind: str
    page_title: str
    page_url: str
    attribution: str
    excerpt: str
    consent_on_file: bool = False
    consent_date: object = None
    consent_method: str = ""
    given_via: str = ""
    given_on: object = None
    source_reference: str = ""
    material_connection: bool = False
    value_received: str = ""
    relationship: str = ""
    disclosures: list = field(default_factory=list)
    expected_results: str = ""
    to_check: list = field(default_factory=list)
    # A before-and-after pair's photo authorization (for clinic managers only).
    treatment_area: str = ""
    patient_reference: str = ""
    covers: str = ""
    signed_on: object = None
    expires_on: object = None
    revoked: object = None
    current: object = None


def testimonial_rows(pages):
    """A row for each testimonial on ``pages`` (live pages), in page order."""
    rows = []
    for page in pages:
        statement = expected_results(page.body) or "Individual results vary."
        for child in page.body:
            if child.block_type != "testimonial":
                continue
            value, block = child.value, child.block
            to_check = []
            if PLACEHOLDER in (value.get("consent_method"), value.get("given_via")):
                to_check.append("demo placeholder record")
            if not (value.get("given_via") and value.get("given_on")):
                to_check.append("where or when it was given not recorded")
            rows.append(
                ComplianceRow(
                    kind="Testimonial",
                    page_title=page.title,
                    page_url=page.full_url or page.url or "",
                    attribution=value.get("attribution", ""),
                    excerpt=(value.get("quote") or "")[:120],
                    consent_on_file=bool(value.get("consent_on_file")),
                    consent_date=value.get("consent_date"),
                    consent_method=value.get("consent_method") or "",
                    given_via=value.get("given_via") or "",
                    given_on=value.get("given_on"),
                    source_reference=value.get("source_reference") or "",
                    material_connection=bool(value.get("material_connection")),
                    value_received=value.get("value_received") or "",
                    relationship=value.get("relationship") or "",
                    disclosures=block.disclosures(value),
                    expected_results=statement,
                    to_check=to_check,
                )
            )
    return rows


def pair_rows(pages, today):
    """A row for each before-and-after pair on ``pages`` (live pages), shown today or not."""
    rows = []
    for page in pages:
        statement = expected_results(page.body)
        for child in page.body:
            if child.block_type != "before_after":
                continue
            value, authorization = child.value, child.value.get("authorization")
            shown = child.block.is_shown(value, today)
            rows.append(
                ComplianceRow(
                    kind="Before-and-after",
                    page_title=page.title,
                    page_url=page.full_url or page.url or "",
                    attribution="",
                    excerpt=(value.get("caption") or "")[:120],
                    expected_results=results_disclosure(statement),
                    to_check=[] if shown else ["not shown: no current authorization covering the website"],
                    treatment_area=value.get("treatment_area", ""),
                    patient_reference=authorization.patient_reference if authorization else "",
                    covers=", ".join(authorization.covers()) if authorization else "",
                    signed_on=authorization.signed_on if authorization else None,
                    expires_on=authorization.expires_on if authorization else None,
                    revoked=authorization.revoked_at or authorization.revoked if authorization else None,
                    current=authorization.covers_website_on(today) if authorization else False,
                )
            )
    return rows


class ComplianceReportView(ReportView):
    """Every published testimonial and before-and-after pair with its records."""

    page_title = "Testimonials and photos compliance"
    header_icon = "openquote"
    index_url_name = "treatments_compliance_report"
    index_results_url_name = "treatments_compliance_report_results"
    export_filename = "compliance-report"
    paginate_by = 100
    columns = [
        Column("kind", label="Kind"),
        Column("page_title", label="Page"),
        Column("attribution", label="Attribution"),
        Column("consent_date", label="Consent date"),
        Column("given_via", label="Given via"),
        Column("given_on", label="Given on"),
        Column("material_connection", label="Received value"),
        Column("relationship", label="Relationship"),
        Column("disclosures", label="Disclosures shown"),
        Column("treatment_area", label="Treatment area"),
        Column("patient_reference", label="Patient reference"),
        Column("covers", label="Authorization covers"),
        Column("signed_on", label="Signed"),
        Column("expires_on", label="Expires"),
        Column("revoked", label="Revoked"),
        Column("current", label="Current?"),
        Column("to_check", label="To check"),
    ]
    export_headings = {
        "kind": "Kind",
        "page_title": "Page title",
        "page_url": "Page URL",
        "attribution": "Attribution",
        "excerpt": "Excerpt",
        "consent_on_file": "Consent on file",
        "consent_date": "Consent date",
        "consent_method": "Consent method",
        "given_via": "Given via",
        "given_on": "Given on",
        "source_reference": "Source reference",
        "material_connection": "Received something of value",
        "value_received": "Value received",
        "relationship": "Relationship",
        "disclosures": "Disclosures shown",
        "expected_results": "Expected results",
        "to_check": "To check",
        "treatment_area": "Treatment area",
        "patient_reference": "Patient reference",
        "covers": "Authorization covers",
        "signed_on": "Authorization signed",
        "expires_on": "Authorization expires",
        "revoked": "Authorization revoked",
        "current": "Authorization current",
    }
    list_export = list(export_headings)

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_superuser or user.groups.filter(name__in=REPORT_GROUPS).exists()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        pages = list(TreatmentPage.objects.live().order_by("path"))
        return testimonial_rows(pages) + pair_rows(pages, timezone.localdate())


@hooks.register("register_admin_urls")
def compliance_report_urls():
    return [
        path("reports/compliance/", ComplianceReportView.as_view(), name="treatments_compliance_report"),
        path(
            "reports/compliance/results/",
            ComplianceReportView.as_view(results_only=True),
            name="treatments_compliance_report_results",
        ),
    ]


class ComplianceMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or user.groups.filter(name__in=REPORT_GROUPS).exists()


@hooks.register("register_reports_menu_item")
def compliance_report_menu_item():
    return ComplianceMenuItem(
        "Testimonials and photos compliance",
        reverse("treatments_compliance_report"),
        name="compliance",
        icon_name="openquote",
    )
