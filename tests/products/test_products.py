"""Products and their Important Safety Information (issue 17): page, API, JSON-LD, publish, review."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.log_actions import LogContext
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset

from api.openapi import build_document
from clinic.models import Practitioner
from cms.api import api_router
from core.signals import content_changed
from products.models import TO_COMPLETE, Product
from tests.api.test_openapi import assert_valid
from tests.treatments.editorial import page_form
from tests.treatments.factories import make_treatment
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

# Test data, not the manufacturer's text: the demo never ships safety text it did not quote.
WARNING = "<p>TEST BOXED WARNING: spread of effect.</p>"
ISI = "<p>TEST IMPORTANT SAFETY INFORMATION.</p>"


def safety_product(**fields):
    values = {
        "brand_name": "TESTOX",
        "generic_name": "testotoxin type A",
        "manufacturer": "Test Pharma",
        "prescription_status": Product.PRESCRIPTION_ONLY,
        "boxed_warning": WARNING,
        "safety_information": ISI,
        "safety_source_url": "https://example.com/isi",
        "safety_checked_on": datetime.date(2026, 11, 20),
        "requires_safety_information": True,
        "units_note": "Units are not interchangeable with other products.",
        **fields,
    }
    return Product.objects.create(**values)


def page_with(parent, *products, publish=True):
    page = make_treatment(parent, publish=False)
    for order, product in enumerate(products):
        page.product_links.add(page.product_links.model(sort_order=order, product=product))
    page.save()
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def test_the_demo_page_uses_the_botox_product_its_safety_text_to_be_completed(demo, admin_client):
    product = Product.objects.get(brand_name="BOTOX")
    assert [p.pk for p in demo.products] == [product.pk]
    assert (demo.brand_name, demo.generic_name) == ("BOTOX", "botulinum toxin type A")
    # Nothing quoted from memory: empty, not required, and the admin says so.
    assert not product.boxed_warning and not product.safety_information and not product.requires_safety_information
    listing = admin_client.get(reverse("wagtailsnippets_products_product:list")).content.decode()
    assert f"{TO_COMPLETE}: boxed warning, Important Safety Information, source URL, date checked" in listing


def test_names_come_from_the_product_in_the_api_and_follow_a_rename(demo, client):
    data = client.get(f"/api/v2/pages/{demo.pk}/").json()
    assert (data["brand_name"], data["generic_name"]) == ("BOTOX", "botulinum toxin type A")
    assert data["important_safety_information"] == []
    product = Product.objects.get(brand_name="BOTOX")
    product.generic_name = "onabotulinumtoxinA"
    product.save()
    assert client.get(f"/api/v2/pages/{demo.pk}/").json()["generic_name"] == "onabotulinumtoxinA"


def test_the_boxed_warning_shows_in_a_fixed_place_on_the_page_and_in_the_api(treatment_index, client):
    product = safety_product()
    page = page_with(treatment_index, product)
    html = client.get(page.url).content.decode()
    section = html[html.index('class="important-safety-information"') :]
    assert html.index("important-safety-information") < html.index("treatment__body")  # before the sections
    assert "TEST BOXED WARNING: spread of effect." in section and "TEST IMPORTANT SAFETY INFORMATION." in section
    assert 'href="https://example.com/isi"' in section and "November 20, 2026" in section
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["important_safety_information"] == [
        {
            "product": "TESTOX",
            "generic_name": "testotoxin type A",
            "manufacturer": "Test Pharma",
            "boxed_warning": WARNING,
            "text": ISI,
            "units_note": "Units are not interchangeable with other products.",
            "source_url": "https://example.com/isi",
            "checked_on": "2026-11-20",
            "version": 1,
        }
    ]


def test_json_ld_links_a_drug_from_the_therapy(treatment_index, client):
    page = page_with(treatment_index, safety_product())
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert_valid(build_document(api_router), "/api/v2/pages/{id}/", data)  # the JsonLd schema knows a Drug
    therapy = data["structured_data"]["@graph"][0]["mainEntity"]
    assert therapy["drug"] == {
        "@type": "Drug",
        "name": "TESTOX",
        "nonProprietaryName": "testotoxin type A",
        "prescriptionStatus": "https://schema.org/PrescriptionOnly",
        "warning": "TEST BOXED WARNING: spread of effect.",
        "manufacturer": {"@type": "Organization", "name": "Test Pharma"},
    }


def test_a_product_cannot_require_safety_text_it_lacks():
    product = Product(brand_name="TESTOX", requires_safety_information=True)
    with pytest.raises(ValidationError, match="Complete the boxed warning"):
        product.full_clean()
    quoted = Product(brand_name="TESTOX", boxed_warning=WARNING)
    with pytest.raises(ValidationError, match="source URL and the date"):
        quoted.full_clean()


def test_an_emptied_rich_text_editor_is_no_safety_text(treatment_index):
    # Clearing the admin's editor leaves an empty paragraph behind: still nothing to show.
    product = safety_product(safety_information='<p data-block-key="k1"></p>', boxed_warning="<p>&nbsp;</p>")
    assert product.safety_information_missing() == ["boxed warning", "Important Safety Information"]
    page = page_with(treatment_index, product, publish=False)
    with pytest.raises(ValidationError, match="Product TESTOX: its boxed warning, Important Safety Information"):
        page.get_latest_revision().publish()


def test_publishing_is_refused_while_a_required_safety_record_is_incomplete(treatment_index):
    # Saved without the admin's checks (e.g. by a script): every publish path still refuses.
    product = safety_product(safety_information="")
    page = page_with(treatment_index, product, publish=False)
    with pytest.raises(ValidationError, match="Product TESTOX: its Important Safety Information must be completed"):
        page.get_latest_revision().publish()
    assert not TreatmentPage.objects.get(pk=page.pk).live


def test_the_admin_refuses_to_publish_naming_the_product(demo, treatment_index, client, django_user_model):
    chief = django_user_model.objects.create_superuser("chief", "chief@clinic.test", "pw")
    Practitioner.objects.create(name="Dr. Chief", user=chief)
    client.force_login(chief)
    product = safety_product(boxed_warning="")
    form = page_form([], action="publish", product_links=inline_formset([{"product": product.pk}]))
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["treatments", "treatmentpage", treatment_index.pk]), form
    )
    assert response.status_code == 200
    assert "Product TESTOX: its boxed warning must be completed" in response.content.decode()
    draft = page_form([], product_links=inline_formset([{"product": product.pk}]))
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["treatments", "treatmentpage", treatment_index.pk]), draft
    )
    assert response.status_code == 302  # a draft may wait
    assert TreatmentPage.objects.get(slug="chemical-peel").brand_name == "TESTOX"


def test_changing_the_safety_text_sends_each_page_to_medical_review(treatment_index, client):
    product = safety_product()
    first, second = page_with(treatment_index, product), page_with(treatment_index, product)
    unrelated = page_with(treatment_index)
    heard = []

    def listen(sender, event, instance, **kwargs):
        heard.append((event, instance.pk))

    content_changed.connect(listen, dispatch_uid="test-products")
    try:
        product.safety_information = "<p>TEST IMPORTANT SAFETY INFORMATION, revised.</p>"
        with LogContext():  # as in an admin request: one log id for everything the save does
            product.save()
    finally:
        content_changed.disconnect(dispatch_uid="test-products")
    assert product.safety_version == 2
    assert ("page.changed", first.pk) in heard and ("page.changed", second.pk) in heard
    assert ("page.changed", unrelated.pk) not in heard
    in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert {int(state.object_id) for state in in_review} == {first.pk, second.pk}
    entry = PageLogEntry.objects.filter(page=first, action="products.safety_information_changed").get()
    assert entry.data["version"] == 2
    # Both pages' History shows why (one save, yet each page's entries under their own id).
    for page in (first, second):
        history = PageLogEntry.objects.filter(page=page).latest_by_uuid_and_action()
        assert {"products.safety_information_changed", "wagtail.workflow.start"} <= {e.action for e in history}
    # The live pages show the new text at once, with its version.
    data = client.get(f"/api/v2/pages/{first.pk}/").json()["important_safety_information"][0]
    assert data["version"] == 2 and "revised" in data["text"]
    # A save that changes no safety text is not a new version.
    product.units_note = "Changed note."
    product.save()
    assert product.safety_version == 2


def test_the_openapi_document_describes_the_section(client):
    schema = client.get("/api/v2/openapi.json").json()
    pages = [s for name, s in schema["components"]["schemas"].items() if "important_safety_information" in str(s)]
    assert pages, "no schema names important_safety_information"
    text = str(pages)
    assert "boxed_warning" in text and "version" in text


def test_optional_safety_texts_left_empty_are_null_in_the_api_and_the_document(treatment_index, client):
    # Issue 15's one convention: an optional value the clinic left empty is null, never "".
    product = safety_product(
        generic_name="", manufacturer="", safety_information="", safety_source_url="", safety_checked_on=None,
        units_note="", requires_safety_information=False,
    )  # fmt: skip
    page = page_with(treatment_index, product)
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["important_safety_information"] == [
        {
            "product": "TESTOX",
            "generic_name": None,
            "manufacturer": None,
            "boxed_warning": WARNING,
            "text": None,
            "units_note": None,
            "source_url": None,
            "checked_on": None,
            "version": 1,
        }
    ]
    assert_valid(build_document(api_router), "/api/v2/pages/{id}/", data)
