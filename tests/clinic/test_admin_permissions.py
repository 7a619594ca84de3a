"""Who may change practitioners and clinic details: real logins through the admin."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from clinic.models import ClinicSettings, Practitioner
from tests.treatments.editorial import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def clinic_url():
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", site.pk])


def practitioner_url(practitioner):
    return reverse("wagtailsnippets_clinic_practitioner:edit", args=[practitioner.pk])


def login(client, username):
    assert client.login(username=username, password=PASSWORD)
    return client


@pytest.mark.parametrize(
    ("groups", "clinic", "edit_practitioner"),
    [
        (["Editors"], False, False),
        (["Practitioners"], False, True),
        (["Clinic managers"], True, True),
    ],
)
def test_who_may_edit_clinic_details_and_practitioners(demo, client, groups, clinic, edit_practitioner):
    make_user("someone", *groups)
    login(client, "someone")
    practitioner = Practitioner.objects.get(name="Dr. Michael Kim")
    assert (client.get(clinic_url()).status_code == 200) is clinic
    assert (client.get(practitioner_url(practitioner)).status_code == 200) is edit_practitioner


def test_editors_can_choose_practitioners_for_testimonials(demo, client):
    make_user("erin", "Editors")
    login(client, "erin")
    response = client.get(reverse("wagtailsnippetchoosers_clinic_practitioner:choose"))
    assert response.status_code == 200
    assert "Dr. Michael Kim" in response.content.decode()


def test_clinic_manager_changes_the_phone_number(demo, client):
    make_user("mo", "Clinic managers")
    login(client, "mo")
    response = client.post(
        clinic_url(),
        {
            "name": "Dr. Michael Kim",
            "phone": "503-850-0415",
            "country": "US",
            "consultation_url": "/consultation/",
            "consultation_label": "Schedule Consultation",
            "opening_hours-count": "0",  # the opening hours field, sent empty as the admin's form does
        },
    )
    assert response.status_code == 302
    assert ClinicSettings.for_site(Site.objects.get(is_default_site=True)).phone == "503-850-0415"
    assert "503-850-0415" in client.get(demo.url).content.decode()


def test_editor_cannot_post_clinic_details(demo, client):
    make_user("erin", "Editors")
    login(client, "erin")
    client.post(clinic_url(), {"name": "Hijacked", "phone": "000-000-0000", "country": "US"})
    assert ClinicSettings.for_site(Site.objects.get(is_default_site=True)).name == "Dr. Michael Kim"


def test_only_clinic_managers_link_practitioner_logins(demo, client):
    practitioner = Practitioner.objects.get(name="Dr. Michael Kim")
    make_user("dr-kim", "Practitioners")
    login(client, "dr-kim")
    assert 'name="user"' not in client.get(practitioner_url(practitioner)).content.decode()
    make_user("mo", "Clinic managers")
    login(client, "mo")
    assert 'name="user"' in client.get(practitioner_url(practitioner)).content.decode()


def test_admin_addresses_from_before_the_clinic_app_redirect(demo, client):
    make_user("mo", "Clinic managers")
    login(client, "mo")
    practitioner = Practitioner.objects.get(name="Dr. Michael Kim")
    site = Site.objects.get(is_default_site=True)
    old_and_new = [
        (f"/admin/snippets/treatments/practitioner/edit/{practitioner.pk}/", practitioner_url(practitioner)),
        (f"/admin/settings/treatments/clinicsettings/{site.pk}/", clinic_url()),
        ("/admin/snippets/treatments/practitioner/?q=Kim", "/admin/snippets/clinic/practitioner/?q=Kim"),
    ]
    for old, new in old_and_new:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new
        assert client.get(new).status_code == 200
