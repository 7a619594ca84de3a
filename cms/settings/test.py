"""Test runs: fast hashing, in-memory email, fresh databases."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# Serve static files straight from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
# The suite signs staff in with client.login() (no request, which django-axes refuses) and
# force_login() (no second factor); tests/accounts switches both back on with the settings fixture.
AXES_ENABLED = False
CMS_REQUIRE_2FA = False
# AVIF is slow to encode and most tests look at other things: tests/images turns it back on.
CMS_IMAGE_FORMATS = ["webp", "original"]

# On a shared Redis (CI's PostgreSQL + Redis pass), this run's keys carry their own prefix, and
# tests clear only those (tests/conftest.py): other runs and other data in the same Redis survive.
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"  # noqa: F405
