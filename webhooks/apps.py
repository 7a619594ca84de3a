from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Connects the content-change signals that fill the webhook outbox."""

    name = "webhooks"
    verbose_name = "Webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signal_handlers  # noqa: F401

        signal_handlers.connect()
