"""Reports > Compliance: every published testimonial with its records, for the clinic's review (CSV/XLSX).

Read from what is live (the live pages' own rows, never drafts), one row per testimonial, with
the consent, provenance and connection records that the public never sees, the disclosures the
site shows and the expected-results statement beside it. Wagtail's ``ReportView`` gives the
listing and the spreadsheet export (``?export=csv`` or ``?export=xlsx``).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from .blocks.expected_results import expected_results
from .models import TreatmentPage

# Who may read the clinic's records of patients: superusers and clinic managers.
REPORT_GROUPS = ("Clinic managers",)
PLACEHOLDER = "demo_placeholder"


@dataclass
class ComplianceRow:
    """One published testimonial (or, later, before-and-after pair) and its records."""

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


class ComplianceReportView(ReportView):
    """Every published testimonial with its consent, provenance and disclosures."""

    page_title = "Testimonials compliance"
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
    }
    list_export = list(export_headings)

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_superuser or user.groups.filter(name__in=REPORT_GROUPS).exists()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return testimonial_rows(TreatmentPage.objects.live().order_by("path"))


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
        "Testimonials compliance", reverse("treatments_compliance_report"), name="compliance", icon_name="openquote"
    )
