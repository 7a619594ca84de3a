"""Deploy checks of the shared machinery: caches shared by every process that serves requests."""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

# Backends whose entries live in one process: each gunicorn worker would keep its own copy.
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def web_workers():
    """How many worker processes gunicorn starts (``gunicorn.conf.py`` reads the same variable)."""
    try:
        return int(os.environ.get("WEB_CONCURRENCY", "3"))
    except ValueError:
        return 3


@register(Tags.caches, deploy=True)
def shared_cache_for_several_workers(app_configs=None, **kwargs):
    """Several workers need one shared cache (Redis or the database cache), not one per process."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES and web_workers() > 1:
        return [
            Error(
                f"The default cache ({backend}) lives inside each process, but WEB_CONCURRENCY="
                f"{web_workers()} workers will run: each would cache, and warm up, on its own.",
                hint="Set REDIS_URL, or leave it unset in production to use the database cache "
                "(table cms_cache), or run one worker (WEB_CONCURRENCY=1).",
                id="core.E001",
            )
        ]
    return []


@register()
def frontend_base_url(app_configs=None, **kwargs):
    """``CMS_FRONTEND_BASE_URL``, when set, is an absolute http(s) URL (pages' public URLs start with it)."""
    value = settings.CMS_FRONTEND_BASE_URL
    parts = urlsplit(value)
    if value and (parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment):
        return [
            Error(
                f"CMS_FRONTEND_BASE_URL must be an absolute http(s) URL, not {value!r}.",
                hint="e.g. https://www.clinic.com: the front end that serves the pages; leave it unset otherwise.",
                id="core.E002",
            )
        ]
    return []
