"""The practitioner and clinic shapes: written by their serializers, their schemas derived from them."""

import pytest

from api.openapi import build_document
from clinic.api import ClinicSerializer, PractitionerSerializer
from clinic.models import ClinicSettings, Practitioner
from cms.api import api_router

pytestmark = pytest.mark.django_db


def test_practitioner_shape(make_image):
    practitioner = Practitioner.objects.create(name="Dr. Ana Lee", credentials="MD", photo=make_image(title="Ana"))
    data = PractitionerSerializer.represent(practitioner)
    assert list(data) == ["id", "name", "credentials", "job_title", "bio", "photo"]
    assert data["photo"]["title"] == "Ana" and data["photo"]["srcset"]
    assert PractitionerSerializer.represent(None) is None
    practitioner.photo = None
    assert PractitionerSerializer.represent(practitioner)["photo"] is None


def test_clinic_shape(demo):
    data = ClinicSerializer.represent(ClinicSettings.objects.get())
    assert data["phone_href"] == "tel:+15038500414"
    assert "notification_email" not in data  # where requests go: never public


def test_component_schemas_follow_the_serializers(monkeypatch):
    schemas = build_document(api_router)["components"]["schemas"]
    practitioner = schemas["Practitioner"]
    assert practitioner["required"] == PractitionerSerializer.Meta.fields == list(practitioner["properties"])
    assert practitioner["properties"]["name"] == {
        "type": "string",
        "maxLength": 200,
        "description": Practitioner._meta.get_field("name").help_text,
    }
    assert schemas["Clinic"]["properties"]["email"]["maxLength"] == 254  # from the model field it reads
    # A field left out of the serializer leaves the schema too.
    monkeypatch.setattr(PractitionerSerializer.Meta, "fields", ["id", "name", "photo"])
    assert build_document(api_router)["components"]["schemas"]["Practitioner"]["required"] == ["id", "name", "photo"]
