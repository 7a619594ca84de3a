"""The deployment check: behind a proxy with no trusted proxies, every visitor shares one rate-limit bucket."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks

from consultations.checks import SHARED_BUCKET

PROJECT = Path(__file__).resolve().parents[2]


def _warnings():
    return [m for m in run_checks(include_deployment_checks=True) if m.id == SHARED_BUCKET]


@pytest.mark.parametrize(
    "proxy_setting", [{"SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}, {"USE_X_FORWARDED_HOST": True}]
)
def test_warns_behind_a_proxy_with_no_trusted_proxies(settings, proxy_setting):
    for name, value in proxy_setting.items():
        setattr(settings, name, value)
    settings.CONSULTATION_TRUSTED_PROXIES = 0
    [warning] = _warnings()
    assert warning.level == 30  # WARNING: `check --deploy --fail-level WARNING` fails on it
    assert "every visitor would share one consultation rate-limit bucket" in warning.msg
    assert "CONSULTATION_TRUSTED_PROXIES" in warning.hint


def test_quiet_when_proxies_are_trusted(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CONSULTATION_TRUSTED_PROXIES = 1
    assert _warnings() == []


def test_quiet_without_a_proxy_or_without_a_limit(settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.USE_X_FORWARDED_HOST = False
    assert _warnings() == []
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CONSULTATION_RATE_LIMIT = ""
    assert _warnings() == []


def test_only_a_deployment_check(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CONSULTATION_TRUSTED_PROXIES = 0
    assert SHARED_BUCKET not in [m.id for m in run_checks(include_deployment_checks=False)]


def test_check_deploy_under_production_settings_behind_a_proxy(tmp_path):
    """What a server runs: production settings from the environment, proxy header on."""
    # Not DJANGO_ALLOW_ASYNC_UNSAFE either: browser tests set it in this process, and deploy checks refuse it.
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CONSULTATION_", "DATABASE_", "REDIS_")) and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="clinic.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SECURE_PROXY_SSL_HEADER="true",
    )
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    refused = subprocess.run(command, cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0
    assert SHARED_BUCKET in refused.stdout + refused.stderr
    environment["CONSULTATION_TRUSTED_PROXIES"] = "1"
    passed = subprocess.run(command, cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=120)
    assert passed.returncode == 0, passed.stdout + passed.stderr
