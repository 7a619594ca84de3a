"""Shared machinery as a Django app: hooks and cache invalidation on content changes."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Connects cache invalidation to content changes once every model is loaded."""

    name = "core"
    label = "core"
    verbose_name = "Shared machinery"

    def ready(self):
        from .signals import connect_cache_invalidation

        connect_cache_invalidation()
