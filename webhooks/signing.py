"""HMAC-SHA256 signatures of webhook bodies (header ``X-CMS-Signature: sha256=<hex>``)."""

import hashlib
import hmac

SIGNATURE_HEADER = "X-CMS-Signature"


def sign(body: bytes, secret: str) -> str:
    """The header value for ``body``: ``sha256=`` and the hex HMAC of the raw bytes."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, header_value: str) -> bool:
    """What a receiver does: recompute over the raw body and compare in constant time."""
    return hmac.compare_digest(sign(body, secret), header_value or "")
