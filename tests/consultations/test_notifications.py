"""Email to the clinic after commit; a failing mail server never loses a request."""

import logging

import pytest

from consultations.models import ConsultationRequest

from .conftest import FORM


def test_clinic_is_emailed_after_commit(post_json, payload, clinic, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post_json(payload)
    assert mailoutbox == [], "nothing is sent before the transaction commits"
    for callback in callbacks:
        callback()
    (message,) = mailoutbox
    reference = response.json()["reference"]
    assert message.to == ["frontdesk@clinic.example"]
    assert message.subject == f"New consultation request {reference} (BOTOX)"
    assert message.reply_to == ["jane@example.com"]
    assert "Jane Doe" in message.body and "503-555-0100" in message.body and "Morning" in message.body
    pk = ConsultationRequest.objects.get().pk
    assert f"/admin/consultations/consultationrequest/inspect/{pk}/" in message.body


def test_html_in_a_request_is_escaped_in_the_email(
    client, form_data, clinic, mailoutbox, django_capture_on_commit_callbacks
):
    script = '<script>alert("x")</script>'
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM, {**form_data, "name": "<b>Jane</b>", "message": script})
    html, mimetype = mailoutbox[0].alternatives[0]
    assert mimetype == "text/html"
    assert script not in html and "<b>Jane</b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;Jane&lt;/b&gt;" in html


def test_send_failure_is_logged_and_the_request_kept(
    post_json, payload, clinic, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from django.core.mail.backends.locmem import EmailBackend

    def broken(self, messages):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr(EmailBackend, "send_messages", broken)
    with caplog.at_level(logging.ERROR, logger="consultations.notifications"):
        with django_capture_on_commit_callbacks(execute=True):
            response = post_json(payload)
    assert response.status_code == 201
    assert ConsultationRequest.objects.filter(reference=response.json()["reference"]).exists()
    assert "Could not send the notification" in caplog.text


def test_without_an_address_nothing_is_sent(post_json, payload, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert post_json(payload).status_code == 201
    assert mailoutbox == []


@pytest.mark.parametrize("path", ["/api/v2/clinic/", "/"])
def test_notification_address_is_never_public(client, clinic, path):
    assert "frontdesk@clinic.example" not in client.get(path).content.decode()
