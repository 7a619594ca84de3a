"""Admin labels in the clinic's words."""

from clinic.models import ClinicSettings, Practitioner
from treatments.blocks import DosageBlock
from treatments.models import TreatmentPage


def label(model, field):
    return str(model._meta.get_field(field).verbose_name)


def test_field_labels():
    assert label(ClinicSettings, "consultation_url") == "Booking link"
    assert label(Practitioner, "user") == "Admin login"
    assert label(TreatmentPage, "review_interval_months") == "Review every (months)"
    assert label(TreatmentPage, "show_faq_structured_data") == "Offer the FAQ to search engines"


def test_dosage_amount_labels():
    block = DosageBlock()
    assert block.child_blocks["typical_min"].label == "Typical amount from"
    assert block.child_blocks["typical_max"].label == "Typical amount to"


def test_treatment_area_rows_are_singular(admin_client, demo):
    html = admin_client.get(f"/admin/pages/{demo.pk}/edit/").content.decode()
    assert "On-label treatment areas 1" not in html
