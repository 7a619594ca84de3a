"""Deploy checks of the shared machinery: caches shared by every process that serves requests."""

import os

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
