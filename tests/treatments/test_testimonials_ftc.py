"""Testimonials under 16 CFR 255 and 465 (issue 17): provenance kept private, disclosures shown,
an incentivised testimonial without its disclosure refused, expected results from the page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clinic.models import Practitioner
from treatments.models import TreatmentPage

from .editorial import page_form, patient_quote
from .factories import EXPECTED, RESULTS, make_treatment, quote_block

pytestmark = pytest.mark.django_db

RECORDS = ("given_via", "given_on", "source_reference", "value_received", "relationship")


def test_an_incentivised_testimonial_without_disclosure_cannot_be_published(treatment_index):
    page = make_treatment(
        treatment_index, body=[quote_block(material_connection=True, value_received="20% off")], publish=False
    )
    with pytest.raises(ValidationError, match=r"Testimonial 1 \(Sam P.\): the patient received something of value"):
        page.get_latest_revision().publish()
    assert not TreatmentPage.objects.get(pk=page.pk).live


def test_the_admin_refuses_it_next_to_the_field_but_saves_the_draft(demo, treatment_index, client, django_user_model):
    chief = django_user_model.objects.create_superuser("chief", "chief@clinic.test", "pw")
    Practitioner.objects.create(name="Dr. Chief", user=chief)
    client.force_login(chief)
    quote = patient_quote()
    quote[1]["material_connection"] = "on"
    add = reverse("wagtailadmin_pages:add", args=["treatments", "treatmentpage", treatment_index.pk])
    response = client.post(add, page_form([quote], action="publish"))
    assert response.status_code == 200
    assert "a disclosure shown with the testimonial is required before publishing (16 CFR 255.5)" in (
        response.content.decode()
    )
    assert client.post(add, page_form([quote])).status_code == 302


def test_disclosures_and_expected_results_show_on_the_page_and_in_the_api(treatment_index, client):
    disclosed = quote_block(material_connection=True, value_received="20% off", disclosure="Sam received 20% off.")
    employee = quote_block(attribution="Jo K.", relationship="employee")
    page = make_treatment(treatment_index, body=[RESULTS, disclosed, employee])
    html = client.get(page.url).content.decode()
    assert "Sam received 20% off." in html and "The author works for the clinic." in html
    assert html.count(f"Individual results vary. {EXPECTED}") == 2
    values = [b["value"] for b in client.get(f"/api/v2/pages/{page.pk}/").json()["body"] if b["type"] == "testimonial"]
    assert values[0]["disclosures"] == ["Sam received 20% off."]
    assert values[1]["disclosures"] == ["The author works for the clinic."]
    assert {v["expected_results"] for v in values} == {EXPECTED}
    for value in values:  # the clinic's records stay private
        assert not set(RECORDS) & set(value)
        assert "reviews.example" not in str(value)


def test_the_statement_follows_the_results_section(treatment_index, client):
    page = make_treatment(treatment_index, body=[RESULTS, quote_block()])
    results = page.body[0].value
    results["duration_min_months"], results["duration_max_months"] = 4, 6
    page.save_revision().publish()
    value = client.get(f"/api/v2/pages/{page.pk}/").json()["body"][1]["value"]
    assert value["expected_results"].endswith("results typically last 4–6 months.")
    assert "results typically last 4–6 months." in client.get(page.url).content.decode()


def test_without_a_results_section_individual_results_vary(treatment_index, client):
    page = make_treatment(treatment_index, body=[quote_block()])
    value = client.get(f"/api/v2/pages/{page.pk}/").json()["body"][0]["value"]
    assert value["expected_results"] == "Individual results vary." and value["disclosures"] == []


def test_the_schema_describes_the_generated_keys_and_hides_the_records(client):
    schema = client.get("/api/v2/openapi.json").json()["components"]["schemas"]["TestimonialBlock"]
    assert {"disclosures", "expected_results", "disclosure", "material_connection"} <= set(schema["properties"])
    assert not set(RECORDS) & set(schema["properties"])
