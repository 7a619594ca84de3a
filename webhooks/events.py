"""Events for the outbox: their JSON payloads, and writing them in the caller's transaction.

Payloads are only built when an endpoint is configured (``targets()`` first, then the payload):
a site without subscribers pays nothing for them.
"""

import logging
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from core.timestamps import utc_timestamp

from . import paths
from .config import WebhookConfigError, endpoints
from .models import WebhookDelivery
from .tasks import deliver_webhook

logger = logging.getLogger(__name__)


def targets():
    """The configured endpoints; none (and a logged error) while ``CMS_WEBHOOKS`` is malformed."""
    try:
        return endpoints()
    except WebhookConfigError:
        # `manage.py check` reports this; a bad setting must not block editors from publishing.
        logger.exception("CMS_WEBHOOKS is misconfigured; no webhook events are recorded")
        return []


def page_payload(page, old_url_path=None):
    """A page event: which page, of which type, at which path, and every path it changes."""
    url_path, url = paths.site_path(page)
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    model = content_type.model_class()
    payload = {
        "page_id": page.pk,
        "type": model._meta.label if model else content_type.model,
        "title": page.title,
        "url_path": url_path,
        "url": url,
    }
    changed = [url_path]
    if old_url_path is not None:
        payload["old_url_path"], payload["old_url"] = paths.site_path(page, old_url_path)
        changed.append(payload["old_url_path"])
    # The parent listing and the live pages that link to or show this page.
    shown_on = paths.live_pages(paths.referencing_page_ids(page), parent_of=page)
    changed += paths.paths_of(p for p in shown_on if p.pk != page.pk)
    payload["paths"] = list(dict.fromkeys(path for path in changed if path is not None))
    return payload


def object_payload(instance, kind):
    """A snippet, image, document or setting event, with the paths of the live pages that show it."""
    payload = {"page_id": None, "type": instance._meta.label, "object_id": instance.pk, "url_path": None}
    if kind == "setting":  # shown on every page (of its site, for a site setting)
        site_id = getattr(instance, "site_id", None)
        if site_id is not None:
            payload["site_id"] = site_id
        payload["paths"] = paths.paths_of(paths.all_live_pages(site_id))
        return payload
    shown_on = paths.live_pages(paths.referencing_page_ids(instance))
    payload["pages"] = [{"page_id": page.pk, "url_path": paths.site_path(page)[0]} for page in shown_on]
    payload["paths"] = paths.paths_of(shown_on)
    return payload


def record(event, payload, to):
    """Write one outbox row per endpoint in ``to`` in the current transaction; enqueue delivery on commit.

    Rolled back with the change if the change rolls back, so a receiver never hears of
    content that does not exist.
    """
    body = {"event": event, "timestamp": utc_timestamp(timezone.now()), **payload}
    rows = WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(event=event, payload=body, endpoint_url=endpoint.url) for endpoint in to]
    )
    transaction.on_commit(partial(_enqueue, [row.pk for row in rows]), robust=True)
    return rows


def _enqueue(row_ids):
    for row_id in row_ids:
        try:
            deliver_webhook.enqueue(row_id)
        except Exception:
            # The row stays pending; `deliver_webhooks` picks it up.
            logger.exception("Could not enqueue webhook delivery %s", row_id)
