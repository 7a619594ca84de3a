"""API fields of treatment pages: the chosen objects a page points at, expanded, and its JSON-LD.

Shared objects (image, practitioner, clinic) are written by their serializers (``core.representations``,
``clinic.api``), so a chosen object has one shape wherever it appears.
"""

from rest_framework import serializers

from clinic.api import ClinicSerializer, PractitionerSerializer
from clinic.models import ClinicSettings
from core.representations import BlankAsNullCharField, ImageSerializer, ShapeField

from .structured_data import json_ld_schemas


class ImageField(ShapeField):
    """An image foreign key, as :class:`~core.representations.ImageSerializer` writes it."""

    shape = ImageSerializer

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)


class PractitionerField(ShapeField):
    """A practitioner foreign key, as :class:`~clinic.api.PractitionerSerializer` writes it."""

    shape = PractitionerSerializer

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)


class ClinicField(ShapeField):
    """The clinic details of the page's site, for front ends rendering contact blocks."""

    shape = ClinicSerializer

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        return super().to_representation(ClinicSettings.for_request(self.context["request"]))


class TreatmentAreaSerializer(serializers.Serializer):
    """One on-label treatment area."""

    name = serializers.CharField()
    description = BlankAsNullCharField(null_when_blank=True, help_text="What is treated there; null if not given.")


class StructuredDataField(serializers.Field):
    """The page's JSON-LD, built with the request so clinic details and site are read once per request."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page):
        return page.structured_data(self.context.get("request"))

    def openapi_schema(self, schemas):
        """A reference to the ``JsonLd`` component; its parts are registered beside it."""
        parts = json_ld_schemas()
        for name, schema in parts.items():
            schemas.component(name, lambda schema=schema: schema)
        return schemas.ref("JsonLd")
