"""The project package as a Django app: management commands, hooks, cache invalidation."""

from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Connects API cache invalidation to content changes once every model is loaded."""

    name = "cms"
    label = "cms"
    verbose_name = "Treatment CMS"

    def ready(self):
        from .signals import connect_cache_invalidation

        connect_cache_invalidation()
