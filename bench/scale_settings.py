"""Settings of the scale benchmark (bench/scale.py): the project's, with every response cache off.

Never used in production. The benchmark measures the work of building each response, so the API
and page caches are off (each can be turned back on from the environment), and the admin is
reached with a forced login (no second factor).
"""

import os

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-secret-key-never-used-in-production-0123456789"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True
CMS_API_CACHE_TIMEOUT = int(os.environ.get("CMS_API_CACHE_TIMEOUT", "0"))
CMS_PAGE_CACHE_TIMEOUT = int(os.environ.get("CMS_PAGE_CACHE_TIMEOUT", "0"))
CMS_REQUIRE_2FA = False
AXES_ENABLED = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
