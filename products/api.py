"""The ``important_safety_information`` section of a treatment page, as front ends read it."""

from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from core.representations import BlankAsNullCharField, BlankAsNullURLField


class SafetyHtmlField(serializers.CharField):
    """Rich text of the product, expanded to HTML (links resolved) for front ends; ``null`` when empty."""

    def to_representation(self, value):
        return expand_db_html(value) if value else None

    def openapi_schema(self):
        return {"type": ["string", "null"], "contentMediaType": "text/html"}


class ImportantSafetyInformationSerializer(serializers.Serializer):
    """One product's boxed warning and Important Safety Information, quoted from the manufacturer."""

    product = serializers.CharField(source="brand_name", read_only=True, help_text="The product's brand name.")
    # Optional texts the clinic may leave empty are null, never "" (issue 15's one convention).
    generic_name = BlankAsNullCharField(read_only=True, null_when_blank=True)
    manufacturer = BlankAsNullCharField(read_only=True, null_when_blank=True)
    boxed_warning = SafetyHtmlField(read_only=True)
    text = SafetyHtmlField(source="safety_information", read_only=True)
    units_note = BlankAsNullCharField(read_only=True, null_when_blank=True)
    source_url = BlankAsNullURLField(source="safety_source_url", read_only=True, null_when_blank=True)
    checked_on = serializers.DateField(source="safety_checked_on", read_only=True, allow_null=True)
    version = serializers.IntegerField(
        source="safety_version", read_only=True, help_text="Raised by one at every change of the text."
    )
