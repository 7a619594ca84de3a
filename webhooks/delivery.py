"""Sending outbox rows: one signed POST per attempt, exponential back-off, bounded attempts."""

import json
from datetime import timedelta

import requests
from django.conf import settings
from django.utils import timezone

from .config import secret_for
from .models import WebhookDelivery
from .signing import SIGNATURE_HEADER, sign

USER_AGENT = "TreatmentCMS-Webhooks/1"


def encode(payload):
    """The exact bytes sent (and signed) for a payload: compact JSON, keys sorted, UTF-8."""
    return json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()


def retry_delay(attempts):
    """Seconds to wait after the ``attempts``-th failure: base, 2x base, 4x base... up to the cap."""
    delay = settings.CMS_WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1)
    return min(delay, settings.CMS_WEBHOOK_RETRY_MAX_SECONDS)


def _claim(row_id, now):
    # A conditional UPDATE is the lock: of a task and a drain racing for one row, one wins.
    # The lease outlasts the request timeout so a crashed sender's row becomes due again.
    lease = now + timedelta(seconds=2 * settings.CMS_WEBHOOK_TIMEOUT + 30)
    return WebhookDelivery.objects.filter(
        pk=row_id, status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=lease)


def _post(row):
    """POST the row's payload; returns ``(delivered, status_code, error)``."""
    secret = secret_for(row.endpoint_url)
    if secret is None:
        return False, None, "The endpoint is no longer configured in CMS_WEBHOOKS."
    body = encode(row.payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-CMS-Event": row.event,
        "X-CMS-Delivery": str(row.delivery_id),
        SIGNATURE_HEADER: sign(body, secret),
    }
    try:
        response = requests.post(
            row.endpoint_url, data=body, headers=headers, timeout=settings.CMS_WEBHOOK_TIMEOUT, allow_redirects=False
        )
    except requests.RequestException as exc:
        return False, None, f"{type(exc).__name__}: {exc}"[:2000]
    if 200 <= response.status_code < 300:
        return True, response.status_code, ""
    return False, response.status_code, f"HTTP {response.status_code}: {response.text[:500]}"


def deliver(row_id, now=None):
    """Attempt one row if it is due at ``now`` and pending; returns the updated row, or None if not attempted."""
    now = now or timezone.now()
    if not _claim(row_id, now):
        return None
    row = WebhookDelivery.objects.get(pk=row_id)
    delivered, status_code, error = _post(row)
    row.attempts += 1
    row.last_attempt_at = now
    row.last_status_code = status_code
    row.last_error = error
    if delivered:
        row.status = WebhookDelivery.Status.DELIVERED
        row.delivered_at = timezone.now()
    elif row.attempts >= settings.CMS_WEBHOOK_MAX_ATTEMPTS:
        # Kept, not deleted: an admin sees it and `deliver_webhooks --retry-failed` sends it again.
        row.status = WebhookDelivery.Status.FAILED
    else:
        row.next_attempt_at = now + timedelta(seconds=retry_delay(row.attempts))
    row.save(
        update_fields=[
            "attempts",
            "last_attempt_at",
            "last_status_code",
            "last_error",
            "status",
            "delivered_at",
            "next_attempt_at",
        ]
    )
    return row


def due_rows(now=None):
    """Ids of pending rows whose next attempt is due, oldest first."""
    return list(
        WebhookDelivery.objects.filter(
            status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now or timezone.now()
        )
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)
    )


def drain(now=None):
    """Attempt every row due at ``now`` once; returns the attempted rows."""
    now = now or timezone.now()
    return [row for row in (deliver(pk, now) for pk in due_rows(now)) if row is not None]


def retry_failed():
    """Give failed rows a fresh set of attempts, due now."""
    return WebhookDelivery.objects.filter(status=WebhookDelivery.Status.FAILED).update(
        status=WebhookDelivery.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
