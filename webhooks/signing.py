"""Timestamped HMAC-SHA256 signatures of webhook bodies.

``X-CMS-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">``: the timestamp is
signed with the body, so a captured request cannot be replayed after ``TOLERANCE_SECONDS``.
Receivers check it with ``webhooks.verify.verify_signature`` (shown in docs/frontend.md).
"""

import hashlib
import hmac
import time

from .verify import TOLERANCE_SECONDS, verify_signature

SIGNATURE_HEADER = "X-CMS-Signature"

__all__ = ["SIGNATURE_HEADER", "TOLERANCE_SECONDS", "sign", "verify"]


def sign(body: bytes, secret: str, timestamp: int | None = None) -> str:
    """The header value for ``body`` sent at ``timestamp`` (unix seconds, default now)."""
    t = int(time.time()) if timestamp is None else int(timestamp)
    digest = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={digest}"


def verify(body: bytes, secret: str, header_value: str, now: float | None = None) -> bool:
    """What a receiver does (see ``webhooks.verify``)."""
    return verify_signature(header_value, body, secret, now=now)
