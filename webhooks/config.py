"""The configured webhook endpoints (``CMS_WEBHOOKS``)."""

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings


class WebhookConfigError(ValueError):
    """``CMS_WEBHOOKS`` is not a list of {"url": "http(s)://...", "secret": "..."}."""


@dataclass(frozen=True)
class Endpoint:
    """A receiver of events and the secret its signatures are made with."""

    url: str
    secret: str


def parse_endpoints(raw):
    """Read ``CMS_WEBHOOKS``: a JSON string or an already parsed list of {"url", "secret"}."""
    if not raw:
        return []
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise WebhookConfigError(f"CMS_WEBHOOKS is not valid JSON: {exc}") from exc
    if not isinstance(raw, list):
        raise WebhookConfigError('CMS_WEBHOOKS must be a JSON list of {"url": ..., "secret": ...}.')
    endpoints = []
    for i, item in enumerate(raw):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("url"), str)
            or not isinstance(item.get("secret"), str)
        ):
            raise WebhookConfigError(f'CMS_WEBHOOKS[{i}] must be {{"url": "...", "secret": "..."}}.')
        parts = urlsplit(item["url"])
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise WebhookConfigError(f"CMS_WEBHOOKS[{i}].url must be an http(s) URL, not {item['url']!r}.")
        if len(item["url"]) > 500:
            raise WebhookConfigError(f"CMS_WEBHOOKS[{i}].url is longer than 500 characters.")
        if not item["secret"]:
            raise WebhookConfigError(f"CMS_WEBHOOKS[{i}].secret must not be empty.")
        endpoints.append(Endpoint(url=item["url"], secret=item["secret"]))
    return endpoints


def endpoints():
    """The endpoints every event goes to."""
    return parse_endpoints(settings.CMS_WEBHOOKS)


def secret_for(url):
    """The secret of the configured endpoint at ``url``, or None once it is no longer configured."""
    for endpoint in endpoints():
        if endpoint.url == url:
            return endpoint.secret
    return None
