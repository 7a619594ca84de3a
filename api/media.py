"""``/api/v2/images/`` and ``/api/v2/documents/``: files outside private collections."""

from urllib.parse import urljoin

from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageDownloadUrlField
from wagtail.images.api.v2.serializers import ImageSerializer as WagtailImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from core.renditions import media_root_url
from core.representations import ImageSerializer, prefetch_renditions

from .mixins import PublicAPIMixin

# The Image shape's fields (core.representations), in its order: an item of /api/v2/images/ is
# the same object a block or a page field shows, plus Wagtail's ``meta``.
IMAGE_SHAPE_FIELDS = list(ImageSerializer().fields)


class AbsoluteImageDownloadUrlField(ImageDownloadUrlField):
    """``meta.download_url``: the original file's absolute URL, on the host its sizes name."""

    def to_representation(self, image):
        return urljoin(media_root_url(), super().to_representation(image))


class PublicImageAPISerializer(WagtailImageSerializer):
    """Wagtail's image serializer with every URL absolute (Wagtail leaves the original's relative)."""

    download_url = AbsoluteImageDownloadUrlField(read_only=True)


def _without_private_collections(queryset):
    """Images and documents outside collections with view restrictions."""
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    for path in restricted:
        queryset = queryset.exclude(collection__path__startswith=path)
    return queryset


class PublicImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    """``/api/v2/images/``: images outside private collections, in the Image shape."""

    base_serializer_class = PublicImageAPISerializer
    body_fields = IMAGE_SHAPE_FIELDS
    listing_default_fields = ["id", "type", "detail_url", *IMAGE_SHAPE_FIELDS]
    nested_default_fields = ["id", "type", "detail_url", *IMAGE_SHAPE_FIELDS]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        # Every field of the shape is written by the shape's own field, so ``?fields=alt`` is
        # one of them, and the OpenAPI document derives this endpoint's schema from the shape.
        overrides = super().get_field_serializer_overrides(model)
        return {**overrides, **{name: ImageSerializer.field(name) for name in IMAGE_SHAPE_FIELDS if name != "id"}}

    def get_queryset(self):
        return _without_private_collections(super().get_queryset())

    def prefetch(self, instances, serializer):
        super().prefetch(instances, serializer)
        if "srcset" in getattr(serializer, "child", serializer).fields:
            prefetch_renditions(instances)


class PublicDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    """``/api/v2/documents/``: documents outside private collections."""

    def get_queryset(self):
        return _without_private_collections(super().get_queryset())
