"""Settings of the API benchmark (bench/api.py): the project's, plus bench-only URLs.

Never used in production: the stock Wagtail endpoint and the ceiling view exist only here.
"""

import os

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-secret-key-never-used-in-production-0123456789"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.api_urls"
WHITENOISE_USE_FINDERS = True
# bench/api.py runs one server with the response cache off (cold) and one with it on (warm).
CMS_API_CACHE_TIMEOUT = int(os.environ.get("CMS_API_CACHE_TIMEOUT", "600"))
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
