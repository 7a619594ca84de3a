"""Production: everything comes from the environment; refuses to start without a secret.

``base.py`` already reads ``DATABASE_URL`` (persistent, health-checked connections),
``REDIS_URL`` (a cache whose outage degrades to uncached pages) and the front-end origins.
This file adds what only a public deployment needs: HTTPS, e-mail, media storage and
hashed, compressed static files. The README's "Production" section lists every variable.
"""

import os
from urllib.parse import urlsplit

import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .security import security_header_settings


def _env_flag(name, default):
    """A yes/no environment variable; anything but a clear 'no' keeps the safe default."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() not in {"0", "false", "no", "off"}


def _env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _bucket_origins():
    """Where the bucket's URLs point: the custom domain, else the endpoint or AWS's bucket hosts."""
    bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"]
    endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL") or "")
    if endpoint.netloc:
        # Path-style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint/key) addressing.
        return [f"{endpoint.scheme}://{endpoint.netloc}", f"{endpoint.scheme}://{bucket}.{endpoint.netloc}"]
    region = os.environ.get("AWS_S3_REGION_NAME")
    hosts = [f"{bucket}.s3.amazonaws.com"] + ([f"{bucket}.s3.{region}.amazonaws.com"] if region else [])
    return [f"https://{host}" for host in hosts]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS")
# Links in emails sent outside a request (review notifications) name the public host over HTTPS,
# never a local default: WAGTAILADMIN_BASE_URL if set, else the first concrete ALLOWED_HOSTS entry.
_named_hosts = [host for host in ALLOWED_HOSTS if host != "*" and not host.startswith(".")]
if not WAGTAILADMIN_BASE_URL and _named_hosts:  # noqa: F405
    WAGTAILADMIN_BASE_URL = f"https://{_named_hosts[0]}"
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")

# One cache for every worker and process: Redis when REDIS_URL is set, else the database cache
# (table cms_cache, created by migrate). A per-process cache with several workers fails the
# deploy check core.E001, and gunicorn (gunicorn.conf.py) refuses to start on it.
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cms_cache",
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms"),
        }
    }

# HTTPS everywhere. Load balancers probe /healthz over plain HTTP, so it is never redirected.
SECURE_SSL_REDIRECT = _env_flag("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _env_flag("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Behind a TLS-terminating proxy (nginx, a load balancer, a CDN) Django sees plain HTTP;
# trust X-Forwarded-Proto only when the proxy sets it and strips it from clients.
if _env_flag("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# E-mail: one EMAIL_URL (smtp://user:pass@host:587/?tls=True) or the separate variables.
if os.environ.get("EMAIL_URL"):
    vars().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
else:
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _env_flag("EMAIL_USE_TLS", False)
    EMAIL_USE_SSL = _env_flag("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Media on S3-compatible storage when a bucket is named; otherwise MEDIA_ROOT on disk.
# Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Image URLs end up in cached API responses: they must not expire. Documents never use
            # the bucket's URLs (WAGTAILDOCS_SERVE_METHOD = "serve_view"), so they need no signing.
            "querystring_auth": _env_flag("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            # Every object private; the bucket policy makes renditions (images/) readable, nothing
            # else: docs/security-files.md. Empty for a bucket that refuses ACLs (owner-enforced).
            "default_acl": os.environ.get("AWS_DEFAULT_ACL", "private").strip() or None,
        },
    }
    CMS_CSP_MEDIA_ORIGINS = _env_list("CMS_CSP_MEDIA_ORIGINS") or _bucket_origins()
else:
    MEDIA_ROOT = os.environ.get("MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
    CMS_CSP_MEDIA_ORIGINS = _env_list("CMS_CSP_MEDIA_ORIGINS")

# The security headers again, now that the media's origin is known (pages show its images).
vars().update(
    security_header_settings(
        media_origins=CMS_CSP_MEDIA_ORIGINS,
        report_only=CMS_CSP_REPORT_ONLY,  # noqa: F405
        report_uri=CMS_CSP_REPORT_URI,  # noqa: F405
    )
)

# Static files: hashed, compressed names served by whitenoise after `collectstatic`.
STATIC_ROOT = os.environ.get("STATIC_ROOT", STATIC_ROOT)  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# Errors and warnings go to stderr, where gunicorn and the process manager collect them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
