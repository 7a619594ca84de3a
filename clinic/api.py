"""How practitioners and the clinic's contact details appear in JSON (API fields, blocks, ``/api/v2/clinic/``).

The OpenAPI document derives the ``Practitioner`` and ``Clinic`` schemas from these serializers.
"""

from rest_framework import serializers

from core.representations import BlankAsNullCharField, ImageSerializer, ModelShapeSerializer

from .models import ClinicSettings, Practitioner


class PractitionerSerializer(ModelShapeSerializer):
    """A practitioner's public profile."""

    photo = ImageSerializer(allow_null=True)

    class Meta:
        model = Practitioner
        fields = ["id", "name", "credentials", "job_title", "bio", "photo"]


class ClinicSerializer(ModelShapeSerializer):
    """The clinic's public contact details."""

    phone_href = serializers.CharField(read_only=True, help_text="The phone number as a tel: URI.")
    # Plain text, as the editor typed it: the contract promises no e-mail format.
    email = BlankAsNullCharField(read_only=True, source="public_email", null_when_blank=True)

    class Meta:
        model = ClinicSettings
        fields = [
            "name",
            "phone",
            "phone_href",
            "email",
            "street_address",
            "city",
            "region",
            "postal_code",
            "country",
            "consultation_url",
            "consultation_label",
        ]


# Shapes this app adds to the OpenAPI document's components.
openapi_components = [PractitionerSerializer, ClinicSerializer]
