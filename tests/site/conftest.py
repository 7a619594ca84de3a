"""The site's page list for the checkers, with a treatment page that shows every kind of section."""

import datetime

import pytest
from wagtail.models import Site

from clinic.models import ClinicSettings
from products.models import Product
from tests.photos.helpers import make_authorization, pair_block
from tests.treatments.factories import make_treatment

from .pages import FULL_TREATMENT, FULL_TREATMENT_SLUG, reachable_pages

# Test data, not the manufacturer's text: the demo never ships safety text it did not quote.
BOXED_WARNING = "<p>TEST BOXED WARNING: spread of toxin effect.</p>"
SAFETY_TEXT = "<p>TEST IMPORTANT SAFETY INFORMATION: tell your doctor about every medicine you take.</p>"


@pytest.fixture
def full_treatment(demo, make_image):
    """A live treatment page with every section the demo has, plus the newer ones: a before-and-after
    pair (after the results) and a product's Important Safety Information with a boxed warning."""
    product = Product.objects.create(
        brand_name="TESTOX",
        generic_name="testotoxin type A",
        manufacturer="Test Pharma",
        prescription_status=Product.PRESCRIPTION_ONLY,
        boxed_warning=BOXED_WARNING,
        safety_information=SAFETY_TEXT,
        safety_source_url="https://example.com/isi",
        safety_checked_on=datetime.date(2026, 11, 20),
        requires_safety_information=True,
        units_note="Units are not interchangeable with other products.",
    )
    before = make_image("Before forehead", description="Forehead lines at rest before treatment")
    after = make_image("After forehead", description="The same forehead two weeks after treatment")
    body = list(demo.body.raw_data)
    results_at = next(i for i, block in enumerate(body) if block["type"] == "results")
    body.insert(results_at + 1, pair_block(before, after, make_authorization()))
    page = make_treatment(
        demo.get_parent().specific,
        body=body,
        publish=False,
        title="TESTOX",
        slug=FULL_TREATMENT_SLUG,
        summary="A test page holding every kind of section.",
    )
    page.product_links.add(page.product_links.model(sort_order=0, product=product))
    page.save()
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def site_pages(full_treatment, client):
    """name -> (path, expected status) of every kind of page a visitor can reach."""
    return {**reachable_pages(lambda path: client.get(path).status_code), **FULL_TREATMENT}


@pytest.fixture
def fill_clinic_details():
    """Gives Clinic details what the demo leaves empty (the clinic's page does not say them): an
    address, opening hours, a position and a privacy notice. Test data, not the clinic's."""

    def fill():
        details = ClinicSettings.objects.get(site=Site.objects.get(is_default_site=True))
        details.street_address, details.postal_code = "1 Example Street", "97201"
        details.opening_hours = [
            ("period", {"day": "Monday", "opens": datetime.time(9), "closes": datetime.time(17, 30)}),
            ("period", {"day": "Saturday", "opens": datetime.time(10), "closes": datetime.time(14)}),
        ]
        details.latitude, details.longitude = "45.515200", "-122.678400"
        details.privacy_url = "/privacy/"
        details.save()
        return details

    return fill
