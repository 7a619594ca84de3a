"""Reports > Testimonials compliance (issue 17): every published testimonial with its records, CSV export."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from .editorial import make_user
from .factories import make_treatment, quote_block

pytestmark = pytest.mark.django_db

URL = "/admin/reports/compliance/"
RECORDED = quote_block(material_connection=True, value_received="20% off", disclosure="Sam received 20% off.")


def test_the_report_lists_published_testimonials_with_their_records(demo, treatment_index, admin_client):
    make_treatment(treatment_index, body=[RECORDED], title="Peel")
    draft = {**RECORDED, "value": {**RECORDED["value"], "attribution": "Draft D."}}
    make_treatment(treatment_index, body=[draft], publish=False)
    assert reverse("treatments_compliance_report") == URL
    html = admin_client.get(URL).content.decode()
    assert "Monica Z." in html and "demo placeholder record" in html
    assert "Sam P." in html and "Sam received 20% off." in html
    assert "Draft D." not in html  # drafts are not published


def test_the_csv_export_carries_every_record(demo, treatment_index, admin_client):
    make_treatment(treatment_index, body=[RECORDED], title="Peel")
    response = admin_client.get(URL, {"export": "csv"})
    assert response.status_code == 200 and "compliance-report.csv" in response["Content-Disposition"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    sam = next(row for row in rows if row["Attribution"] == "Sam P.")
    assert sam["Source reference"] == "https://reviews.example/123"
    assert sam["Value received"] == "20% off" and sam["Consent method"] == "written"
    assert sam["Expected results"] == "Individual results vary."
    assert {row["Page title"] for row in rows} == {"BOTOX", "Peel"}


def test_only_superusers_and_clinic_managers_read_it(demo, client):
    make_user("erin", "Editors")
    client.force_login(get_user_model().objects.get(username="erin"))
    refused = client.get(URL)  # Wagtail's admin answers a refusal with a redirect and a message
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    make_user("mo", "Clinic managers")
    client.force_login(get_user_model().objects.get(username="mo"))
    assert client.get(URL).status_code == 200
