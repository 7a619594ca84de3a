"""Shared machinery as a Django app: the content-changed signal and the caches that follow it."""

from django.apps import AppConfig

from .caching import bump_content_version


class CoreConfig(AppConfig):
    """Raises ``content_changed`` once every model is loaded; the response caches subscribe."""

    name = "core"
    label = "core"
    verbose_name = "Shared machinery"

    def ready(self):
        from .signals import connect_sources, content_changed

        connect_sources()
        # Any change may alter any cached response: every event makes them all stale.
        content_changed.connect(bump_content_version, dispatch_uid="core-caching")
