"""Local development: console email, the embedded SQLite database.

Debug pages are off unless ``DJANGO_DEBUG=1``: `make run` shows what visitors see (the site's own
404 and 500 pages, no URL lists or tracebacks).
"""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# Uploaded images, served by Django itself on the local server only (production: the web server or S3).
SERVE_MEDIA = True
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
