"""Accepting a valid request: one path for the site form and the JSON API."""

import re
from functools import partial
from urllib.parse import urlsplit, urlunsplit

from django.db import transaction

from clinic.models import ClinicSettings

from .notifications import notify_clinic

_UNSAFE = re.compile(r"[\x00-\x20\x7f]")


def page_from(value):
    """The page a request came from, as ``/path`` or ``https://host/path``; "" when unusable.

    Query strings and fragments are dropped: they may carry a visitor's data (search terms, tokens).
    """
    value = (value or "").strip()
    if not value or _UNSAFE.search(value):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.scheme not in ("", "http", "https") or (not parts.netloc and not parts.path.startswith("/")):
        return ""
    if value.startswith("//"):
        return ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))[:300]


def notification_address(request):
    """The clinic's private address for new requests, for the site that received this one."""
    try:
        return ClinicSettings.for_request(request).notification_email
    except ClinicSettings.DoesNotExist:
        return ""


def accept(form, request, channel, came_from=""):
    """Save a valid request and notify the clinic once the row is committed."""
    with transaction.atomic():
        consultation = form.save(commit=False)
        consultation.channel = channel
        consultation.source_page = page_from(came_from)
        consultation.save()
        recipient = notification_address(request)
        # After commit: the email never announces a request that was rolled back,
        # and a failing mail server cannot roll the request back.
        transaction.on_commit(partial(notify_clinic, consultation.pk, recipient))
    return consultation
