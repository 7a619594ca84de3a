"""Purging CDNs by tag through ``wagtail.contrib.frontend_cache``'s backends, after a change commits.

``WAGTAILFRONTENDCACHE`` (Wagtail's own setting; ``cms/settings/base.py`` fills it from
``CMS_FRONTEND_CACHE_PURGE_URL``) names the backends. A backend with a ``purge_tags(tags)``
method, like ``TagPurgeBackend`` below, gets the changed tags; backends that purge URLs only
(Wagtail's HTTP backend for Varnish, for instance) are not sent anything here, since the tags
already name every page, listing and image that shows a change.

Purging runs as a django-tasks task (Wagtail's own purges do the same): in a worker where one
is configured, else right after the commit, with a short timeout either way.
"""

import json
import logging
import urllib.request

from django_tasks import task
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger("wagtail.frontendcache")


def purge_tags(tags):
    """Ask every tag-capable frontend cache backend to drop the responses tagged with ``tags``."""
    if tags and any(hasattr(backend, "purge_tags") for backend in get_backends().values()):
        purge_tags_task.enqueue(sorted(tags))


@task()
def purge_tags_task(tags):
    for name, backend in get_backends().items():
        if hasattr(backend, "purge_tags"):
            try:
                backend.purge_tags(tags)
            except OSError as e:  # a CDN outage must not fail the change that was already saved
                logger.warning("Purging tags from frontend cache %s failed: %s", name, e)


class TagPurgeBackend(BaseBackend):
    """POSTs ``{"tags": [...]}`` to ``LOCATION`` (with ``Authorization: Bearer TOKEN`` if given).

    The request shape of Cloudflare's purge-by-tag API, and easy to put in front of any other.
    URL purges are not sent: tag purges already cover every URL that shows a change.
    """

    def __init__(self, params):
        super().__init__(params)
        self.location = params["LOCATION"]
        self.token = params.get("TOKEN", "")
        self.timeout = params.get("TIMEOUT", 5)

    def purge(self, url):
        """Nothing to do: responses are purged by the tags they carry."""

    def purge_tags(self, tags):
        request = urllib.request.Request(
            self.location,
            data=json.dumps({"tags": list(tags)}).encode(),
            headers={"Content-Type": "application/json"}
            | ({"Authorization": f"Bearer {self.token}"} if self.token else {}),
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()
