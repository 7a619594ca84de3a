"""Production settings, loaded the way a server loads them: in a fresh process, from the environment."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
# Variables the developer's shell, CI or other fixtures (browser tests set DJANGO_ALLOW_ASYNC_UNSAFE)
# may carry, which would change what production reads.
PRODUCTION_VARIABLES = {
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "AWS_STORAGE_BUCKET_NAME",
    "CMS_FRONTEND_ORIGINS",
    "DATABASE_URL",
    "EMAIL_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "STATIC_ROOT",
}


def _production(args, tmp_path, **env):
    """Run ``python <args>`` in the project with production settings and the given environment."""
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION_VARIABLES}
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    environment.update(env)
    environment = {key: value for key, value in environment.items() if value is not None}
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120
    )


def _secret():
    return secrets.token_urlsafe(50)


def _settings_probe(code, tmp_path, **env):
    """Evaluate ``code`` (an expression) after Django setup under production settings; return its JSON."""
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"from django.core.files.storage import storages; print(json.dumps({code}))"
    )
    result = _production(["-c", script], tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_reports_nothing(tmp_path):
    result = _production(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        SECRET_KEY=_secret(),
        ALLOWED_HOSTS="clinic.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_refuses_to_start_without_a_secret_key(tmp_path):
    result = _production(["manage.py", "check"], tmp_path, SECRET_KEY=None, ALLOWED_HOSTS="clinic.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment for production" in result.stderr


def test_everything_comes_from_the_environment(tmp_path):
    values = _settings_probe(
        "{'hosts': settings.ALLOWED_HOSTS, 'debug': settings.DEBUG, 'email': [settings.EMAIL_HOST, "
        "settings.EMAIL_PORT, settings.EMAIL_HOST_USER, settings.EMAIL_USE_TLS], 'from': settings.DEFAULT_FROM_EMAIL, "
        "'cache': settings.CACHES['default']['BACKEND'], 'db': settings.DATABASES['default']['ENGINE'], "
        "'cors': settings.CORS_ALLOWED_ORIGINS, 'proxy': settings.SECURE_PROXY_SSL_HEADER, "
        "'static': settings.STORAGES['staticfiles']['BACKEND']}",
        tmp_path,
        SECRET_KEY=_secret(),
        ALLOWED_HOSTS="clinic.example,www.clinic.example",
        EMAIL_URL="smtp://mailer:s3cret@mail.clinic.example:587/?tls=True",
        DEFAULT_FROM_EMAIL="Clinic <noreply@clinic.example>",
        REDIS_URL="redis://127.0.0.1:6379/3",
        DATABASE_URL="postgres://clinic@db.clinic.example:5432/clinic",
        CMS_FRONTEND_ORIGINS="https://www.clinic.example",
        SECURE_PROXY_SSL_HEADER="true",
    )
    assert values == {
        "hosts": ["clinic.example", "www.clinic.example"],
        "debug": False,
        "email": ["mail.clinic.example", 587, "mailer", True],
        "from": "Clinic <noreply@clinic.example>",
        "cache": "django_redis.cache.RedisCache",
        "db": "django.db.backends.postgresql",
        "cors": ["https://www.clinic.example"],
        "proxy": ["HTTP_X_FORWARDED_PROTO", "https"],
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }


def test_separate_email_variables(tmp_path):
    values = _settings_probe(
        "[settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_HOST_PASSWORD, settings.EMAIL_USE_TLS]",
        tmp_path,
        SECRET_KEY=_secret(),
        EMAIL_HOST="smtp.clinic.example",
        EMAIL_PORT="2525",
        EMAIL_HOST_PASSWORD="pw",
        EMAIL_USE_TLS="yes",
    )
    assert values == ["smtp.clinic.example", 2525, "pw", True]


def test_media_on_s3_compatible_storage_when_a_bucket_is_named(tmp_path):
    values = _settings_probe(
        "[type(storages['default']).__name__, storages['default'].bucket_name,"
        " storages['default'].url('original_images/a.png')]",
        tmp_path,
        SECRET_KEY=_secret(),
        AWS_STORAGE_BUCKET_NAME="clinic-media",
        AWS_S3_ENDPOINT_URL="https://s3.storage.example",
        AWS_S3_CUSTOM_DOMAIN="media.clinic.example",
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY="not-a-real-secret",
    )
    assert values == ["S3Storage", "clinic-media", "https://media.clinic.example/original_images/a.png"]


SERVE_STATIC = """
import django, json
django.setup()
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client
call_command("migrate", verbosity=0)  # creates the database cache's table too (production's shared cache)
call_command("collectstatic", interactive=False, verbosity=0)
url = static("css/site.css")
client = Client()
plain = client.get("/treatments/", HTTP_HOST="clinic.example")
health = client.get("/healthz", HTTP_HOST="clinic.example")
asset = client.get(url, HTTP_HOST="clinic.example", HTTP_ACCEPT_ENCODING="gzip", secure=True)
print(json.dumps({
    "url": url,
    "redirect": [plain.status_code, plain.get("Location")],
    "health": health.status_code,
    "asset": [asset.status_code, asset.get("Content-Encoding"), asset.get("Cache-Control"),
              asset.get("Strict-Transport-Security")],
}))
"""


def test_without_redis_every_worker_shares_the_database_cache(tmp_path):
    backend = _settings_probe("settings.CACHES['default']['BACKEND']", tmp_path, SECRET_KEY=_secret())
    assert backend == "django.core.cache.backends.db.DatabaseCache"


def test_static_files_are_hashed_compressed_and_https_is_enforced(tmp_path):
    result = _production(["-c", SERVE_STATIC], tmp_path, SECRET_KEY=_secret(), ALLOWED_HOSTS="clinic.example")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])

    assert values["url"].startswith("/static/css/site.") and values["url"] != "/static/css/site.css"
    assert values["redirect"] == [301, "https://clinic.example/treatments/"]
    # Load balancers probe over plain HTTP: never redirected.
    assert values["health"] == 200
    status, encoding, cache_control, hsts = values["asset"]
    assert (status, encoding) == (200, "gzip")
    assert "immutable" in cache_control
    assert hsts == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.parametrize("value", ["", "  "])
def test_blank_secret_key_is_no_secret_key(tmp_path, value):
    result = _production(["manage.py", "check"], tmp_path, SECRET_KEY=value)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_tests_clear_only_their_own_redis_keys(db):
    """On a shared Redis, the suite's cache clearing leaves other data alone."""
    from django.core.cache import cache

    from tests.conftest import _clear_own_cache_keys

    if not hasattr(cache, "delete_pattern"):
        pytest.skip("the cache is not Redis (set REDIS_URL; .ci/run's PostgreSQL + Redis pass does)")
    redis = cache.client.get_client(write=True)
    redis.set("someone-else:session", "keep", ex=60)
    cache.set("treatment-page", "ours")
    cache.set("site-root-paths", "ours", version=2)  # Wagtail's versioned key
    try:
        _clear_own_cache_keys()
        assert cache.get("treatment-page") is None
        assert cache.get("site-root-paths", version=2) is None
        assert redis.get("someone-else:session") == b"keep"
    finally:
        redis.delete("someone-else:session")


@pytest.mark.postgres
def test_search_runs_on_postgresql_full_text_search(demo):
    """On the production stack, site search is PostgreSQL FTS (stemmed), not SQLite's FTS5."""
    from django.db import connection
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
    from wagtail.search.backends import get_search_backend

    from treatments.models import TreatmentPage

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...; .ci/run's second pass sets it)")
    backend = get_search_backend()
    assert isinstance(backend, PostgresSearchBackend)
    # "wrinkle" finds the page that says "wrinkles": English stemming, inside StreamField text.
    assert list(backend.search("wrinkle", TreatmentPage.objects.live())) == [demo]
