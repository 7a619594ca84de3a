"""Clinic details are said once (issue 13): after changing them, no page or answer shows the old ones.

The demo's own words (its pages' rich text, the home page's intro) carry no phone number or booking
link: every place that shows them reads Settings -> Clinic details. The test changes the clinic's
name, phone number, booking link and its label and the address, then reads every public address of the
demo site as a visitor or a front end would, including its meta and og: tags and JSON-LD.
"""

import pytest
from wagtail.models import Site

from clinic.models import ClinicSettings

pytestmark = pytest.mark.django_db

OLD_PHONES = ("503-850-0414", "503.850.0414", "5038500414", "(503) 850")
NEW_PHONE = "971-555-0123"
NEW_BOOKING = "https://booking.example.com/kim"
NEW_LABEL = "Book a visit"
NEW_STREET = "1 Pearl Street"
NEW_NAME = "Pearl District Aesthetics"  # the old one is also Dr. Kim's own name: only the new is checked

PAGES = [
    "/",
    "/treatments/",
    "/treatments/botox/",
    "/practitioners/dr-michael-kim/",
    "/location/",
    "/search/?q=botox",
    "/no-such-page/",  # the 404 page has the header and footer too
]
ANSWERS = [
    "/api/v2/clinic/",
    "/api/v2/pages/?type=treatments.TreatmentPage&fields=*",
    "/api/v2/pages/?type=home.HomePage&fields=*",
]


@pytest.fixture
def changed(demo):
    clinic = ClinicSettings.objects.get(site=Site.objects.get(is_default_site=True))
    clinic.name = NEW_NAME
    clinic.phone = NEW_PHONE
    clinic.consultation_url = NEW_BOOKING
    clinic.consultation_label = NEW_LABEL
    clinic.street_address = NEW_STREET
    clinic.full_clean()
    clinic.save()
    return clinic


@pytest.mark.parametrize("path", PAGES)
def test_every_page_shows_only_the_clinic_details_of_today(client, changed, path):
    response = client.get(path)
    assert response.status_code == (404 if path == "/no-such-page/" else 200)
    html = response.content.decode()
    assert NEW_NAME in html
    assert NEW_PHONE in html and "tel:+19715550123" in html
    assert not [old for old in OLD_PHONES if old in html]
    # Every booking button leads to today's link; the header's says today's words (a call to
    # action block's own button label is the page's content).
    assert NEW_BOOKING in html and NEW_LABEL in html
    assert 'href="/consultation/"' not in html
    if path in ("/location/", "/treatments/botox/"):
        assert NEW_STREET in html  # the location page and the treatment's JSON-LD


@pytest.mark.parametrize("path", ANSWERS)
def test_no_api_answer_carries_the_old_phone_number(client, changed, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert not [old for old in OLD_PHONES if old in body]
    if path == "/api/v2/clinic/":
        assert NEW_NAME in body and NEW_PHONE in body and NEW_BOOKING in body and NEW_STREET in body
