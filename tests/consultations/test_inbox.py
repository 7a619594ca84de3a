"""The staff inbox: who sees it (real logins), what staff can do, and the audit trail."""

import csv
import io

import pytest
from wagtail.models import ModelLogEntry

from consultations.models import ConsultationRequest

INDEX = "/admin/consultations/consultationrequest/"
# The sidebar menu is rendered as JSON props.
MENU_ITEM = '"label": "Consultation requests"'


@pytest.fixture
def requests_(demo):
    """Three requests: a new one about BOTOX, a booked one, and one with a formula for a name."""
    return [
        ConsultationRequest.objects.create(
            name="Jane Doe", email="jane@example.com", treatment=demo, consent=True, message="<script>x()</script>"
        ),
        ConsultationRequest.objects.create(name="Sam Roe", phone="503-555-0101", consent=True, status="booked"),
        ConsultationRequest.objects.create(name='=HYPERLINK("http://evil")', email="e@example.com", consent=True),
    ]


def _login(client, user):
    assert client.login(username=user.username, password="correct-horse-9")


def _url(action, consultation):
    return f"{INDEX}{action}/{consultation.pk}/"


@pytest.mark.parametrize("who", ["staff_user", "superuser"])
def test_clinic_staff_and_superusers_see_the_inbox(client, requests_, who, request):
    _login(client, request.getfixturevalue(who))
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jane Doe" in html and "Sam Roe" in html and "BOTOX" in html
    assert MENU_ITEM in client.get("/admin/").content.decode()


def test_editors_cannot_see_the_inbox(client, requests_, editor_user):
    _login(client, editor_user)
    assert client.get("/admin/").status_code == 200, "editors can use the admin"
    assert MENU_ITEM not in client.get("/admin/").content.decode(), "no menu item"
    for url in [INDEX, f"{INDEX}?export=csv", _url("inspect", requests_[0]), _url("edit", requests_[0])]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Jane Doe" not in response.content.decode(), url
    response = client.post(_url("edit", requests_[0]), {"status": "closed", "notes": "hijacked"})
    assert response.status_code in (302, 403)
    requests_[0].refresh_from_db()
    assert requests_[0].status == "new" and requests_[0].notes == ""


def test_visitors_are_sent_to_the_login(client, requests_):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_filters_and_search(client, requests_, staff_user):
    _login(client, staff_user)
    booked = client.get(INDEX, {"status__exact": "booked"}).content.decode()
    assert "Sam Roe" in booked and "Jane Doe" not in booked
    by_treatment = client.get(INDEX, {"treatment__page_ptr__exact": requests_[0].treatment_id}).content.decode()
    assert "Jane Doe" in by_treatment and "Sam Roe" not in by_treatment
    for term in ["jane@example", "555-0101", "Roe"]:
        found = client.get(INDEX, {"q": term}).content.decode()
        assert ("Sam Roe" in found) == (term != "jane@example"), term
    assert "date" in client.get(INDEX).content.decode().lower()


def test_nobody_creates_requests_in_the_admin(client, requests_, superuser):
    _login(client, superuser)
    assert client.get(f"{INDEX}create/").status_code in (302, 403)


def test_staff_change_status_and_notes_only(client, requests_, staff_user):
    _login(client, staff_user)
    jane = requests_[0]
    response = client.post(
        _url("edit", jane),
        {"status": "contacted", "notes": "Called, call back Friday", "name": "Changed", "email": "x@example.com"},
    )
    assert response.status_code == 302
    jane.refresh_from_db()
    assert (jane.status, jane.notes) == ("contacted", "Called, call back Friday")
    assert (jane.name, jane.email) == ("Jane Doe", "jane@example.com")
    entry = ModelLogEntry.objects.filter(action="wagtail.edit").get()
    assert (entry.user, entry.object_id, entry.label) == (staff_user, str(jane.pk), jane.reference)


def test_viewing_a_request_is_recorded(client, requests_, staff_user):
    _login(client, staff_user)
    jane = requests_[0]
    for action in ["inspect", "edit"]:
        response = client.get(_url(action, jane))
        assert response.status_code == 200
        html = response.content.decode()
        assert "jane@example.com" in html
        assert "<script>x()</script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    views = ModelLogEntry.objects.filter(action="consultations.view", object_id=str(jane.pk))
    assert views.count() == 2
    assert {entry.user for entry in views} == {staff_user}
    assert views.first().label == jane.reference, "the log names the reference, not the person"
    # The request's history in the admin shows who looked.
    history = client.get(f"{INDEX}history/{jane.pk}/").content.decode()
    assert "Viewed" in history


def test_csv_export_is_logged_and_safe_in_spreadsheets(client, requests_, staff_user):
    _login(client, staff_user)
    response = client.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="consultation-requests.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, *data = rows
    assert header[:4] == ["Reference", "Received", "Status", "Treatment"]
    assert len(data) == 3
    names = {row[header.index("Name")] for row in data}
    assert "Jane Doe" in names
    assert '\'=HYPERLINK("http://evil")' in names, "formulas are neutralised"
    assert ModelLogEntry.objects.filter(action="consultations.export", user=staff_user).count() == 3


def test_inbox_query_count(client, requests_, staff_user, django_assert_max_num_queries):
    _login(client, staff_user)
    client.get(INDEX)
    ConsultationRequest.objects.bulk_create(
        ConsultationRequest(name=f"P{i}", email=f"p{i}@example.com", consent=True, reference=f"CR-TEST{i:04d}")
        for i in range(20)
    )
    with django_assert_max_num_queries(16):  # one more since issue 12: the site, looked up by Wagtail
        assert client.get(INDEX).status_code == 200
