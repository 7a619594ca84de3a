"""Shared machinery as a Django app: the content-changed signal and the caches that follow it."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Raises ``content_changed`` once every model is loaded; the response caches subscribe."""

    name = "core"
    label = "core"
    verbose_name = "Shared machinery"

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model

        from . import checks  # noqa: F401  (registers the deploy checks)
        from .image_uploads import clean_uploaded_image
        from .invalidation import changed
        from .signals import connect_sources, content_changed
        from .stamps import connect_collector

        connect_sources()
        connect_collector()
        # Each change stamps exactly its objects' tags, in its own transaction.
        content_changed.connect(changed, dispatch_uid="core-caching")
        # Every image file is stored without metadata, under a random name.
        pre_save.connect(clean_uploaded_image, sender=get_image_model(), dispatch_uid="core-image-uploads")
