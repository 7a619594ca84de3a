"""Choosers that arrive expanded in the API (image, treatment page, practitioner), never as a bare id."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from clinic.api import PractitionerSerializer
from core.prefetch import objects_for
from core.representations import ImageSerializer, PageLinkSerializer, prefetch_renditions


class PrefetchedChooserMixin:
    """Reads the chosen objects an API response fetched for all its pages at once (core.prefetch)."""

    def bulk_to_python(self, values):
        found = objects_for(self.model_class, values)
        return found if found is not None else super().bulk_to_python(values)


class ClinicImageChooserBlock(PrefetchedChooserMixin, ImageChooserBlock):
    """An image chooser whose API form carries renditions, size and alt text."""

    def bulk_to_python(self, values):
        # Renditions of every image in the stream come in one extra query.
        images = super().bulk_to_python(values)
        prefetch_renditions([image for image in images if image is not None])
        return images

    def get_api_representation(self, value, context=None):
        return ImageSerializer.represent(value)

    def api_schema(self, schemas):
        # A chosen image may since have been deleted: null then.
        return {"anyOf": [schemas.ref("Image"), {"type": "null"}]}


class TreatmentChooserBlock(PrefetchedChooserMixin, blocks.PageChooserBlock):
    """A link to another treatment page; in the API its id, title and URL path."""

    def __init__(self, **kwargs):
        super().__init__(page_type="treatments.TreatmentPage", **kwargs)

    def get_api_representation(self, value, context=None):
        # A chosen page that is not live (a draft, or unpublished since) is not shown.
        return PageLinkSerializer.represent(value if value is not None and value.live else None)

    def api_schema(self, schemas):
        return {"anyOf": [schemas.ref("PageLink"), {"type": "null"}]}


class PractitionerChooserBlock(PrefetchedChooserMixin, SnippetChooserBlock):
    """A practitioner of the clinic; in the API their public profile."""

    def __init__(self, **kwargs):
        super().__init__("clinic.Practitioner", **kwargs)

    def get_api_representation(self, value, context=None):
        return PractitionerSerializer.represent(value)

    def api_schema(self, schemas):
        return {"anyOf": [schemas.ref("Practitioner"), {"type": "null"}]}
