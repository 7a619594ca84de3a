"""The practitioner's profile, the location page and the home page's hero (issue 16), as served."""

import json
from datetime import time

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from clinic.models import ClinicSettings, Practitioner

pytestmark = pytest.mark.django_db


def soup_of(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    return json.loads(soup.find("script", type="application/ld+json").string)


def clinic():
    return ClinicSettings.objects.get(site=Site.objects.get(is_default_site=True))


def test_home_heading_is_the_clinics_name_not_the_pages_title(client, demo):
    soup = soup_of(client, "/")
    assert soup.find("h1").get_text() == "Dr. Michael Kim"  # Clinic details, not "BOTOX Portland"
    assert soup.select_one('.people a[href="/practitioners/dr-michael-kim/"]')
    assert soup.select_one('main a[href="/location/"]')


def test_practitioner_page_shows_what_the_record_says(client, demo, django_assert_max_num_queries):
    # The clinic's page names Dr. Kim's role and bio nowhere, so the demo leaves them empty (issue
    # 13); the clinic fills them in, and the page shows what the record says.
    assert "Injector" not in soup_of(client, "/practitioners/dr-michael-kim/").find("main").get_text()
    kim = Practitioner.objects.get(slug="dr-michael-kim")
    kim.job_title, kim.bio = "Injector, BOTOX Portland", "Dr. Kim formulates a plan for your anatomy and goals."
    kim.save()
    soup_of(client, "/practitioners/dr-michael-kim/")  # the first visit creates the image renditions
    with django_assert_max_num_queries(9):  # the change sequence number is read from the database (issue 12)
        soup = soup_of(client, "/practitioners/dr-michael-kim/")
    main = soup.find("main")
    assert main.find("h1").get_text() == "Dr. Michael Kim"
    assert "Injector, BOTOX Portland" in main.get_text()
    assert "formulates a plan for your anatomy" in main.get_text()
    assert "Credentials" not in main.get_text()  # the seed gives none: no empty label
    assert "Pages medically reviewed" not in main.get_text()  # the demo page is not reviewed yet
    assert main.select_one('a[href="/treatments/botox/"]')
    person = json_ld(soup)
    assert person["@type"] == "Person" and person["name"] == "Dr. Michael Kim"
    assert person["jobTitle"] == "Injector, BOTOX Portland"
    assert person["url"].endswith("/practitioners/dr-michael-kim/")
    assert person["worksFor"]["name"] == "Dr. Michael Kim"
    assert [t["name"] for t in person["knowsAbout"]] == ["BOTOX"]


def test_unknown_practitioner_is_a_404(client, demo):
    assert client.get("/practitioners/nobody/").status_code == 404


def test_reviewed_pages_and_review_line_link_the_profile(client, demo):
    kim = Practitioner.objects.get(slug="dr-michael-kim")
    demo.reviewed_by, demo.last_reviewed = kim, "2026-11-20"
    demo.save_revision().publish()
    botox = soup_of(client, "/treatments/botox/")
    assert botox.select_one('.review a[href="/practitioners/dr-michael-kim/"]')
    profile = soup_of(client, "/practitioners/dr-michael-kim/")
    assert "Pages medically reviewed" in profile.get_text()


def test_slugs_are_made_from_names_and_unique(db):
    first = Practitioner.objects.create(name="Dr. Ana Lima")
    second = Practitioner.objects.create(name="Dr. Ana Lima")
    assert (first.slug, second.slug) == ("dr-ana-lima", "dr-ana-lima-2")
    assert first.get_absolute_url() == "/practitioners/dr-ana-lima/"


def test_location_page_shows_only_what_clinic_details_give(client, demo):
    soup = soup_of(client, "/location/")
    main = soup.find("main")
    headings = [h.get_text() for h in main.find_all(["h2", "h3"])]
    assert "Opening hours" not in headings  # none in the seed: no empty heading
    assert "Directions" not in main.get_text()  # no street address: no map link
    assert main.select_one('a[href="tel:+15038500414"]')
    assert main.select_one('a[href="/consultation/"]')
    data = json_ld(soup)
    assert data["@type"] == "MedicalClinic" and "openingHoursSpecification" not in data and "geo" not in data


def test_location_page_with_address_hours_and_position(client, demo):
    details = clinic()
    details.street_address, details.postal_code = "1 Example Street", "97201"
    details.opening_hours = [("period", {"day": "Monday", "opens": time(9), "closes": time(17, 30)})]
    details.latitude, details.longitude = "45.515200", "-122.678400"
    details.save()
    soup = soup_of(client, "/location/")
    main = soup.find("main")
    assert "1 Example Street" in main.find("address").get_text()
    directions = main.find("a", string="Directions (OpenStreetMap)")["href"]
    assert directions == "https://www.openstreetmap.org/search?query=1+Example+Street%2C+Portland%2C+OR+97201"
    assert [td.get_text() for td in main.select(".hours td")] == ["9:00 AM–5:30 PM"]
    assert not soup.find("script", src=True)  # no third-party (or any) script for the map
    data = json_ld(soup)
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "09:00",
            "closes": "17:30",
        }
    ]
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 45.5152, "longitude": -122.6784}
    footer = soup.find("footer", class_="site-footer")
    assert "1 Example Street" in footer.get_text() and "Opening hours" in footer.get_text()


def test_privacy_notice_is_linked_only_when_set(client, demo):
    assert "Privacy notice" not in client.get("/location/").content.decode()
    details = clinic()
    details.privacy_url = "/documents/1/privacy.pdf"
    details.save()
    soup = soup_of(client, "/location/")
    assert soup.find("footer", class_="site-footer").find("a", string="Privacy notice")["href"] == details.privacy_url


def test_favicon_is_served(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.ico"
