"""Which content changes reach the receiver, and with which payload."""

import hashlib
import hmac
import json
import time

import pytest
from django.db import transaction
from wagtail.models import Page

from clinic.models import ClinicSettings, Practitioner
from tests.treatments.factories import make_treatment
from tests.webhooks.conftest import SECRET, Receiver
from treatments.models import TreatmentPage
from webhooks.models import WebhookDelivery
from webhooks.signing import verify


def bodies(receiver):
    return [json.loads(body) for _headers, body in receiver.requests]


def test_publish_sends_a_signed_event(treatment_index, receiver, committed):
    page = make_treatment(treatment_index, publish=False, title="Dysport", slug="dysport")
    committed(lambda: page.save_revision().publish())

    ((headers, body),) = receiver.requests
    timestamp = headers["X-CMS-Signature"].split(",")[0].removeprefix("t=")
    expected = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    assert headers["X-CMS-Signature"] == f"t={timestamp},v1={expected}"
    assert abs(int(timestamp) - time.time()) < 60
    assert headers["Content-Type"] == "application/json"
    assert headers["X-CMS-Event"] == "page.published"
    event = json.loads(body)
    assert event["event"] == "page.published"
    assert event["page_id"] == page.pk
    assert event["type"] == "treatments.TreatmentPage"
    assert event["url_path"] == "/treatments/dysport/"
    assert event["title"] == "Dysport"
    assert event["timestamp"].startswith("20")

    row = WebhookDelivery.objects.get()
    assert row.status == WebhookDelivery.Status.DELIVERED
    assert row.attempts == 1
    assert headers["X-CMS-Delivery"] == str(row.delivery_id)
    assert row.payload == event


def test_one_row_per_endpoint(treatment_index, settings, committed):
    first, second = Receiver(), Receiver()
    try:
        settings.CMS_WEBHOOKS = json.dumps([{"url": first.url, "secret": "a"}, {"url": second.url, "secret": "b"}])
        page = make_treatment(treatment_index, publish=False)
        committed(lambda: page.save_revision().publish())
        assert sorted(WebhookDelivery.objects.values_list("endpoint_url", flat=True)) == sorted([first.url, second.url])
        assert first.events == second.events == ["page.published"]
        # Each endpoint's signature is made with its own secret.
        (headers, body) = second.requests[0]
        assert verify(body, "b", headers["X-CMS-Signature"])
        assert not verify(body, "a", headers["X-CMS-Signature"])
    finally:
        first.close()
        second.close()


def test_unpublish(demo, receiver, committed):
    committed(lambda: demo.unpublish())
    (event,) = bodies(receiver)
    assert event["event"] == "page.unpublished"
    assert event["page_id"] == demo.pk
    assert event["url_path"] == "/treatments/botox/"


def test_move_to_another_parent_tells_old_and_new_path(demo, receiver, committed):
    home = demo.get_parent().get_parent()
    committed(lambda: demo.move(home, pos="last-child"))
    (event,) = bodies(receiver)
    assert event["event"] == "page.moved"
    assert event["page_id"] == demo.pk
    assert event["old_url_path"] == "/treatments/botox/"
    assert event["url_path"] == "/botox/"


def test_reordering_siblings_is_a_move(demo, treatment_index, receiver, committed):
    other = make_treatment(treatment_index, title="Dysport", slug="dysport")
    receiver.requests.clear()
    committed(lambda: other.move(demo, pos="left"))
    (event,) = bodies(receiver)
    assert event["event"] == "page.moved"
    assert event["url_path"] == event["old_url_path"] == "/treatments/dysport/"


def test_slug_change_on_publish_tells_the_old_path(demo, receiver, committed):
    page = TreatmentPage.objects.get(pk=demo.pk)
    page.slug = "botox-cosmetic"
    committed(lambda: page.save_revision().publish())
    events = {event["event"]: event for event in bodies(receiver)}
    assert events["page.published"]["url_path"] == "/treatments/botox-cosmetic/"
    assert events["page.moved"]["old_url_path"] == "/treatments/botox/"
    assert events["page.moved"]["url_path"] == "/treatments/botox-cosmetic/"


def test_delete_a_live_page(demo, receiver, committed):
    pk = demo.pk
    committed(lambda: Page.objects.get(pk=pk).delete())
    # Wagtail unpublishes a live page as it deletes it; receivers hear both, once each.
    events = {event["event"]: event for event in bodies(receiver)}
    assert sorted(receiver.events) == ["page.deleted", "page.unpublished"]
    deleted = events["page.deleted"]
    assert deleted == {**deleted, "page_id": pk, "type": "treatments.TreatmentPage", "url_path": "/treatments/botox/"}


def test_deleting_a_section_tells_about_every_live_page_in_it(demo, treatment_index, receiver, committed):
    other = make_treatment(treatment_index, title="Dysport", slug="dysport")
    make_treatment(treatment_index, publish=False, title="Secret draft", slug="secret-draft")
    receiver.requests.clear()
    committed(lambda: treatment_index.delete())
    deleted = sorted((e["page_id"], e["url_path"]) for e in bodies(receiver) if e["event"] == "page.deleted")
    assert deleted == sorted(
        [(treatment_index.pk, "/treatments/"), (demo.pk, "/treatments/botox/"), (other.pk, "/treatments/dysport/")]
    )
    assert "secret-draft" not in str(bodies(receiver))


def test_drafts_stay_private(treatment_index, receiver, committed):
    draft = make_treatment(treatment_index, publish=False, title="Secret draft", slug="secret-draft")
    committed(lambda: draft.save_revision())
    committed(lambda: draft.move(treatment_index.get_parent(), pos="last-child"))
    committed(lambda: Page.objects.get(pk=draft.pk).delete())
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_practitioner_change_lists_the_pages_that_show_them(reviewed_demo, receiver, committed):
    demo = reviewed_demo
    practitioner = demo.reviewed_by
    assert practitioner is not None
    practitioner.job_title = "Medical director"
    committed(lambda: practitioner.save())
    (event,) = bodies(receiver)
    assert event["event"] == "snippet.saved"
    assert event["type"] == "clinic.Practitioner"
    assert event["object_id"] == practitioner.pk
    assert {"page_id": demo.pk, "url_path": "/treatments/botox/"} in event["pages"]


def test_practitioner_deleted(db, receiver, committed):
    practitioner = Practitioner.objects.create(name="Dr. Ada Byron")
    receiver.requests.clear()
    committed(lambda: practitioner.delete())
    (event,) = bodies(receiver)
    assert event["event"] == "snippet.deleted"
    assert event["type"] == "clinic.Practitioner"


def test_clinic_settings_change(demo, receiver, committed):
    clinic = ClinicSettings.objects.get()
    clinic.phone = "503-555-0100"
    committed(lambda: clinic.save())
    (event,) = bodies(receiver)
    assert event["event"] == "setting.saved"
    assert event["type"] == "clinic.ClinicSettings"
    assert event["site_id"] == clinic.site_id


def test_rolled_back_change_writes_nothing_and_sends_nothing(
    treatment_index, receiver, django_capture_on_commit_callbacks
):
    page = make_treatment(treatment_index, publish=False, title="Dysport", slug="dysport")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            page.save_revision().publish()
            assert WebhookDelivery.objects.count() == 1  # written inside the transaction...
            raise RuntimeError("the editor's request failed after publishing")
    assert not WebhookDelivery.objects.exists()  # ...and gone with it
    assert callbacks == []
    assert receiver.requests == []
    assert not TreatmentPage.objects.get(pk=page.pk).live


def test_no_endpoints_no_rows(demo, settings, committed):
    settings.CMS_WEBHOOKS = ""
    committed(lambda: demo.unpublish())
    assert not WebhookDelivery.objects.exists()
