"""Events for the outbox: their JSON payloads, and writing them in the caller's transaction."""

import logging
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from .config import WebhookConfigError, endpoints
from .models import WebhookDelivery
from .tasks import deliver_webhook

logger = logging.getLogger(__name__)


def _site_path(page, url_path=None):
    """``(url_path, url)`` of a page as front ends route it, e.g. ``/treatments/botox/``."""
    if url_path is not None and url_path != page.url_path:
        page = Page(pk=page.pk, path=page.path, depth=page.depth, url_path=url_path)
    parts = page.get_url_parts()
    if parts is None:
        return None, None
    _site_id, root_url, page_path = parts
    return page_path, (root_url or "") + page_path


def page_payload(page, old_url_path=None):
    """The payload of a page event: which page, of which type, at which path."""
    url_path, url = _site_path(page)
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    payload = {
        "page_id": page.pk,
        "type": content_type.model_class()._meta.label if content_type.model_class() else content_type.model,
        "title": page.title,
        "url_path": url_path,
        "url": url,
    }
    if old_url_path is not None:
        payload["old_url_path"], payload["old_url"] = _site_path(page, old_url_path)
    return payload


def object_payload(instance):
    """The payload of a snippet or setting event, with the live pages known to show the object."""
    payload = {"page_id": None, "type": instance._meta.label, "object_id": instance.pk, "url_path": None}
    if hasattr(instance, "site_id"):
        payload["site_id"] = instance.site_id
    else:
        payload["pages"] = _live_pages_referencing(instance)
    return payload


def _live_pages_referencing(instance):
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids]).order_by("path")
    return [{"page_id": page.pk, "url_path": _site_path(page)[0]} for page in pages]


def record(event, payload):
    """Write one outbox row per endpoint in the current transaction; deliver once it commits.

    Rolled back with the change if the change rolls back, so a receiver never hears of
    content that does not exist.
    """
    try:
        targets = endpoints()
    except WebhookConfigError:
        # `manage.py check` reports this; a bad setting must not block editors from publishing.
        logger.exception("CMS_WEBHOOKS is misconfigured; %s not recorded", event)
        return []
    if not targets:
        return []
    body = {"event": event, "timestamp": timezone.now().isoformat(), **payload}
    rows = [WebhookDelivery.objects.create(event=event, payload=body, endpoint_url=t.url) for t in targets]
    transaction.on_commit(partial(_enqueue, [row.pk for row in rows]), robust=True)
    return rows


def _enqueue(row_ids):
    for row_id in row_ids:
        try:
            deliver_webhook.enqueue(row_id)
        except Exception:
            # The row stays pending; `deliver_webhooks` picks it up.
            logger.exception("Could not enqueue webhook delivery %s", row_id)
