"""The /consultation/ page: pre-selection, validation with accessible errors, confirmation."""

import re

import pytest

from consultations.models import ConsultationRequest
from tests.treatments.factories import make_treatment

from .conftest import FORM


def test_call_to_action_leads_to_the_form_with_the_treatment_selected(client, demo):
    page = client.get(demo.url).content.decode()
    link = re.search(r'href="(/consultation/\?treatment=\d+)"', page)
    assert link, "the treatment page links to the consultation form"
    form = client.get(link.group(1)).content.decode()
    assert f'<option value="{demo.pk}" selected>BOTOX</option>' in form


def test_form_page_is_labelled_and_valid_looking(client, demo):
    response = client.get(FORM)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'name="csrfmiddlewaretoken"' in html
    for name in ["name", "email", "phone", "treatment", "preferred_time", "message", "consent", "website"]:
        assert f'for="id_{name}"' in html, name
        assert len(re.findall(rf'id="id_{name}"', html)) == 1, name
    assert 'autocomplete="name"' in html and 'autocomplete="email"' in html and 'autocomplete="tel"' in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert "error-summary" not in html


@pytest.mark.parametrize("value", ["abc", "999999", "-1", "1" * 40, ""])
def test_bad_treatment_parameter_is_ignored(client, demo, value):
    response = client.get(FORM, {"treatment": value})
    assert response.status_code == 200
    assert '<option value="" selected>Not sure yet</option>' in response.content.decode()


def test_draft_treatment_is_neither_listed_nor_preselected(client, treatment_index):
    draft = make_treatment(treatment_index, publish=False, title="Secret laser")
    html = client.get(FORM, {"treatment": draft.pk}).content.decode()
    assert "Secret laser" not in html


def test_valid_request_redirects_to_a_confirmation_with_the_reference(client, form_data, demo):
    response = client.post(FORM, form_data)
    assert response.status_code == 302
    assert response["Location"] == "/consultation/thanks/"
    stored = ConsultationRequest.objects.get()
    assert stored.channel == "site"
    assert stored.treatment == demo
    assert stored.source_page == "/treatments/botox/"
    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert stored.reference in html
    assert "Jane" not in html and "jane@example.com" not in html
    assert html.count("<h1") == 1


def test_confirmation_without_a_request_shows_no_reference(client, demo):
    html = client.get("/consultation/thanks/").content.decode()
    assert "CR-" not in html
    assert "Thank you" in html


def test_csrf_is_enforced(demo, form_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(FORM, form_data)
    assert response.status_code == 403
    assert not ConsultationRequest.objects.exists()


def test_errors_are_shown_next_to_each_field_and_summarised(client, form_data):
    response = client.post(FORM, {**form_data, "name": "", "email": "nope", "consent": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert not ConsultationRequest.objects.exists()
    # The summary comes first, is focusable, and links to each field.
    assert '<div class="error-summary" id="error-summary" role="alert" tabindex="-1" autofocus' in html
    assert '<a href="#id_name">' in html and '<a href="#id_email">' in html and '<a href="#id_consent">' in html
    assert "<title>Error: " in html
    for name in ["name", "email", "consent"]:
        field = re.search(rf'<(input|select|textarea)[^>]*id="id_{name}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in field, name
        assert f'aria-describedby="id_{name}_error"' in field, name
        assert f'id="id_{name}_error"' in html, name
    assert "Please tell us your name." in html
    assert "Please agree to be contacted" in html
    # What the visitor typed is kept.
    assert 'value="nope"' in html


def test_missing_contact_points_both_fields_at_one_message(client, form_data):
    html = client.post(FORM, {**form_data, "email": "", "phone": ""}).content.decode()
    assert '<p class="field-error" id="contact-error">Please give an email address or a phone number' in html
    for name in ["email", "phone"]:
        field = re.search(rf'<input[^>]*id="id_{name}"[^>]*>', html).group(0)
        assert 'aria-describedby="contact-error"' in field and 'aria-invalid="true"' in field


def test_script_in_fields_is_escaped_when_shown_again(client, form_data):
    script = '<script>alert("x")</script>'
    html = client.post(FORM, {**form_data, "name": script, "email": "bad"}).content.decode()
    assert script not in html
    assert "&lt;script&gt;" in html


def test_other_methods_are_refused(client, demo):
    assert client.put(FORM).status_code == 405


def test_query_counts(client, form_data, django_assert_max_num_queries):
    client.post(FORM, form_data)  # warm Wagtail's site cache and the session
    client.get(FORM)  # and the logo's rendition (made once, on the first page that shows it)
    # The site and the change sequence number (read from the database, issue 12), the clinic's
    # logo and its rendition in the header, the view restrictions, the treatment, the session.
    with django_assert_max_num_queries(9):
        assert client.get(FORM, {"treatment": form_data["treatment"]}).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.post(FORM, form_data).status_code == 302
