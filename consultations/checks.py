"""Deployment check: behind a reverse proxy, the rate limit must know how many proxies to look past."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

SHARED_BUCKET = "consultations.W001"


@register(Tags.security, deploy=True)
def trusted_proxies_are_configured(app_configs, **kwargs):
    """Warn when the site runs behind a proxy while ``CONSULTATION_TRUSTED_PROXIES`` is 0.

    Behind a proxy every request comes from the proxy's address; with no proxy trusted, every
    visitor shares one rate-limit bucket, and a handful of requests locks the form for everyone.
    """
    behind_proxy = bool(getattr(settings, "SECURE_PROXY_SSL_HEADER", None)) or getattr(
        settings, "USE_X_FORWARDED_HOST", False
    )
    limited = bool(getattr(settings, "CONSULTATION_RATE_LIMIT", ""))
    if not (behind_proxy and limited and not getattr(settings, "CONSULTATION_TRUSTED_PROXIES", 0)):
        return []
    return [
        Warning(
            "The site is configured for a reverse proxy (SECURE_PROXY_SSL_HEADER or USE_X_FORWARDED_HOST) "
            "but CONSULTATION_TRUSTED_PROXIES is 0: every visitor would share one consultation rate-limit "
            "bucket (the proxy's address), so a few requests would lock the form for everyone.",
            hint=(
                "Set CONSULTATION_TRUSTED_PROXIES to the number of proxies that append to X-Forwarded-For "
                "(1 for one nginx or load balancer). See README, Production."
            ),
            id=SHARED_BUCKET,
        )
    ]
