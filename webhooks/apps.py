from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Subscribes the webhook outbox to ``core.signals.content_changed``."""

    name = "webhooks"
    verbose_name = "Webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401

        signal_handlers.connect()
