"""Settings shared by every environment of Treatment CMS.

Environment-specific files (dev, test, production) import from here and
override only what differs.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as cors_default_headers

from .security import security_header_settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "home",
    "clinic",
    "products",
    "photos",
    "treatments",
    "search",
    "seo",
    "consultations",
    "webhooks",
    "portability",
    "demo",
    "accounts",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail_headless_preview",
    "corsheaders",
    "wagtail.api.v2",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "cms",
    # Content-Security-Policy: the nonce template tag and its settings checks.
    "csp",
    # Last: its hooks override Wagtail's rich-text page links, its signals see every model.
    "core",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses API and HTML answers for clients that accept gzip (weakens ETags, as it should).
    "django.middleware.gzip.GZipMiddleware",
    # Outside the caches below, so cached pages and API answers get a fresh nonce and both headers.
    "core.security_headers.ContentSecurityPolicyMiddleware",
    "core.security_headers.PermissionsPolicyMiddleware",
    # Outside CorsMiddleware: a preflight advertises only the methods its endpoint serves.
    "api.cors.EndpointMethodsCorsMiddleware",
    # Before anything that can answer early, so API responses always carry CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # request.user.is_verified(): has this session given a second factor (docs/security-logins.md).
    "django_otp.middleware.OTPMiddleware",
    # Admin pages ask for the second factor (or its set-up) before anything else.
    "accounts.middleware.SecondFactorMiddleware",
    # Turns a locked-out sign-in or password reset into the lockout page; inside the header middleware.
    "axes.middleware.AxesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Image URLs built while serving a request are absolute on its scheme, host and port.
    "core.renditions.RequestRootMiddleware",
    # Per request: the change sequence number (read from the database once, when first needed)
    # and the tags of what the request shows, for the caches below (core/stamps.py).
    "core.stamps.RequestStampsMiddleware",
    # Innermost: a cached page still gets every header the middleware above adds.
    "core.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # {{ CSP_NONCE }} for an inline script a public template may need one day.
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# One URL selects the database; without one, the embedded SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A cache outage must degrade to uncached pages, never to errors.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "treatment-cms",
        }
    }

# Axes first: a locked-out client is refused before any password is checked. AxesBackend (axes' check
# plus ModelBackend's get_user) rather than AxesStandaloneBackend: Wagtail's page test utilities sign
# in with the first backend listed, which must be able to load the user.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Formats every image is offered in, best first (docs/frontend.md#images): "avif" (left out where
# Pillow cannot write it), "webp", "original" (the uploaded file's). AVIF costs the most CPU to make.
CMS_IMAGE_FORMATS = ["avif", "webp", "original"]
# The image upload form refuses files that cannot be decoded in full (core/image_uploads.py); every
# image file is stored without metadata under a random name (docs/security-files.md#uploaded-photos).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_uploads.ImageForm"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Long treatment pages have many block fields in the editor form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Treatment CMS"
# Absolute links name the host that was asked, never a default port (docs/operations.md#hosts).
# The admin's address, for links in emails sent outside a request (Wagtail's review notifications,
# the consultation email): unset, our emails use the default Site's root URL and a password reset
# the host it was asked on. `make run` sets it to the address it serves; production to
# https://<first ALLOWED_HOSTS entry> unless set.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip() or None
# No outside hosts are reachable from a clinic's intranet or from CI.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

WAGTAILSEARCH_BACKENDS = {
    # Wagtail's database backend (SQLite FTS5 / PostgreSQL), safe with any query text: search/backends.py
    "default": {"BACKEND": "search.backends"},
}

# Every document download goes through Wagtail's serve view, which checks the collection's privacy
# (never a redirect to, or a link straight at, the storage's URL). See docs/security-files.md.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Where a private page or document sends a visitor to log in: staff are the only logins there are.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]

# Headless front ends get display HTML, never Wagtail's database markup.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
# Unset, Wagtail builds `detail_url` and the `find/` redirect from the Site the request reached.
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", "").strip() or None
# When a separate front end serves the pages (https://www.clinic.com), pages' public URLs name it:
# canonical links, JSON-LD @id/url, the API's html_url, the sitemap and webhook `url`. Unset (the
# default), they name the Wagtail Site that serves them. Images and API links stay on this host.
CMS_FRONTEND_BASE_URL = os.environ.get("CMS_FRONTEND_BASE_URL", "").strip().rstrip("/")
# Public API responses: Cache-Control max-age for clients and CDNs, and how long Django's cache
# keeps them (0 turns the server-side cache off). See README "API caching".
CMS_API_CACHE_MAX_AGE = int(os.environ.get("CMS_API_CACHE_MAX_AGE", "60"))
CMS_API_CACHE_TIMEOUT = int(os.environ.get("CMS_API_CACHE_TIMEOUT", "600"))
# Rendered pages for anonymous visitors (core/page_cache.py); 0 turns the page cache off.
CMS_PAGE_CACHE_TIMEOUT = int(os.environ.get("CMS_PAGE_CACHE_TIMEOUT", "300"))
# For shared caches (CDNs, proxies): how long they may keep an answer, and serve it stale while
# fetching a fresh one. They are purged by tag on every change (CMS_FRONTEND_CACHE_PURGE_URL).
CMS_CACHE_S_MAXAGE = int(os.environ.get("CMS_CACHE_S_MAXAGE", "300"))
CMS_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("CMS_CACHE_STALE_WHILE_REVALIDATE", "30"))
# The header naming the objects an answer shows (Cache-Tag: Cloudflare, Akamai; Surrogate-Key: Fastly).
CMS_CACHE_TAG_HEADER = os.environ.get("CMS_CACHE_TAG_HEADER", "Cache-Tag").strip()
# Where to POST {"tags": [...]} after a change (Cloudflare's purge-by-tag shape), with a bearer token.
CMS_FRONTEND_CACHE_PURGE_URL = os.environ.get("CMS_FRONTEND_CACHE_PURGE_URL", "").strip()
CMS_FRONTEND_CACHE_PURGE_TOKEN = os.environ.get("CMS_FRONTEND_CACHE_PURGE_TOKEN", "").strip()
if CMS_FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "core.purge.TagPurgeBackend",
            "LOCATION": CMS_FRONTEND_CACHE_PURGE_URL,
            "TOKEN": CMS_FRONTEND_CACHE_PURGE_TOKEN,
        }
    }

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["api.renderers.JSONRenderer"],
}

# Front ends on other origins may read the API; none are allowed unless listed
# (comma-separated, scheme included), e.g. CMS_FRONTEND_ORIGINS=https://www.clinic.com
CORS_ALLOWED_ORIGINS = [o.strip() for o in os.environ.get("CMS_FRONTEND_ORIGINS", "").split(",") if o.strip()]
CORS_URLS_REGEX = r"^/api/.*$"
# What browser code may read and send (issue 15): validators and caching headers, the consultation
# intake's Location and Retry-After, and conditional requests. Methods are narrowed per endpoint
# (api/cors.py); these are the most any endpoint serves.
CORS_EXPOSE_HEADERS = ["ETag", "Location", "Retry-After", "Cache-Tag", "Idempotent-Replayed"]
CORS_ALLOW_HEADERS = [*cors_default_headers, "if-none-match", "idempotency-key"]
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]

# Headless preview: where the front end's preview route lives and how long a token is valid.
CMS_PREVIEW_CLIENT_URL = os.environ.get("CMS_PREVIEW_CLIENT_URL", "")
CMS_PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("CMS_PREVIEW_TOKEN_MAX_AGE", "3600"))
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": CMS_PREVIEW_CLIENT_URL} if CMS_PREVIEW_CLIENT_URL else {},
    # The front end decides about trailing slashes in its own preview route.
    "ENFORCE_TRAILING_SLASH": False,
}

# Publish webhooks: a JSON list of {"url": ..., "secret": ...}; see README "Publish webhooks".
CMS_WEBHOOKS = os.environ.get("CMS_WEBHOOKS", "")
CMS_WEBHOOK_TIMEOUT = float(os.environ.get("CMS_WEBHOOK_TIMEOUT", "5"))
CMS_WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("CMS_WEBHOOK_MAX_ATTEMPTS", "10"))
CMS_WEBHOOK_RETRY_BASE_SECONDS = float(os.environ.get("CMS_WEBHOOK_RETRY_BASE_SECONDS", "30"))
CMS_WEBHOOK_RETRY_MAX_SECONDS = float(os.environ.get("CMS_WEBHOOK_RETRY_MAX_SECONDS", "3600"))

# Background work (django-tasks). Wagtail's own tasks (reference and search index updates) stay on
# the immediate default; webhook delivery goes to a queue in the database, run off the request path
# by the worker process: `manage.py db_worker --backend webhooks` (docs/operations.md).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Consultation requests (see README "Consultation requests").
# Per client address, django-ratelimit syntax ("10/h", "100/d"); empty disables the limit.
CONSULTATION_RATE_LIMIT = os.environ.get("CONSULTATION_RATE_LIMIT", "10/h")
# Behind N reverse proxies, the client is the Nth address from the right of X-Forwarded-For.
CONSULTATION_TRUSTED_PROXIES = int(os.environ.get("CONSULTATION_TRUSTED_PROXIES", "0"))
CONSULTATION_MAX_BODY_BYTES = int(os.environ.get("CONSULTATION_MAX_BODY_BYTES", str(16 * 1024)))
CONSULTATION_RETENTION_DAYS = int(os.environ.get("CONSULTATION_RETENTION_DAYS", "365"))
# A cache outage must not turn patients away: without a working cache nobody is limited.
RATELIMIT_FAIL_OPEN = True

# Editorial governance (see README "Editorial governance"). A finished "Medical review" workflow
# stamps the review date and reviewer into the page before publishing it.
WAGTAIL_FINISH_WORKFLOW_ACTION = "treatments.review.publish_with_review"
# The claims check warns (never blocks) when a block's text holds one of these phrases;
# the off-label list applies inside off-label uses only.
CMS_CLAIM_WARNING_PHRASES = ["painless", "guaranteed", "risk-free", "permanent", "no side effects"]
CMS_OFF_LABEL_WARNING_PHRASES = ["FDA-approved"]

# Security headers (docs/security-headers.md): Content-Security-Policy for the site, the admin and
# the API, and Permissions-Policy. CMS_CSP_REPORT_ONLY=1 makes browsers report violations (to
# CMS_CSP_REPORT_URI, if set) without blocking anything, to try a policy change on a live site.
CMS_CSP_REPORT_ONLY = os.environ.get("CMS_CSP_REPORT_ONLY", "").strip().lower() in {"1", "true", "yes", "on"}
CMS_CSP_REPORT_URI = os.environ.get("CMS_CSP_REPORT_URI", "").strip()
vars().update(security_header_settings(report_only=CMS_CSP_REPORT_ONLY, report_uri=CMS_CSP_REPORT_URI))
# Staff sign-in (docs/security-logins.md). After CMS_LOGIN_FAILURE_LIMIT failed sign-ins or password
# reset requests, a username, and separately a client address, is locked for CMS_LOGIN_COOLOFF_MINUTES
# (each new try restarts the wait); `manage.py axes_reset_username <name>` / `axes_reset` unlock.
AXES_FAILURE_LIMIT = int(os.environ.get("CMS_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("CMS_LOGIN_COOLOFF_MINUTES", "15")))
# Two counters: one username guessed from many addresses, and one address guessing many usernames.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The same client address as the consultation rate limit (CONSULTATION_TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.throttling.locked_out"
# A successful sign-in forgets that user's and that address's earlier typos.
AXES_RESET_ON_SUCCESS = True
# Two-step verification (TOTP app + recovery codes) before any admin page, for superusers and every
# user holding one of these permissions; anyone else may set it up and is then asked for it too.
CMS_REQUIRE_2FA = True
CMS_2FA_REQUIRED_PERMISSIONS = [
    "consultations.view_consultationrequest",
    "consultations.change_consultationrequest",
    "consultations.delete_consultationrequest",
]
# The name authenticator apps show beside the six-digit code.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
