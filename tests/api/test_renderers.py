"""The API's orjson renderer writes the same JSON as DRF's own."""

import datetime
import decimal
import json
import uuid

from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer as DRFJSONRenderer

from api.renderers import JSONRenderer

DATA = {
    "text": "Café \u2028 line \u2029 paragraph <script>",
    "when": datetime.datetime(2026, 11, 25, 8, 30, tzinfo=datetime.UTC),
    "day": datetime.date(2026, 11, 25),
    "amount": decimal.Decimal("12.50"),
    "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "lazy": gettext_lazy("Schedule Consultation"),
    "nested": [{"a": 1, "b": [True, None, 2.5]}],
}


def test_same_bytes_as_drf_compact_json():
    ours = JSONRenderer().render(DATA, "application/json")
    assert ours == DRFJSONRenderer().render(DATA, "application/json")
    assert b"\\u2028" in ours and json.loads(ours)["when"] == "2026-11-25T08:30:00Z"


def test_always_compact_so_responses_never_vary_with_accept():
    ours = JSONRenderer().render(DATA, "application/json; indent=2")
    assert ours == DRFJSONRenderer().render(DATA, "application/json")


def test_api_responses_use_it(demo, client):
    response = client.get(f"/api/v2/pages/{demo.pk}/")
    assert response.content.startswith(b'{"id":')
    assert json.loads(response.content)["id"] == demo.pk
    indented = client.get(f"/api/v2/pages/{demo.pk}/", HTTP_ACCEPT="application/json; indent=4")
    assert indented.content == response.content
