"""``/api/v2/images/`` and ``/api/v2/documents/``: files outside private collections."""

from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from .mixins import PublicAPIMixin


def _without_private_collections(queryset):
    """Images and documents outside collections with view restrictions."""
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    for path in restricted:
        queryset = queryset.exclude(collection__path__startswith=path)
    return queryset


class PublicImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    """``/api/v2/images/``: images outside private collections."""

    def get_queryset(self):
        return _without_private_collections(super().get_queryset())


class PublicDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    """``/api/v2/documents/``: documents outside private collections."""

    def get_queryset(self):
        return _without_private_collections(super().get_queryset())
