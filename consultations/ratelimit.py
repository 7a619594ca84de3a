"""The per-address limit on consultation requests, backed by the cache (django-ratelimit)."""

import ipaddress

from django.conf import settings
from django_ratelimit.core import get_usage

GROUP = "consultations.intake"


def client_address(group, request):
    """The client's address; with N trusted proxies in front, the Nth address from the right of X-Forwarded-For.

    IPv6 clients are grouped by /64, since one household or phone gets a whole /64.
    """
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "CONSULTATION_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def _rate(group, request):
    return getattr(settings, "CONSULTATION_RATE_LIMIT", "10/h") or None


def retry_after(request):
    """Count this request against the limit; return seconds to wait when over it, else None."""
    usage = get_usage(request, group=GROUP, key=client_address, rate=_rate, method="POST", increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(usage["time_left"], 1)
