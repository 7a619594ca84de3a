"""The OpenAPI document types a before-and-after pair exactly, without its authorization."""

import pytest

from api.openapi import build_document
from cms.api import api_router

pytestmark = pytest.mark.django_db

NULLABLE_PRACTITIONER = {"anyOf": [{"$ref": "#/components/schemas/Practitioner"}, {"type": "null"}]}
IMAGE = {"anyOf": [{"$ref": "#/components/schemas/Image"}, {"type": "null"}]}


def test_the_pair_schema_is_exact_and_carries_no_authorization():
    schemas = build_document(api_router)["components"]["schemas"]
    pair = schemas["BeforeAfterBlock"]
    assert pair["required"] == [
        "before_image",
        "after_image",
        "treatment_area",
        "time_since_treatment",
        "sessions",
        "practitioner",
        "caption",
        "authorized",
        "disclosure",
    ]
    properties = pair["properties"]
    assert set(properties) == set(pair["required"]) and pair["additionalProperties"] is False
    assert "authorization" not in properties
    assert properties["authorized"]["const"] is True
    assert properties["disclosure"]["type"] == "string"
    assert properties["sessions"]["type"] == "integer" and properties["sessions"]["minimum"] == 1
    assert properties["treatment_area"]["maxLength"] == 100
    assert properties["before_image"]["anyOf"] == IMAGE["anyOf"]
    assert properties["practitioner"]["anyOf"] == NULLABLE_PRACTITIONER["anyOf"]
    item = schemas["TreatmentBodyBlock.before_after"]
    assert item["properties"]["value"] == {"$ref": "#/components/schemas/BeforeAfterBlock"}
    assert item["title"] == "Before and after"
