"""API faces of treatment content: how images, pages, practitioners and clinic details
appear in JSON. Blocks and page fields share these functions, so a chosen object
has one shape wherever it appears.
"""

from rest_framework import serializers
from wagtail.images import get_image_model  # noqa: F401

from core.representations import RENDITIONS, image_representation, page_representation, prefetch_renditions  # noqa: F401


def practitioner_representation(practitioner):
    """A practitioner's public profile."""
    if practitioner is None:
        return None
    return {
        "id": practitioner.pk,
        "name": practitioner.name,
        "credentials": practitioner.credentials,
        "job_title": practitioner.job_title,
        "bio": practitioner.bio,
        "photo": image_representation(practitioner.photo),
    }


def clinic_representation(clinic):
    """The clinic's public contact details (``ClinicSettings``)."""
    return {
        "name": clinic.name,
        "phone": clinic.phone,
        "phone_href": clinic.phone_href,
        "email": clinic.public_email,
        "street_address": clinic.street_address,
        "city": clinic.city,
        "region": clinic.region,
        "postal_code": clinic.postal_code,
        "country": clinic.country,
        "consultation_url": clinic.consultation_url,
        "consultation_label": clinic.consultation_label,
    }


class RepresentationField(serializers.Field):
    """A read-only API field with its OpenAPI schema; ``whole_page`` fields are given the page itself."""

    schema = {}
    whole_page = False

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        if self.whole_page:
            kwargs["source"] = "*"
        super().__init__(**kwargs)

    def openapi_schema(self):
        return self.schema


def _nullable(component):
    return {"anyOf": [{"$ref": f"#/components/schemas/{component}"}, {"type": "null"}]}


class ImageField(RepresentationField):
    """Serializes an image foreign key as :func:`image_representation`."""

    schema = _nullable("Image")

    def to_representation(self, value):
        return image_representation(value)


class PractitionerField(RepresentationField):
    """Serializes a practitioner foreign key as :func:`practitioner_representation`."""

    schema = _nullable("Practitioner")

    def to_representation(self, value):
        return practitioner_representation(value)


class TreatmentAreaSerializer(serializers.Serializer):
    """One on-label treatment area."""

    name = serializers.CharField()
    description = serializers.CharField()


class ClinicField(RepresentationField):
    """The clinic details of the page's site, for front ends rendering contact blocks."""

    schema = {"$ref": "#/components/schemas/Clinic"}
    whole_page = True

    def to_representation(self, page):
        from .models import ClinicSettings

        return clinic_representation(ClinicSettings.for_request(self.context["request"]))


class StructuredDataField(RepresentationField):
    """The page's JSON-LD, built with the request so clinic details and site are read once per request."""

    schema = {"type": "object", "description": "The page's schema.org JSON-LD document (@context, @graph)."}
    whole_page = True

    def to_representation(self, page):
        return page.structured_data(self.context.get("request"))


def openapi_components():
    """JSON Schemas of the representations above, for the OpenAPI document (api.openapi).

    Tests validate every representation the API sends against these, so the two cannot drift.
    """
    from .models import ClinicSettings, Practitioner

    def text(model, name, **extra):
        field = model._meta.get_field(name)
        schema = {"type": "string", **extra}
        if field.max_length:
            schema["maxLength"] = field.max_length
        if field.help_text:
            schema["description"] = str(field.help_text)
        return schema

    def obj(properties, description):
        return {
            "type": "object",
            "description": description,
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }

    rendition = obj(
        {"url": {"type": "string"}, "width": {"type": "integer"}, "height": {"type": "integer"}},
        "A resized copy of an image.",
    )
    nullable_image = {"anyOf": [{"$ref": "#/components/schemas/Image"}, {"type": "null"}]}
    return {
        "Rendition": rendition,
        "Image": obj(
            {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "alt": {"type": "string", "description": "Alt text for the image."},
                "width": {"type": "integer"},
                "height": {"type": "integer"},
                "renditions": obj(
                    {name: {"$ref": "#/components/schemas/Rendition"} for name in RENDITIONS},
                    "Ready-to-use sizes: " + ", ".join(f"{name} ({spec})" for name, spec in RENDITIONS.items()),
                ),
            },
            "A chosen image, expanded.",
        ),
        "PageLink": obj(
            {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "url_path": {"type": ["string", "null"], "description": "The page's URL on its site."},
                "type": {"type": ["string", "null"], "description": "app_label.ModelName"},
            },
            "A chosen page: enough to link to it.",
        ),
        "Practitioner": obj(
            {
                "id": {"type": "integer"},
                "name": text(Practitioner, "name"),
                "credentials": text(Practitioner, "credentials"),
                "job_title": text(Practitioner, "job_title"),
                "bio": text(Practitioner, "bio"),
                "photo": nullable_image,
            },
            "A practitioner's public profile.",
        ),
        "Clinic": obj(
            {
                "name": text(ClinicSettings, "name"),
                "phone": text(ClinicSettings, "phone"),
                "phone_href": {"type": "string", "description": "The phone number as a tel: URI."},
                "email": text(ClinicSettings, "public_email"),
                "street_address": text(ClinicSettings, "street_address"),
                "city": text(ClinicSettings, "city"),
                "region": text(ClinicSettings, "region"),
                "postal_code": text(ClinicSettings, "postal_code"),
                "country": text(ClinicSettings, "country"),
                "consultation_url": text(ClinicSettings, "consultation_url"),
                "consultation_label": text(ClinicSettings, "consultation_label"),
            },
            "The clinic's public contact details.",
        ),
    }
