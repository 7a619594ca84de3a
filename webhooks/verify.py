"""Verify an ``X-CMS-Signature`` header, as a receiver does (copied verbatim into docs/frontend.md).

Standard library only, so a Python receiver can copy this file as it is. Never raises: a
missing, malformed, short, forged or old header is simply not valid.
"""

import hashlib
import hmac
import re
import time

TOLERANCE_SECONDS = 300
_TIMESTAMP = re.compile(r"\d{1,12}")
_SIGNATURE = re.compile(r"[0-9a-f]{64}")


def verify_signature(header, body, secret, now=None):
    """True if ``header`` (``t=<unix>,v1=<hex>``) signs the raw ``body`` with ``secret`` within 5 minutes."""
    if not isinstance(header, str) or not isinstance(body, bytes) or not secret:
        return False
    parts = dict(part.strip().partition("=")[::2] for part in header.split(","))
    timestamp, signature = parts.get("t", ""), parts.get("v1", "")
    if not _TIMESTAMP.fullmatch(timestamp) or not _SIGNATURE.fullmatch(signature):
        return False
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
