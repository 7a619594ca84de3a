"""A malformed ``CMS_WEBHOOKS`` stops ``manage.py check`` and start-up, not the first publish."""

from django.core import checks

from .config import WebhookConfigError, endpoints


@checks.register()
def check_webhook_endpoints(app_configs, **kwargs):
    try:
        endpoints()
    except WebhookConfigError as exc:
        return [checks.Error(str(exc), id="webhooks.E001")]
    return []
