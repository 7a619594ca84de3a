"""Snippets > Photo authorizations in the admin: who sees them, who revokes, the compliance report."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from photos.models import PhotoAuthorization
from tests.treatments.editorial import make_user

from .helpers import PATIENT_REFERENCE, make_authorization

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/photos/photoauthorization/"


def test_the_revoke_view_refuses_get_and_users_without_permission(pair_page, authorization, client):
    url = reverse("photos_revoke", args=[authorization.pk])
    client.force_login(make_user("erin", "Editors"))
    refused = client.post(url)
    assert refused.status_code in (302, 403) and refused.get("Location", "/admin/") == "/admin/"
    assert client.get(reverse("photos_confirm_revoke", args=[authorization.pk])).status_code in (302, 403)
    client.force_login(make_user("mo", "Clinic managers"))
    assert client.get(url).status_code == 405
    assert not PhotoAuthorization.objects.get(pk=authorization.pk).revoked


def test_a_clinic_manager_revokes_from_the_list(pair_page, authorization, client):
    manager = make_user("mo", "Clinic managers")
    client.force_login(manager)
    listing = client.get(LIST).content.decode()
    confirm = reverse("photos_confirm_revoke", args=[authorization.pk])
    assert PATIENT_REFERENCE in listing and confirm in listing
    page = client.get(confirm).content.decode()
    assert reverse("photos_revoke", args=[authorization.pk]) in page and 'method="post"' in page
    response = client.post(reverse("photos_revoke", args=[authorization.pk]))
    assert response.status_code == 302 and response["Location"] == LIST
    authorization.refresh_from_db()
    assert authorization.revoked and authorization.revoked_at is not None
    entry = PageLogEntry.objects.get(page=pair_page, action="photos.authorization_withdrawn")
    assert entry.user == manager
    assert confirm not in client.get(LIST).content.decode()  # no Revoke button any more


def test_editors_see_no_list_and_choose_without_the_patient_reference(authorization, client):
    revoked = make_authorization(label="Revoked photos")
    revoked.revoke()
    make_authorization(label="Social media only", covers_website=False, covers_social=True)
    client.force_login(make_user("erin", "Editors"))
    assert client.get(LIST).status_code in (302, 403)
    chooser = client.get(reverse("wagtailsnippetchoosers_photos_photoauthorization:choose"))
    assert chooser.status_code == 200
    content = chooser.content.decode()
    assert "Forehead lines, March 2026" in content and PATIENT_REFERENCE not in content
    # Only what a pair may be published with today is offered.
    assert "Revoked photos" not in content and "Social media only" not in content


def test_adding_one_records_who_entered_it(client):
    manager = make_user("mo", "Clinic managers")
    client.force_login(manager)
    form = {
        "patient_reference": "chart 5120",
        "label": "Crow's feet, May 2026",
        "covers_website": "on",
        "signed_on": "2026-05-02",
    }
    response = client.post(f"{LIST}add/", {**form, "expires_on": "2026-04-01"})
    assert response.status_code == 200  # refused: it expires before it was signed
    assert "cannot come before" in response.content.decode()
    response = client.post(f"{LIST}add/", form)
    assert response.status_code == 302
    assert PhotoAuthorization.objects.get(patient_reference="chart 5120").recorded_by == manager


def test_the_compliance_report_lists_each_published_pair(pair_page, authorization, admin_client):
    make_authorization(patient_reference="chart 9001", covers_website=False, covers_print=True)
    html = admin_client.get("/admin/reports/compliance/").content.decode()
    assert "Before-and-after" in html and PATIENT_REFERENCE in html and "Forehead lines" in html
    assert "chart 9001" not in html  # not used by any published pair
    rows = admin_client.get("/admin/reports/compliance/", {"export": "csv"})
    content = b"".join(rows.streaming_content) if rows.streaming else rows.content
    text = content.decode("utf-8-sig")
    assert "Patient reference" in text and PATIENT_REFERENCE in text and "website" in text


def test_the_chooser_query_agrees_with_the_render_rule():
    day = datetime.date(2026, 6, 1)
    cases = [
        make_authorization(),
        make_authorization(expires_on=day),
        make_authorization(expires_on=day - datetime.timedelta(days=1)),
        make_authorization(covers_website=False, covers_print=True),
        make_authorization(signed_on=day + datetime.timedelta(days=1)),
    ]
    cases[0].revoke()
    offered = set(PhotoAuthorization.objects.website_current(day))
    assert offered == {auth for auth in PhotoAuthorization.objects.all() if auth.covers_website_on(day)}
    assert offered == {cases[1]}
