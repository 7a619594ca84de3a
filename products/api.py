"""The ``important_safety_information`` section of a treatment page, as front ends read it."""

from rest_framework import serializers
from wagtail.rich_text import expand_db_html


class SafetyHtmlField(serializers.CharField):
    """Rich text of the product, expanded to HTML (links resolved) for front ends."""

    def to_representation(self, value):
        return expand_db_html(value) if value else ""

    def openapi_schema(self):
        return {"type": "string", "contentMediaType": "text/html"}


class ImportantSafetyInformationSerializer(serializers.Serializer):
    """One product's boxed warning and Important Safety Information, quoted from the manufacturer."""

    product = serializers.CharField(source="brand_name", read_only=True, help_text="The product's brand name.")
    generic_name = serializers.CharField(read_only=True)
    manufacturer = serializers.CharField(read_only=True)
    boxed_warning = SafetyHtmlField(read_only=True)
    text = SafetyHtmlField(source="safety_information", read_only=True)
    units_note = serializers.CharField(read_only=True)
    source_url = serializers.URLField(source="safety_source_url", read_only=True)
    checked_on = serializers.DateField(source="safety_checked_on", read_only=True, allow_null=True)
    version = serializers.IntegerField(
        source="safety_version", read_only=True, help_text="Raised by one at every change of the text."
    )
