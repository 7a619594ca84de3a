"""The inbox's inspect view speaks the staff's words: "Yes"/"No" and capitalised labels."""

import re

import pytest

from consultations.models import ConsultationRequest

INDEX = "/admin/consultations/consultationrequest/"


@pytest.mark.parametrize(("consent", "shown"), [(True, "Yes"), (False, "No")])
def test_inspect_shows_yes_no_and_human_labels(client, demo, staff_user, consent, shown):
    request = ConsultationRequest.objects.create(name="Jane Doe", email="jane@example.com", consent=consent)
    assert client.login(username=staff_user.username, password="correct-horse-9")
    html = client.get(f"{INDEX}inspect/{request.pk}/").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert f"Consent to be contacted {shown}" in text
    assert "True" not in text and "False" not in text
    assert "Preferred contact time" in text and "Came from" in text
