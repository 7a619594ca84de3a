"""Local development: debug on, console email, the embedded SQLite database."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "django-insecure-local-development-only"  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
