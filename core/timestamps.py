"""One way to write a moment in JSON: UTC, milliseconds, ``Z`` (``2026-11-28T06:42:00.249Z``).

The form JavaScript's ``Date.prototype.toISOString()`` writes and every JSON parser reads. The pages
API (``first_published_at``, ``last_published_at``), consultation answers (``created_at``), the
JSON-LD (``dateModified``) and webhook payloads all use it (issue 15): use ``utc_timestamp`` for a
value written by hand and ``UTCDateTimeField`` in a DRF serializer.
"""

import datetime

from django.utils import timezone
from rest_framework import serializers


def utc_timestamp(value):
    """``value`` (an aware or, under ``USE_TZ``, naive-as-default-zone datetime) as ``...T...sssZ``; None stays None."""
    if value is None:
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    value = value.astimezone(datetime.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


class UTCDateTimeField(serializers.DateTimeField):
    """A read-only DRF datetime written by ``utc_timestamp``, whatever the site's time zone."""

    def to_representation(self, value):
        return utc_timestamp(value) if value else None
