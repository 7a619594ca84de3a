"""Every webhook payload the receiver gets validates against the OpenAPI document's ``webhooks``."""

import json

import jsonschema
from wagtail.models import Page

from api.openapi import build_document
from clinic.models import Practitioner
from cms.api import api_router
from tests.treatments.factories import make_treatment
from webhooks.signal_handlers import PAGE_EVENTS


def test_every_payload_sent_matches_the_documented_webhooks(treatment_index, receiver, committed, make_image):
    page = make_treatment(treatment_index, publish=False, title="Dysport", slug="dysport")
    committed(lambda: page.save_revision().publish())
    other = make_treatment(treatment_index, title="Peel", slug="peel")
    committed(lambda: page.move(other, pos="last-child"))
    committed(lambda: Page.objects.get(pk=page.pk).specific.unpublish())
    committed(lambda: Practitioner.objects.create(name="Dr. Q"))
    committed(lambda: make_image(title="Room"))

    webhooks = build_document(api_router)["webhooks"]
    schemas = {
        name: item["post"]["requestBody"]["content"]["application/json"]["schema"] for name, item in webhooks.items()
    }
    events = [json.loads(body) for _headers, body in receiver.requests]
    assert {"page.published", "page.moved", "page.unpublished", "snippet.saved", "image.saved"} <= {
        event["event"] for event in events
    }
    for event in events:
        jsonschema.validate(event, schemas["page" if event["event"] in PAGE_EVENTS else "object"])
        assert event["timestamp"].endswith("Z")  # one convention: UTC, Z (issue 15)
    for headers, _body in receiver.requests:
        assert jsonschema.Draft202012Validator(webhooks["page"]["post"]["parameters"][0]["schema"]).is_valid(
            headers["X-CMS-Signature"]
        )
