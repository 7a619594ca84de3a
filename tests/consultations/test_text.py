"""Control and bidirectional-override characters are refused in every text field, site and API alike."""

import pytest

from consultations.models import ConsultationRequest

from .conftest import FORM

INBOX = "/admin/consultations/consultationrequest/"

REFUSED = [
    ("name", "Jane\x1bDoe", "U+001B"),  # ESC
    ("name", "\x01Jane", "U+0001"),  # at the start: refused as sent, not stripped away
    ("name", "Jane Doe\x7f", "U+007F"),  # DEL, at the end
    ("name", "Jane\x85Doe", "U+0085"),  # C1 (NEL)
    ("name", "Jane\tDoe", "U+0009"),  # a tab in a one-line field
    ("name", "Jane\nBcc: x@example.com", "U+000A"),
    ("name", "\u202eeoD enaJ", "U+202E"),  # RIGHT-TO-LEFT OVERRIDE
    ("name", "Jane \u2066Doe\u2069", "U+2066"),  # LEFT-TO-RIGHT ISOLATE
    ("phone", "503\x00555\x1b0100", "U+001B"),
    ("phone", "503-555-0100\u202a", "U+202A"),
    ("email", "jane\u202e@example.com", "U+202E"),
    ("email", "jane@example.com\x7f", "U+007F"),
    ("message", "Hello\x1b[31m red", "U+001B"),
    ("message", "Price \u202e0001$\u202c please", "U+202E"),
    ("message", "Hi\u2067there", "U+2067"),
]


@pytest.mark.parametrize("field, value, character", REFUSED)
def test_api_refuses_control_and_override_characters(post_json, payload, mailoutbox, field, value, character):
    response = post_json({**payload, field: value})
    assert response.status_code == 400, response.content
    errors = response.json()["errors"][field]
    assert [e["code"] for e in errors] == ["invalid_text"]
    assert character in errors[0]["message"] and "character" in errors[0]["message"]
    assert not ConsultationRequest.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize("field, value, character", REFUSED)
def test_site_form_refuses_them_with_a_field_error(client, form_data, mailoutbox, field, value, character):
    response = client.post(FORM, {**form_data, field: value})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Remove the invisible control or text-direction character {character}" in html
    assert 'aria-invalid="true"' in html
    assert not ConsultationRequest.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "change",
    [
        {"message": "Line one\r\nLine two\n\tindented"},  # browsers send CRLF from a textarea
        {"name": "\u05e9\u05e8\u05d4 \u05db\u05d4\u05df\u200f"},  # Hebrew with a right-to-left mark
        {"name": "\u0633\u0627\u0631\u0629\u061c"},  # Arabic letter mark
        {"name": "Zo\u00eb O\u2019Brien-\u00c5berg", "message": "\U0001f44d\u200d emoji with a joiner"},
    ],
)
def test_ordinary_text_is_stored_as_sent(post_json, payload, change):
    response = post_json({**payload, **change})
    assert response.status_code == 201, response.content
    stored = ConsultationRequest.objects.get()
    for field, value in change.items():
        assert getattr(stored, field) == value.strip(" ")


def test_nul_keeps_djangos_own_answer(post_json, payload):
    errors = post_json({**payload, "message": "a\x00b"}).json()["errors"]["message"]
    assert [e["code"] for e in errors] == ["null_characters_not_allowed"]


def test_staff_notes_refuse_them_too(client, staff_user):
    consultation = ConsultationRequest.objects.create(name="Jane", email="j@example.com", consent=True)
    assert client.login(username=staff_user.username, password="correct-horse-9")
    response = client.post(f"{INBOX}edit/{consultation.pk}/", {"status": "contacted", "notes": "ok\u202eko"})
    assert response.status_code == 200, "the form is shown again with the error"
    assert "U+202E" in response.content.decode()
    consultation.refresh_from_db()
    assert (consultation.status, consultation.notes) == ("new", "")
