"""Shared machinery as a Django app: the content-changed signal and the caches that follow it."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Raises ``content_changed`` once every model is loaded; the response caches subscribe."""

    name = "core"
    label = "core"
    verbose_name = "Shared machinery"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
        from .invalidation import changed
        from .signals import connect_sources, content_changed
        from .stamps import connect_collector

        connect_sources()
        connect_collector()
        # Each change stamps exactly its objects' tags, in its own transaction.
        content_changed.connect(changed, dispatch_uid="core-caching")
