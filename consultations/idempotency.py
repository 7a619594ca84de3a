"""``Idempotency-Key`` on ``POST /api/v2/consultations/``: a retry gets the first answer, not a second request.

A client that lost the answer to a request (a dropped connection, a timeout) sends it again with
the same key: the database holds the key with the first answer for ``KEPT_FOR``, so the retry is
answered with the same status and reference and no second row is written. The same key with a
different body conflicts with what the key already stands for: 409. Only accepted requests (201) are kept:
a refused request wrote nothing, so sending it again is already harmless.
"""

import json
import re
from datetime import timedelta

from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import IdempotencyKey

HEADER = "Idempotency-Key"
META_KEY = "HTTP_IDEMPOTENCY_KEY"
REPLAY_HEADER = "Idempotent-Replayed"
KEPT_FOR = timedelta(hours=24)
MAX_LENGTH = 255
# Visible ASCII but the double quote, written bare (abc-123) or as a quoted string ("abc-123").
KEY_PATTERN = r'^([!#-~]{1,255}|"[!#-~]{1,255}")$'
_KEY = re.compile(r'([!#-~]{1,255})|"([!#-~]{1,255})"')


class InvalidKey(ValueError):
    """The header is present but not a usable key."""


class KeyReused(Exception):
    """The key was already used with a different body."""


def key_from(request):
    """The request's idempotency key, or None when the header is absent."""
    value = request.META.get(META_KEY)
    if value is None:
        return None
    match = _KEY.fullmatch(value)
    if not match:
        raise InvalidKey(f"{HEADER} must be 1 to {MAX_LENGTH} visible ASCII characters (a UUID is a good key).")
    return match.group(1) or match.group(2)


def fingerprint(data):
    """A keyed hash of the parsed body: key order and whitespace do not make a retry a different request."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return salted_hmac("consultations.idempotency", canonical, algorithm="sha256").hexdigest()


def _cutoff():
    return timezone.now() - KEPT_FOR


def first_answer(key, body_fingerprint):
    """``(status, body)`` of the first request with this key, None if there was none in the last 24 hours.

    Raises ``KeyReused`` when that request had a different body.
    """
    stored = IdempotencyKey.objects.filter(key=key, created_at__gte=_cutoff()).first()
    if stored is None:
        return None
    if stored.fingerprint != body_fingerprint:
        raise KeyReused
    return stored.status, stored.response


def remember(key, body_fingerprint, status, body):
    """Keep the answer under the key; call inside the transaction that wrote the request.

    A concurrent copy of the same request makes this raise ``IntegrityError`` (unique key), which
    rolls the whole transaction back: only one of them writes a row.
    """
    IdempotencyKey.objects.filter(key=key, created_at__lt=_cutoff()).delete()
    IdempotencyKey.objects.create(key=key, fingerprint=body_fingerprint, status=status, response=body)


def expired():
    """Keys older than ``KEPT_FOR``, for the retention command."""
    return IdempotencyKey.objects.filter(created_at__lt=_cutoff())
